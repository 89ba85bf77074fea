"""Min side beyond login: plan, check-in, wishes, self-evaluation, where I am, everything written, consents,
handovers, and the data export. Each page is also tried with another youth's ids."""

import json

import pytest
from django.utils import timezone

from ungeforlob.accounts.models import Organisation
from ungeforlob.chain.models import Membership
from ungeforlob.plans.models import Evaluation, Goal, SubGoal
from ungeforlob.portal.models import Wish, WishStatus
from ungeforlob.portal.testing import give_consent, give_plan, youth_client
from ungeforlob.testing import Personas, client_for


@pytest.fixture
def plan(p: Personas) -> dict:
    return give_plan(p.youth, p.contact_person)


@pytest.fixture
def jobcenter(p: Personas) -> Organisation:
    return Organisation.objects.get(name="Jobcenter Ung")


# --- Min plan and check-in -------------------------------------------------------------------------------


def test_min_plan_shows_the_stick_figure_subgoals_and_the_next_activity(p: Personas, plan: dict) -> None:
    page = youth_client(p.youth).get("/min-side/plan/").content.decode()
    assert "<svg" in page and "Jeg vil gerne være tømrer" in page
    assert "Komme op om morgenen" in page and "Ikke startet" in page
    assert "Besøg på tømrerskolen" in page and "Det næste" in page


def test_an_empty_plan_says_so_in_plain_words(p: Personas) -> None:
    page = youth_client(p.youth).get("/min-side/plan/").content.decode()
    assert "Du har ingen mål endnu" in page


def test_a_check_in_on_a_subgoal_shows_at_once_for_the_contact_person_and_in_the_timeline(p: Personas, plan: dict) -> None:
    sg = plan["subgoal"]
    response = youth_client(p.youth).post(f"/min-side/plan/tjek-ind/delmaal/{sg.pk}/",
                                          {"outcome": "gjort", "line": "Jeg kom op hver dag", "closeness": "4"})
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(subgoal=sg)
    assert evaluation.by_youth and evaluation.closeness == 4 and "Jeg kom op hver dag" in evaluation.went_well
    staff = client_for(p.contact_person)
    assert "Josefine (den unge)" in staff.get(f"/unge/{p.youth.pk}/plan/").content.decode()
    assert "4 af 5" in staff.get(f"/unge/{p.youth.pk}/tidslinje/").content.decode()


def test_it_did_not_go_is_recorded_as_hard(p: Personas, plan: dict) -> None:
    youth_client(p.youth).post(f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/",
                               {"outcome": "ikke", "line": "Jeg sov over mig", "closeness": "2"})
    assert Evaluation.objects.get().was_hard == "Det gik ikke. Jeg sov over mig"


def test_a_check_in_on_an_activity_also_answers_the_open_sms_check_in(p: Personas, plan: dict) -> None:
    from ungeforlob.messaging.models import CheckInStatus
    from ungeforlob.messaging.services import checkin_create, consent_give

    activity = plan["activity"]
    consent_give(actor=p.contact_person, youth=p.youth)
    sms = checkin_create(actor=p.contact_person, youth=p.youth, question="Hvordan gik besøget?",
                         related_type="plans.activity", related_id=activity.pk)
    youth_client(p.youth).post(f"/min-side/plan/tjek-ind/aktivitet/{activity.pk}/",
                               {"outcome": "gjort", "line": "Fedt værksted", "closeness": "3"})
    sms.refresh_from_db()
    assert sms.status == CheckInStatus.ANSWERED and "Fedt værksted" in sms.answer
    assert Evaluation.objects.get(subgoal=plan["subgoal"]).went_well.startswith("Jeg har gjort det: Besøg")


