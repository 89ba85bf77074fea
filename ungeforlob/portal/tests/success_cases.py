"""Min side works for the young person (and the contact person's side of "Mine ønsker" for the contact person).

Every portal URL: the GET renders for `p.youth` in their own session, and each POST has its effect.
"""

from ungeforlob.portal.tests.choose_cases import success_cases
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C


def cases(p: Personas) -> list[C]:
    from ungeforlob.chain.models import Consent, Handover, HandoverComment
    from ungeforlob.messaging.models import SmsConsent
    from ungeforlob.messaging.services import consent_give
    from ungeforlob.notifications.models import YouthNotice
    from ungeforlob.plans.models import Evaluation, Goal, PlanShare
    from ungeforlob.plans.services import plan_share
    from ungeforlob.portal.models import LoginCode, ServiceFeedback, Wish, WishStatus
    from ungeforlob.portal.testing import give_consent, give_plan
    from ungeforlob.progression.models import RoundStatus, SelfEvaluationAnswer, SelfEvaluationRound
    from ungeforlob.progression.services import (
        self_evaluation_answer,
        self_evaluation_finish,
        self_evaluation_start,
    )
    from ungeforlob.youth.models import Youth

    y = p.youth
    plan = give_plan(y, p.contact_person)
    sg = plan["subgoal"].pk
    consent = give_consent(y, p.contact_person, p.organisation)
    consent_give(actor=p.contact_person, youth=y)  # SMS
    share = plan_share(youth=y, actor=p.contact_person, recipient_name="Tømrerskolen", purpose="Optagelse",
                       parts=["maal"], consent="mundtligt", consent_confirmed=True)
    notice = YouthNotice.objects.create(youth=y, kind="test", text="Nogen er kommet med i din kæde")
    handover = Handover.objects.create(youth=y, sender=p.contact_person, receiver=p.outsider, role="frivillig",
                                       what_works="Korte møder om formiddagen")
    wish = Wish.objects.create(youth=y, kind="maal", text="Tage kørekort")
    kept = self_evaluation_start(youth=y, by_youth=True)
    self_evaluation_answer(round=kept, answers={"mot1": 3}, goals={}, by_youth=True)
    self_evaluation_finish(round=kept, keep=True, by_youth=True)
    going = self_evaluation_start(youth=y, by_youth=True)
    self_evaluation_answer(round=going, answers={"mot2": 2}, goals={}, by_youth=True)

    def round_status(pk: int) -> str | None:
        return SelfEvaluationRound.objects.filter(pk=pk).values_list("status", flat=True).first()

    youth = {"who": "youth"}
    return [
        # The public login (the code page and MitID: SUCCESS_ELSEWHERE in the coverage test).
        C("portal:login", "/min-side/login/", who="anonymous", contains="mobilnummer"),
        C("portal:login", "/min-side/login/", "post", {"mobile": y.mobile}, who="anonymous",
          effect=lambda r: r["Location"] == "/min-side/kode/" and LoginCode.objects.filter(youth=y).exists()),
        C("portal:logout", "/min-side/logout/", "post", **youth,
          effect=lambda r: r.client.get("/min-side/")["Location"] == "/min-side/login/"),
        C("portal:home", "/min-side/", contains="Josefine", **youth),
        C("portal:notices_read", "/min-side/nyt/set/", "post", {"notice": str(notice.pk)}, **youth,
          effect=lambda r: YouthNotice.objects.get(pk=notice.pk).read_at is not None),
        C("portal:language", "/min-side/sprog/", "post", {"language": "en", "next": "/min-side/"}, **youth,
          effect=lambda r: Youth.objects.get(pk=y.pk).language == "en"),
        C("portal:chain", "/min-side/kaede/", contains="Mette Kjær", **youth),
        C("portal:access_log", "/min-side/hvem-har-kigget/", **youth),
        C("portal:feedback", "/min-side/hvordan-gaar-det/", **youth),
        C("portal:feedback", "/min-side/hvordan-gaar-det/", "post", {"heard": "4", "useful": "5", "comment": "Godt"},
          **youth, effect=lambda r: ServiceFeedback.objects.filter(comment="Godt").exists()),
        C("portal:data", "/min-side/mine-data/", **youth),
        C("portal:data_json", "/min-side/mine-data.json", contains="Jeg vil gerne være tømrer", **youth),
        C("portal:data_pdf", "/min-side/mine-data.pdf", **youth),
        C("portal:plan", "/min-side/plan/", contains="Jeg vil gerne være tømrer", **youth),
        C("portal:checkin", f"/min-side/plan/tjek-ind/delmaal/{sg}/", contains="Komme op om morgenen", **youth),
        C("portal:checkin", f"/min-side/plan/tjek-ind/delmaal/{sg}/", "post",
          {"outcome": "gjort", "line": "Jeg kom op", "closeness": "4"}, **youth,
          effect=lambda r: Evaluation.objects.filter(subgoal_id=sg, by_youth=True, closeness=4).exists()),
        C("portal:wishes", "/min-side/oensker/", contains="Tage kørekort", **youth),
        C("portal:wishes", "/min-side/oensker/", "post", {"kind": "aktivitet", "text": "Lære at lave mad"}, **youth,
          effect=lambda r: Wish.objects.filter(youth=y, text="Lære at lave mad").exists()),
        C("portal:selfeval", "/min-side/selvevaluering/", **youth),
        C("portal:selfeval", "/min-side/selvevaluering/", "post", **youth,
          effect=lambda r: r["Location"] == f"/min-side/selvevaluering/{going.pk}/tema/motivation/"),
        C("portal:selfeval_answer", f"/min-side/selvevaluering/{going.pk}/tema/motivation/", **youth),
        C("portal:selfeval_answer", f"/min-side/selvevaluering/{going.pk}/tema/motivation/", "post",
          {"s_mot1": "4", "goal": "Komme i gang"}, **youth,
          effect=lambda r: SelfEvaluationAnswer.objects.filter(round=going, statement="mot1", value=4).exists()),
        C("portal:selfeval_finish", f"/min-side/selvevaluering/{going.pk}/afslut/", **youth),
        C("portal:selfeval_finish", f"/min-side/selvevaluering/{going.pk}/afslut/", "post", {"keep": "ja"}, **youth,
          effect=lambda r: round_status(going.pk) == RoundStatus.KEPT),
        C("portal:selfeval_discard", f"/min-side/selvevaluering/{kept.pk}/slet/", **youth),
        C("portal:selfeval_discard", f"/min-side/selvevaluering/{kept.pk}/slet/", "post", **youth,
          effect=lambda r: round_status(kept.pk) is None),
        C("portal:selfeval_pdf", f"/min-side/selvevaluering/{kept.pk}/pdf/", **youth),
        C("portal:selfeval_pdf", f"/min-side/selvevaluering/{going.pk}/pdf/", "post", statuses=(200,), **youth,
          effect=lambda r: r.content.startswith(b"%PDF") and round_status(going.pk) is None),
        C("portal:where", "/min-side/hvor-er-jeg/", **youth),
        C("portal:written", "/min-side/skrevet-om-mig/", **youth),
        C("portal:consents", "/min-side/samtykker/", contains="Hjælp til job", **youth),
        C("portal:consent_withdraw", f"/min-side/samtykker/{consent.pk}/traek-tilbage/", contains="Hjælp til job",
          **youth),
        C("portal:consent_withdraw", f"/min-side/samtykker/{consent.pk}/traek-tilbage/", "post", **youth,
          effect=lambda r: r["Location"] == "/min-side/samtykker/"
          and Consent.objects.get(pk=consent.pk).withdrawn_at is not None),
        C("portal:sms_stop", "/min-side/samtykker/sms/stop/", contains="påmindelser om møder", **youth),
        C("portal:sms_stop", "/min-side/samtykker/sms/stop/", "post", **youth,
          effect=lambda r: r["Location"] == "/min-side/samtykker/"
          and not SmsConsent.objects.get(youth=y).is_active),
        C("portal:share_withdraw", f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/", contains="Tømrerskolen",
          **youth),
        C("portal:share_withdraw", f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/", "post", **youth,
          effect=lambda r: PlanShare.objects.get(pk=share.pk).withdrawn_at is not None),
        C("portal:handovers", "/min-side/overleveringer/", contains="Korte møder om formiddagen", **youth),
        C("portal:handovers", "/min-side/overleveringer/", "post", {"handover": str(handover.pk), "text": "Det passer"},
          **youth, effect=lambda r: HandoverComment.objects.filter(handover=handover, by_youth=True).exists()),
        # The contact person's side of "Mine ønsker".
        C("portal:staff_wishes", f"/unge/{y.pk}/oensker/", contains="Tage kørekort"),
        C("portal:staff_wishes", f"/unge/{y.pk}/oensker/", "post", {"wish": str(wish.pk), f"w{wish.pk}-decision": "ja"},
          effect=lambda r: Wish.objects.get(pk=wish.pk).status == WishStatus.ACCEPTED
          and Goal.objects.filter(youth=y, text="Tage kørekort").exists()),
        *success_cases(p),  # choosing and saying (issue 17, points 5–6)
    ]
