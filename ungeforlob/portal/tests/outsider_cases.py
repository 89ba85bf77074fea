from ungeforlob.portal.tests.choose_cases import outsider_cases
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

# Portal pages answer only a young person's own session; a staff session is sent to the portal login.
PORTAL = (302,)


def cases(p: Personas) -> list[C]:
    from ungeforlob.messaging.services import consent_give
    from ungeforlob.portal.models import Wish
    from ungeforlob.portal.testing import give_consent

    wish = Wish.objects.create(youth=p.youth, kind="maal", text="Jeg vil lære at køre bil")
    consent = give_consent(p.youth, p.contact_person, p.organisation)
    consent_give(actor=p.contact_person, youth=p.youth)  # SMS, so that stopping it would be a write
    return [
        C("portal:home", "/min-side/", refused_statuses=PORTAL),
        C("portal:notices_read", "/min-side/nyt/set/", "post", {"notice": "1"}, refused_statuses=PORTAL),
        C("portal:language", "/min-side/sprog/", "post", {"language": "en"}, refused_statuses=PORTAL),
        C("portal:chain", "/min-side/kaede/", refused_statuses=PORTAL),
        C("portal:access_log", "/min-side/hvem-har-kigget/", refused_statuses=PORTAL),
        C("portal:feedback", "/min-side/hvordan-gaar-det/", "post", {"heard": "5", "useful": "5"}, refused_statuses=PORTAL),
        C("portal:data", "/min-side/mine-data/", refused_statuses=PORTAL),
        C("portal:data_json", "/min-side/mine-data.json", refused_statuses=PORTAL),
        C("portal:data_pdf", "/min-side/mine-data.pdf", refused_statuses=PORTAL),
        C("portal:plan", "/min-side/plan/", refused_statuses=PORTAL),
        C("portal:checkin", "/min-side/plan/tjek-ind/delmaal/1/", "post", {"outcome": "gjort", "closeness": "3"},
          refused_statuses=PORTAL),
        C("portal:wishes", "/min-side/oensker/", "post", {"kind": "maal", "text": "Et mål"}, refused_statuses=PORTAL),
        C("portal:selfeval", "/min-side/selvevaluering/", "post", refused_statuses=PORTAL),
        C("portal:selfeval_answer", "/min-side/selvevaluering/1/tema/motivation/", "post", refused_statuses=PORTAL),
        C("portal:selfeval_finish", "/min-side/selvevaluering/1/afslut/", "post", {"keep": "ja"}, refused_statuses=PORTAL),
        C("portal:selfeval_discard", "/min-side/selvevaluering/1/slet/", "post", refused_statuses=PORTAL),
        C("portal:selfeval_pdf", "/min-side/selvevaluering/1/pdf/", "post", refused_statuses=PORTAL),
        C("portal:where", "/min-side/hvor-er-jeg/", refused_statuses=PORTAL),
        C("portal:written", "/min-side/skrevet-om-mig/", refused_statuses=PORTAL),
        C("portal:consents", "/min-side/samtykker/", refused_statuses=PORTAL),
        C("portal:consent_withdraw", f"/min-side/samtykker/{consent.pk}/traek-tilbage/", refused_statuses=PORTAL),
        C("portal:consent_withdraw", f"/min-side/samtykker/{consent.pk}/traek-tilbage/", "post",
          refused_statuses=PORTAL),
        C("portal:sms_stop", "/min-side/samtykker/sms/stop/", refused_statuses=PORTAL),
        C("portal:sms_stop", "/min-side/samtykker/sms/stop/", "post", refused_statuses=PORTAL),
        C("portal:share_withdraw", "/min-side/samtykker/deling/1/traek-tilbage/", "post", refused_statuses=PORTAL),
        C("portal:handovers", "/min-side/overleveringer/", "post", {"handover": "1", "text": "Hej"},
          refused_statuses=PORTAL),
        # The contact person's side: the youth's wishes, behind the access policy.
        C("portal:staff_wishes", f"/unge/{p.youth.pk}/oensker/"),
        C("portal:staff_wishes", f"/unge/{p.youth.pk}/oensker/", "post",
          {"wish": str(wish.pk), f"w{wish.pk}-decision": "ja"}),
        *outsider_cases(p),  # choosing and saying (issue 17, points 5–6)
    ]