def test_another_youths_subgoal_or_activity_is_not_found_and_nothing_is_saved(p: Personas, plan: dict) -> None:
    client = youth_client(p.other_youth)
    data = {"outcome": "gjort", "closeness": "3"}
    assert client.get(f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/").status_code == 404
    assert client.post(f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/", data).status_code == 404
    assert client.post(f"/min-side/plan/tjek-ind/aktivitet/{plan['activity'].pk}/", data).status_code == 404
    assert client.post("/min-side/plan/tjek-ind/mål/1/", data).status_code == 404
    assert client.post("/min-side/plan/tjek-ind/delmaal/99999999999999999999/", data).status_code == 404
    assert not Evaluation.objects.exists()


def test_a_check_in_with_bad_input_gets_a_danish_message_and_saves_nothing(p: Personas, plan: dict) -> None:
    url = f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/"
    client = youth_client(p.youth)
    page = client.post(url, {"outcome": "gjort", "line": "x" * 301, "closeness": "3"}).content.decode()
    assert "højst have 300 tegn" in page
    page = client.post(url, {"line": "Hej"}).content.decode()
    assert "Vælg »Jeg har gjort det« eller »Det gik ikke«." in page and "Vælg et tal fra 1 til 5." in page
    assert "Marker en gyldig valgmulighed" in client.post(url, {"outcome": "gjort", "closeness": "9"}).content.decode()
    assert not Evaluation.objects.exists()


# --- Mine ønsker -----------------------------------------------------------------------------------------


def test_a_youth_proposes_a_subgoal_under_their_own_goal(p: Personas, plan: dict) -> None:
    response = youth_client(p.youth).post("/min-side/oensker/", {"kind": "delmaal", "text": "Lave en madpakke",
                                                                  "goal": plan["goal"].pk})
    assert response.status_code == 302
    wish = Wish.objects.get()
    assert wish.goal == plan["goal"] and wish.status == WishStatus.NEW


def test_a_wish_sent_twice_from_the_same_form_is_saved_once(p: Personas, plan: dict) -> None:
    """A double tap on a phone: the form's one-time token makes the second copy a no-op with a message."""
    client = youth_client(p.youth)
    data = {"kind": "delmaal", "text": "Lave en madpakke", "goal": plan["goal"].pk, "submission": "tap1"}
    assert client.post("/min-side/oensker/", data).status_code == 302
    again = client.post("/min-side/oensker/", data)
    assert again.status_code == 200 and "allerede sendt" in again.content.decode()
    assert Wish.objects.count() == 1


def test_feedback_sent_twice_from_the_same_form_is_counted_once(p: Personas) -> None:
    from ungeforlob.portal.models import ServiceFeedback

    client = youth_client(p.youth)
    data = {"heard": "4", "useful": "5", "comment": "", "submission": "tap2"}
    assert client.post("/min-side/hvordan-gaar-det/", data).status_code == 302
    client.post("/min-side/hvordan-gaar-det/", data)
    assert ServiceFeedback.objects.count() == 1


@pytest.mark.parametrize("data, message", [
    ({"kind": "maal", "text": "   "}, "Skriv dit ønske."),
    ({"kind": "maal", "text": "x" * 301}, "højst have 300 tegn"),
    ({"kind": "noget", "text": "Et mål"}, "Marker en gyldig valgmulighed"),
])
def test_a_bad_wish_gets_a_danish_message_and_nothing_is_saved(p: Personas, data: dict, message: str) -> None:
    page = youth_client(p.youth).post("/min-side/oensker/", data).content.decode()
    assert message in page
    assert not Wish.objects.exists()


def test_a_wish_pointing_at_another_youths_goal_is_refused(p: Personas) -> None:
    other = give_plan(p.other_youth, p.other_youth.memberships.get().professional)
    page = youth_client(p.youth).post("/min-side/oensker/", {"kind": "delmaal", "text": "Hej",
                                                             "goal": other["goal"].pk}).content.decode()
    assert "Marker en gyldig valgmulighed" in page
    assert not Wish.objects.exists()


def test_the_contact_person_accepts_a_goal_wish_and_it_lands_in_the_plan(p: Personas) -> None:
    wish = Wish.objects.create(youth=p.youth, kind="maal", text="Få et fritidsjob")
    staff = client_for(p.contact_person)
    assert "Få et fritidsjob" in staff.get(f"/unge/{p.youth.pk}/").content.decode()  # the overview card
    response = staff.post(f"/unge/{p.youth.pk}/oensker/", {"wish": wish.pk, f"w{wish.pk}-decision": "ja",
                                                          f"w{wish.pk}-reply": "Godt mål!"})
    assert response.status_code == 302
    goal = Goal.objects.get(youth=p.youth)
    assert goal.text == "Få et fritidsjob" and goal.written_by == "ung"
    wish.refresh_from_db()
    assert wish.status == WishStatus.ACCEPTED and wish.created_id == goal.pk
    page = youth_client(p.youth).get("/min-side/oensker/").content.decode()
    assert "Sagt ja" in page and "Godt mål!" in page


def test_the_contact_person_adjusts_a_subgoal_wish(p: Personas, plan: dict) -> None:
    wish = Wish.objects.create(youth=p.youth, kind="delmaal", text="Sove mere", goal=plan["goal"])
    w = f"w{wish.pk}-"
    client_for(p.contact_person).post(f"/unge/{p.youth.pk}/oensker/", {
        "wish": wish.pk, w + "decision": "ja", w + "text": "Gå i seng kl. 23", w + "goal": plan["goal"].pk,
        w + "success_criterion": "En uge i træk"})
    assert SubGoal.objects.filter(text="Gå i seng kl. 23").exists()
    wish.refresh_from_db()
    assert wish.status == WishStatus.ADJUSTED


def test_a_subgoal_wish_without_a_criterion_is_refused_and_nothing_is_saved(p: Personas, plan: dict) -> None:
    wish = Wish.objects.create(youth=p.youth, kind="delmaal", text="Sove mere", goal=plan["goal"])
    w = f"w{wish.pk}-"
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/oensker/", {
        "wish": wish.pk, w + "decision": "ja", w + "goal": plan["goal"].pk})
    assert response.status_code == 400
    assert "Skriv hvordan I kan se, at delmålet er nået." in response.content.decode()
    wish.refresh_from_db()
    assert wish.status == WishStatus.NEW and SubGoal.objects.count() == 1


def test_to_discuss_a_wish_needs_a_reply_which_the_youth_then_reads(p: Personas) -> None:
    wish = Wish.objects.create(youth=p.youth, kind="aktivitet", text="Tage på Roskilde")
    staff = client_for(p.contact_person)
    w = f"w{wish.pk}-"
    assert staff.post(f"/unge/{p.youth.pk}/oensker/", {"wish": wish.pk, w + "decision": "tale"}).status_code == 400
    staff.post(f"/unge/{p.youth.pk}/oensker/", {"wish": wish.pk, w + "decision": "tale", w + "reply": "Lad os tale om det på torsdag"})
    wish.refresh_from_db()
    assert wish.status == WishStatus.DISCUSS
    assert "Lad os tale om det på torsdag" in youth_client(p.youth).get("/min-side/oensker/").content.decode()


def test_a_wish_of_another_youth_cannot_be_answered_through_this_youths_page(p: Personas) -> None:
    other = Wish.objects.create(youth=p.other_youth, kind="maal", text="Andet")
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/oensker/", {"wish": other.pk,
                                                                                f"w{other.pk}-decision": "ja"})
    assert response.status_code == 404
    assert client_for(p.contact_person).post(f"/unge/{p.youth.pk}/oensker/", {"wish": "abc"}).status_code == 404
    assert not Goal.objects.exists()


# --- Selvevaluering and Hvor er jeg ------------------------------------------------------------------------


def test_a_youth_fills_in_a_self_evaluation_sees_the_radar_and_keeps_it(p: Personas) -> None:
    from ungeforlob.progression.models import RoundStatus, SelfEvaluationRound
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER, statements_for

    client = youth_client(p.youth)
    response = client.post("/min-side/selvevaluering/")
    round = SelfEvaluationRound.objects.get(youth=p.youth)
    assert round.by_youth and response["Location"].endswith(f"/{round.pk}/tema/{DIMENSION_ORDER[0]}/")
    for dimension in DIMENSION_ORDER:
        data = {f"s_{s.key}": "4" for s in statements_for(dimension)}
        client.post(f"/min-side/selvevaluering/{round.pk}/tema/{dimension}/", data)
    page = client.get(f"/min-side/selvevaluering/{round.pk}/afslut/").content.decode()
    assert 'class="prog-radar"' in page
    client.post(f"/min-side/selvevaluering/{round.pk}/afslut/", {"keep": "ja"})
    round.refresh_from_db()
    assert round.status == RoundStatus.KEPT
    assert 'class="prog-radar"' in client.get("/min-side/selvevaluering/").content.decode()


def test_a_round_the_youth_does_not_keep_is_deleted(p: Personas) -> None:
    from ungeforlob.progression.models import SelfEvaluationRound
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER, statements_for

    client = youth_client(p.youth)
    client.post("/min-side/selvevaluering/")
    round = SelfEvaluationRound.objects.get()
    key = statements_for(DIMENSION_ORDER[0])[0].key
    client.post(f"/min-side/selvevaluering/{round.pk}/tema/{DIMENSION_ORDER[0]}/", {f"s_{key}": "2"})
    client.post(f"/min-side/selvevaluering/{round.pk}/afslut/", {"keep": "nej"})
    assert not SelfEvaluationRound.objects.exists()


def test_another_youths_round_is_not_found(p: Personas) -> None:
    from ungeforlob.progression.services import self_evaluation_start

    round = self_evaluation_start(youth=p.youth, by_youth=True)
    client = youth_client(p.other_youth)
    assert client.get(f"/min-side/selvevaluering/{round.pk}/tema/motivation/").status_code == 404
    assert client.post(f"/min-side/selvevaluering/{round.pk}/afslut/", {"keep": "ja"}).status_code == 404
    assert client.post(f"/min-side/selvevaluering/{round.pk}/slet/").status_code == 404
    assert client.post(f"/min-side/selvevaluering/{round.pk}/pdf/").status_code == 404
    round.refresh_from_db()
    assert round.is_in_progress


def test_where_am_i_is_the_plain_language_journey(p: Personas) -> None:
    page = youth_client(p.youth).get("/min-side/hvor-er-jeg/").content.decode()
    assert "Her er du på vej" in page and "Vi har ikke kigget på det sammen endnu" in page


# --- Alt skrevet om mig ----------------------------------------------------------------------------------


def test_everything_written_shows_visible_notes_and_evaluations_and_says_some_can_be_withheld(p: Personas, plan: dict) -> None:
    from ungeforlob.plans.models import HiddenReason
    from ungeforlob.plans.services import evaluation_create, note_create, note_hide

    note_create(youth=p.youth, actor=p.contact_person, text="Josefine kom til tiden")
    hidden = note_create(youth=p.youth, actor=p.contact_person, text="Oplysning om moren")
    note_hide(youth=p.youth, note=hidden, actor=p.contact_person, reason=HiddenReason.THIRD_PARTY)
    evaluation_create(youth=p.youth, actor=p.contact_person, subgoal=plan["subgoal"], closeness=2, went_well="Godt møde")
    page = youth_client(p.youth).get("/min-side/skrevet-om-mig/").content.decode()
    assert "Josefine kom til tiden" in page and "Godt møde" in page
    assert "Oplysning om moren" not in page
    assert "Nogle få ting må vi holde tilbage" in page and "Noget er undtaget:" in page


def test_the_written_page_and_the_plan_page_cost_the_same_queries_for_little_and_much(
        p: Personas, plan: dict, count_queries) -> None:
    from ungeforlob.plans.services import activity_create, evaluation_create, note_create, subgoal_create

    client = youth_client(p.youth)
    small = [count_queries(lambda u=url: client.get(u)) for url in ("/min-side/plan/", "/min-side/skrevet-om-mig/")]
    for i in range(8):
        sg = subgoal_create(youth=p.youth, goal=plan["goal"], actor=p.contact_person, text=f"Delmål {i}",
                            success_criterion="Det kan ses")
        activity_create(youth=p.youth, subgoal=sg, actor=p.contact_person, title=f"Aktivitet {i}", reason="Fordi",
                        responsible="ung")
        evaluation_create(youth=p.youth, actor=p.contact_person, subgoal=sg, closeness=3)
        note_create(youth=p.youth, actor=p.contact_person, text=f"Notat {i}")
    large = [count_queries(lambda u=url: client.get(u)) for url in ("/min-side/plan/", "/min-side/skrevet-om-mig/")]
    assert small == large


# --- Mine samtykker and overleveringer --------------------------------------------------------------------


def _withdraw_url(consent: object) -> str:
    return f"/min-side/samtykker/{consent.pk}/traek-tilbage/"  # type: ignore[attr-defined]


def test_withdrawing_a_consent_asks_first_then_ends_access_at_once(p: Personas, jobcenter: Organisation) -> None:
    from ungeforlob.chain.services import member_add

    consent = give_consent(p.youth, p.contact_person, jobcenter)
    member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role="mentor", consent=consent)
    assert client_for(p.outsider).get(f"/unge/{p.youth.pk}/").status_code == 200
    client = youth_client(p.youth)
    page = client.get("/min-side/samtykker/").content.decode()
    assert f'href="{_withdraw_url(consent)}"' in page  # a link to the question, not a button that acts
    confirm = client.get(_withdraw_url(consent)).content.decode()
    assert "Træk dit ja tilbage?" in confirm
    assert "deler vi ikke flere oplysninger om dig med Jobcenter Ung. Det gælder fra nu." in confirm
    assert "Det betyder også, at Sara Holm ikke kan se dine oplysninger mere." in confirm
    assert "Ja, træk mit ja tilbage" in confirm and 'href="/min-side/samtykker/">Nej, gå tilbage' in confirm
    consent.refresh_from_db()
    assert consent.withdrawn_at is None  # asking is not doing
    assert client_for(p.outsider).get(f"/unge/{p.youth.pk}/").status_code == 200

    response = client.post(_withdraw_url(consent), follow=True)
    assert response.redirect_chain == [("/min-side/samtykker/", 302)]
    assert "Dit samtykke er trukket tilbage. Det gælder fra nu." in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and consent.withdrawn_by_youth
    assert client_for(p.outsider).get(f"/unge/{p.youth.pk}/").status_code == 404
    assert Membership.objects.get(professional=p.outsider).end_date is not None


def test_withdrawing_a_consent_twice_changes_nothing_the_second_time(p: Personas, jobcenter: Organisation) -> None:
    from ungeforlob.audit.models import AuditAction, AuditEvent

    consent = give_consent(p.youth, p.contact_person, jobcenter)
    client = youth_client(p.youth)
    assert client.post(_withdraw_url(consent)).status_code == 302
    consent.refresh_from_db()
    first = consent.withdrawn_at
    again = client.post(_withdraw_url(consent))
    assert again.status_code == 302 and again["Location"] == "/min-side/samtykker/"
    consent.refresh_from_db()
    assert consent.withdrawn_at == first
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="consent", object_id=str(consent.pk),
                                     actor_youth_id=p.youth.pk).count() == 1
    # The question is not asked again: the page says it is done, and offers no button.
    page = client.get(_withdraw_url(consent)).content.decode()
    assert "Du trak det tilbage den" in page and "Ja, træk mit ja tilbage" not in page


def test_an_expired_consent_cannot_be_withdrawn_and_says_so(p: Personas, jobcenter: Organisation) -> None:
    import datetime

    from ungeforlob.chain.models import Consent

    consent = give_consent(p.youth, p.contact_person, jobcenter)
    Consent.objects.filter(pk=consent.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    client = youth_client(p.youth)
    page = client.get(_withdraw_url(consent)).content.decode()
    assert "Det sluttede den" in page and "Ja, træk mit ja tilbage" not in page
    response = client.post(_withdraw_url(consent))
    assert response.status_code == 400
    assert "Det samtykke er allerede slut. Der er ikke noget at trække tilbage." in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_another_youths_consent_cannot_be_seen_or_withdrawn(p: Personas, jobcenter: Organisation) -> None:
    consent = give_consent(p.youth, p.contact_person, jobcenter)
    client = youth_client(p.other_youth)
    assert client.get(_withdraw_url(consent)).status_code == 404
    assert client.post(_withdraw_url(consent)).status_code == 404
    for tampered in ("0", "99999999999999999999", "9223372036854775808"):
        assert client.get(f"/min-side/samtykker/{tampered}/traek-tilbage/").status_code == 404, tampered
        assert client.post(f"/min-side/samtykker/{tampered}/traek-tilbage/").status_code == 404, tampered
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_staff_and_anonymous_visitors_are_sent_to_the_portal_login(p: Personas, jobcenter: Organisation) -> None:
    from django.test import Client

    from ungeforlob.messaging.services import consent_give

    consent = give_consent(p.youth, p.contact_person, jobcenter)
    sms = consent_give(actor=p.contact_person, youth=p.youth)
    for client in (Client(), client_for(p.contact_person)):
        for url in (_withdraw_url(consent), "/min-side/samtykker/sms/stop/"):
            assert client.get(url)["Location"] == "/min-side/login/", url
            assert client.post(url)["Location"] == "/min-side/login/", url
    consent.refresh_from_db()
    sms.refresh_from_db()
    assert consent.withdrawn_at is None and sms.is_active


def test_the_consents_page_no_longer_withdraws_on_one_tap(p: Personas, jobcenter: Organisation) -> None:
    from ungeforlob.messaging.services import consent_give

    consent = give_consent(p.youth, p.contact_person, jobcenter)
    sms = consent_give(actor=p.contact_person, youth=p.youth)
    client = youth_client(p.youth)
    for value in (consent.pk, "sms"):
        assert client.post("/min-side/samtykker/", {"consent": value}).status_code == 405
    consent.refresh_from_db()
    sms.refresh_from_db()
    assert consent.withdrawn_at is None and sms.is_active


def test_stopping_sms_asks_first_then_stops_at_once(p: Personas) -> None:
    from ungeforlob.messaging.services import consent_give

    consent = consent_give(actor=p.contact_person, youth=p.youth)
    client = youth_client(p.youth)
    assert 'href="/min-side/samtykker/sms/stop/"' in client.get("/min-side/samtykker/").content.decode()
    confirm = client.get("/min-side/samtykker/sms/stop/").content.decode()
    assert "Stop SMS fra os?" in confirm and "Det gælder fra nu." in confirm
    assert "påmindelser om møder" in confirm and "sig det til din kontaktperson" in confirm
    assert "Ja, stop SMS" in confirm and 'href="/min-side/samtykker/">Nej, gå tilbage' in confirm
    consent.refresh_from_db()
    assert consent.is_active  # asking is not doing

    response = client.post("/min-side/samtykker/sms/stop/", follow=True)
    assert response.redirect_chain == [("/min-side/samtykker/", 302)]
    assert "Dit samtykke er trukket tilbage. Det gælder fra nu." in response.content.decode()
    consent.refresh_from_db()
    assert not consent.is_active and consent.withdrawn_via == "portal"
    # The contact person sees that the young person did it on Min side, not by answering STOP.
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/beskeder/").content.decode()
    assert "Den unge trak det tilbage på Min side." in page and "Den unge svarede STOP." not in page


def test_stopping_sms_twice_changes_nothing_the_second_time(p: Personas) -> None:
    from ungeforlob.audit.models import AuditAction, AuditEvent
    from ungeforlob.messaging.services import consent_give

    consent = consent_give(actor=p.contact_person, youth=p.youth)
    client = youth_client(p.youth)
    assert client.post("/min-side/samtykker/sms/stop/").status_code == 302
    consent.refresh_from_db()
    first = consent.withdrawn_at
    again = client.post("/min-side/samtykker/sms/stop/")
    assert again.status_code == 302 and again["Location"] == "/min-side/samtykker/"
    consent.refresh_from_db()
    assert consent.withdrawn_at == first and consent.withdrawn_via == "portal"
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="smsconsent",
                                     actor_youth_id=p.youth.pk).count() == 1
    page = client.get("/min-side/samtykker/sms/stop/").content.decode()
    assert "Du får ikke SMS fra os." in page and "Ja, stop SMS" not in page


def test_stopping_sms_without_any_sms_consent_is_not_found(p: Personas) -> None:
    from ungeforlob.messaging.models import SmsConsent

    client = youth_client(p.youth)
    assert client.get("/min-side/samtykker/sms/stop/").status_code == 404
    assert client.post("/min-side/samtykker/sms/stop/").status_code == 404
    assert not SmsConsent.objects.filter(youth=p.youth).exists()


def test_another_youth_stopping_sms_stops_only_his_own(p: Personas) -> None:
    from ungeforlob.messaging.services import consent_give

    hers = consent_give(actor=p.contact_person, youth=p.youth)
    client = youth_client(p.other_youth)
    assert client.post("/min-side/samtykker/sms/stop/").status_code == 404  # he has none to stop
    his = consent_give(actor=p.other_youth.created_by, youth=p.other_youth)
    assert client.post("/min-side/samtykker/sms/stop/").status_code == 302
    hers.refresh_from_db()
    his.refresh_from_db()
    assert hers.is_active and not his.is_active


def test_a_youth_reads_and_comments_on_a_handover_and_sees_the_notice(p: Personas, jobcenter: Organisation) -> None:
    from ungeforlob.chain.models import HandoverComment
    from ungeforlob.chain.services import handover_create

    handover = handover_create(actor=p.contact_person, youth=p.youth, receiver=p.colleague, role="mentor",
                               what_works="Korte møder om formiddagen", legal_basis="kui")
    client = youth_client(p.youth)
    assert "Der er skrevet en overlevering" in client.get("/min-side/").content.decode()
    assert "Korte møder om formiddagen" in client.get("/min-side/overleveringer/").content.decode()
    assert client.post("/min-side/overleveringer/", {"handover": handover.pk, "text": "Det passer"}).status_code == 302
    assert HandoverComment.objects.get().by_youth
    other = youth_client(p.other_youth)
    page = other.get("/min-side/overleveringer/").content.decode()
    assert "Korte møder" not in page
    response = other.post("/min-side/overleveringer/", {"handover": handover.pk, "text": "Hack"})
    assert response.status_code == 400 and "Vi kan ikke finde den overlevering." in response.content.decode()
    assert HandoverComment.objects.count() == 1


# --- Hent mine data --------------------------------------------------------------------------------------


def test_the_export_holds_plan_notes_evaluations_consents_messages_and_wishes(
        p: Personas, plan: dict, jobcenter: Organisation) -> None:
    from ungeforlob.plans.services import note_create

    note_create(youth=p.youth, actor=p.contact_person, text="Et notat til eksport")
    give_consent(p.youth, p.contact_person, jobcenter)
    client = youth_client(p.youth)  # sends an SMS code
    client.post(f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/", {"outcome": "gjort", "closeness": "3"})
    client.post("/min-side/oensker/", {"kind": "maal", "text": "Tage kørekort"})
    give_plan(p.other_youth, p.other_youth.memberships.get().professional)
    data = json.loads(client.get("/min-side/mine-data.json").content)
    sections = data["sektioner"]
    for title in ("Din plan", "Notater", "Evalueringer", "Vurderinger", "Selvevalueringer", "Samtykker", "Beskeder",
                  "Dine ønsker", "Overleveringer"):
        assert title in sections
    text = json.dumps(sections, ensure_ascii=False)
    assert "Jeg vil gerne være tømrer" in text and "Et notat til eksport" in text and "Hjælp til job" in text
    assert "Tage kørekort" in text and "Jeg har gjort det" in text and "(kode til login)" in text
    plan_text = json.dumps(sections["Din plan"], ensure_ascii=False)
    assert plan_text.count("Jeg vil gerne være tømrer") == 2  # the goal and the sub-goal's parent, not the other youth's
    assert "Din kode til Ungeforløb er" not in text
    assert youth_client(p.youth).get("/min-side/mine-data.pdf").content.startswith(b"%PDF")


def test_a_kept_self_evaluation_is_exported_and_a_round_in_progress_is_not(p: Personas) -> None:
    from ungeforlob.progression.questionnaire import STATEMENTS
    from ungeforlob.progression.services import (
        self_evaluation_answer,
        self_evaluation_finish,
        self_evaluation_start,
    )

    round = self_evaluation_start(youth=p.youth, by_youth=True)
    self_evaluation_answer(round=round, answers={STATEMENTS[0].key: 5}, goals={}, by_youth=True)
    client = youth_client(p.youth)
    assert json.loads(client.get("/min-side/mine-data.json").content)["sektioner"]["Selvevalueringer"] == []
    self_evaluation_finish(round=round, keep=True, by_youth=True)
    rows = json.loads(client.get("/min-side/mine-data.json").content)["sektioner"]["Selvevalueringer"]
    assert any(str(STATEMENTS[0].text) in (r.get("svar") or "") for r in rows)


def test_reading_a_portal_page_is_in_the_youths_own_access_trail(p: Personas) -> None:
    from ungeforlob.audit.models import AuditAction, AuditEvent

    client = youth_client(p.youth)
    for url in ("/min-side/plan/", "/min-side/skrevet-om-mig/", "/min-side/samtykker/", "/min-side/hvor-er-jeg/",
                "/min-side/selvevaluering/", "/min-side/oensker/", "/min-side/overleveringer/"):
        client.get(url)
    kinds = set(AuditEvent.objects.filter(actor_youth_id=p.youth.pk, action=AuditAction.READ)
                .values_list("object_type", flat=True))
    assert {"plan", "written", "consents", "progression", "selvevaluering", "wishes", "handovers"} <= kinds
    assert timezone.now()


# --- Nyt til dig ---------------------------------------------------------------------------------------


def test_a_seen_notice_leaves_nyt_til_dig_and_stays_under_earlier_messages(p: Personas) -> None:
    from ungeforlob.audit.models import AuditEvent
    from ungeforlob.notifications.services import youth_notify

    notice = youth_notify(youth=p.youth, kind="joined", text="Mette er kommet med i din kæde")
    client = youth_client(p.youth)
    page = client.get("/min-side/").content.decode()
    assert "Nyt til dig" in page and "Mette er kommet med i din kæde" in page and "Tidligere beskeder" not in page

    response = client.post("/min-side/nyt/set/", {"notice": [str(notice.pk)]})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None
    page = client.get("/min-side/").content.decode()
    assert "Nyt til dig" not in page
    assert "Tidligere beskeder" in page and "Mette er kommet med i din kæde" in page
    assert AuditEvent.objects.filter(actor_youth_id=p.youth.pk, object_type="youthnotice", action="update").count() == 1


def test_a_young_person_cannot_mark_another_young_persons_notice_and_bad_ids_do_nothing(p: Personas) -> None:
    from ungeforlob.notifications.services import youth_notify

    theirs = youth_notify(youth=p.other_youth, kind="joined", text="Nyt til en anden")
    response = youth_client(p.youth).post("/min-side/nyt/set/", {"notice": [str(theirs.pk), "abc", "-1", "9" * 30]})
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_portal_home_uses_the_same_queries_with_1_and_30_notices(p: Personas, count_queries) -> None:
    from ungeforlob.notifications.services import youth_notify

    client = youth_client(p.youth)
    youth_notify(youth=p.youth, kind="joined", text="Første")
    few = count_queries(lambda: client.get("/min-side/"))
    for i in range(29):
        youth_notify(youth=p.youth, kind="joined", text=f"Besked {i}")
    assert count_queries(lambda: client.get("/min-side/")) == few


# --- wishes on the contact person's day and in the timeline ----------------------------------------------


def test_a_new_wish_is_on_the_contact_persons_day_until_it_is_answered_and_both_are_in_the_timeline(
        p: Personas) -> None:
    import datetime

    from ungeforlob.core.agenda import agenda_for
    from ungeforlob.portal import services as portal

    today = timezone.localdate()
    wish = portal.wish_create(youth=p.youth, kind="maal", text="Jeg vil tage kørekort")
    portal.wish_create(youth=p.youth, kind="aktivitet", text="Prøve at træne")
    items = [i for i in agenda_for(p.contact_person, today=today) if i.kind == "oenske"]
    assert [(i.youth_id, i.title, i.detail, i.overdue) for i in items] == [
        (p.youth.pk, "2 nye ønsker fra den unge", "Jeg vil tage kørekort", False)]
    assert items[0].url == f"/unge/{p.youth.pk}/oensker/"
    # Only the contact person's day: a colleague in the circle and an outsider get nothing.
    assert not [i for i in agenda_for(p.colleague, today=today) if i.kind == "oenske"]
    assert not [i for i in agenda_for(p.outsider, today=today) if i.kind == "oenske"]
    # Waiting more than a week: overdue.
    Wish.objects.filter(pk=wish.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert [i.overdue for i in agenda_for(p.contact_person, today=today) if i.kind == "oenske"] == [True]

    for w in Wish.objects.filter(youth=p.youth):
        portal.wish_handle(actor=p.contact_person, youth=p.youth, wish=w, decision="tale", reply="Lad os tale om det")
    assert not [i for i in agenda_for(p.contact_person, today=today) if i.kind == "oenske"]
    timeline = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/tidslinje/").content.decode()
    assert "Den unge ønskede: et mål" in timeline and "Jeg vil tage kørekort" in timeline
    assert "Ønsket er besvaret: Vi taler om det sammen" in timeline and "Lad os tale om det" in timeline


# --- a copy of the picture before it is let go ----------------------------------------------------------


def _answered_round(client, p: Personas):  # noqa: ANN001, ANN202
    from ungeforlob.progression.models import SelfEvaluationRound
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER, statements_for

    client.post("/min-side/selvevaluering/")
    round = SelfEvaluationRound.objects.get(youth=p.youth)
    key = statements_for(DIMENSION_ORDER[0])[0].key
    client.post(f"/min-side/selvevaluering/{round.pk}/tema/{DIMENSION_ORDER[0]}/", {f"s_{key}": "3"})
    return round


def test_a_young_person_takes_a_pdf_copy_of_a_picture_not_kept_and_it_is_deleted_here(p: Personas) -> None:
    from ungeforlob.audit.models import AuditAction, AuditEvent
    from ungeforlob.progression.models import SelfEvaluationRound

    client = youth_client(p.youth)
    round = _answered_round(client, p)
    page = client.get(f"/min-side/selvevaluering/{round.pk}/afslut/").content.decode()
    assert "Hent den som PDF, og slet den her" in page
    assert client.get(f"/min-side/selvevaluering/{round.pk}/pdf/").status_code == 302  # never by a plain link
    assert SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    response = client.post(f"/min-side/selvevaluering/{round.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert not SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    assert AuditEvent.objects.filter(actor_youth_id=p.youth.pk, action=AuditAction.EXPORT).exists()
    # Pressing "Færdig" afterwards on the same page says what happened instead of "not found".
    response = client.post(f"/min-side/selvevaluering/{round.pk}/afslut/", {"keep": "ja"}, follow=True)
    assert "Selvevalueringen er slettet. Den er ikke gemt." in response.content.decode()


def test_a_kept_picture_can_be_downloaded_as_pdf_and_stays(p: Personas) -> None:
    from ungeforlob.progression.models import SelfEvaluationRound

    client = youth_client(p.youth)
    round = _answered_round(client, p)
    client.post(f"/min-side/selvevaluering/{round.pk}/afslut/", {"keep": "ja"})
    assert f"/min-side/selvevaluering/{round.pk}/pdf/" in client.get("/min-side/selvevaluering/").content.decode()
    response = client.get(f"/min-side/selvevaluering/{round.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert SelfEvaluationRound.objects.filter(pk=round.pk).exists()
