"""Choosing and saying on Min side (issue 17, points 5–9): proposing a contact person, asking about an offer,
check-ins that reach the contact person, wishes that answer themselves, self-evaluation in plain words."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.audit.models import AuditEvent
from ungeforlob.chain.models import ContactWish
from ungeforlob.notifications.models import StaffNotification, YouthNotice
from ungeforlob.plans.models import SubGoal, SubGoalStatus
from ungeforlob.portal import services
from ungeforlob.portal.models import (
    CheckIn,
    ContactProposal,
    ProposalStatus,
    ReachedStatus,
    StaffPresentation,
    Wish,
    WishKind,
)
from ungeforlob.portal.testing import give_plan
from ungeforlob.testing import Personas, client_for, make_user, make_youth, youth_session_client


def _agenda(user):
    from ungeforlob.core.agenda import agenda_for

    return agenda_for(user, today=timezone.localdate())


def _choosable(p: Personas, user=None, good_at: str = "Jeg er god til at lytte og finde praktik"):
    user = user or p.outsider
    return services.presentation_save(actor=user, choosable=True, good_at=good_at).user


# --- Check-ins -----------------------------------------------------------------------------------------


def test_a_checkin_shows_on_the_contact_persons_i_dag_and_as_a_notification(p: Personas) -> None:
    plan = give_plan(p.youth, p.contact_person)
    response = youth_session_client(p.youth).post(
        f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/",
        {"outcome": "gjort", "line": "Jeg kom op kl. 7", "closeness": "3"})
    assert response.status_code == 302
    items = [i for i in _agenda(p.contact_person) if i.kind == "tjek_ind"]
    assert len(items) == 1 and items[0].youth_id == p.youth.pk and "Jeg kom op kl. 7" in items[0].detail
    assert StaffNotification.objects.filter(recipient=p.contact_person, kind="tjek_ind").exists()
    assert not [i for i in _agenda(p.outsider) if i.kind == "tjek_ind"]
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/tjek-ind/")
    assert page.status_code == 200 and "Jeg kom op kl. 7" in page.content.decode()


def test_her_own_words_are_shown_back_to_her_on_min_plan(p: Personas) -> None:
    plan = give_plan(p.youth, p.contact_person)
    client = youth_session_client(p.youth)
    response = client.post(f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/",
                           {"outcome": "ikke", "line": "Bussen kom ikke", "closeness": "2"}, follow=True)
    body = response.content.decode()
    assert "Du skrev: »Bussen kom ikke«" in body  # the message after sending
    assert "Det har du skrevet:" in body and "»Bussen kom ikke«" in body  # under the sub-goal on Min plan


def test_marking_checkins_seen_takes_them_off_i_dag(p: Personas) -> None:
    plan = give_plan(p.youth, p.contact_person)
    services.checkin_record(youth=p.youth, subgoal=plan["subgoal"], outcome="gjort", line="", closeness=3)
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/tjek-ind/", {"seen": "1"})
    assert response.status_code == 302
    assert CheckIn.objects.get().seen_by == p.contact_person
    assert not [i for i in _agenda(p.contact_person) if i.kind == "tjek_ind"]


def test_a_subgoal_she_marks_reached_is_proposed_and_the_contact_person_confirms_it(p: Personas) -> None:
    plan = give_plan(p.youth, p.contact_person)
    sg = plan["subgoal"]
    youth_session_client(p.youth).post(f"/min-side/plan/tjek-ind/delmaal/{sg.pk}/",
                                       {"outcome": "gjort", "closeness": "5", "reached": "on"})
    checkin = CheckIn.objects.get()
    assert checkin.reached == ReachedStatus.PROPOSED
    assert SubGoal.objects.get(pk=sg.pk).status != SubGoalStatus.REACHED  # not before the contact person says so
    assert any("delmål er nået" in i.title for i in _agenda(p.contact_person))
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/tjek-ind/",
                                                 {"checkin": str(checkin.pk), f"c{checkin.pk}-decision": "ja"})
    assert response.status_code == 302
    assert SubGoal.objects.get(pk=sg.pk).status == SubGoalStatus.REACHED
    assert CheckIn.objects.get().reached == ReachedStatus.CONFIRMED
    assert AuditEvent.objects.filter(actor=p.contact_person, object_type="checkin", youth_id=p.youth.pk).exists()
    assert YouthNotice.objects.filter(youth=p.youth, kind="delmaal_svar").exists()


def test_declining_a_reached_subgoal_needs_a_reply_she_reads(p: Personas) -> None:
    plan = give_plan(p.youth, p.contact_person)
    services.checkin_record(youth=p.youth, subgoal=plan["subgoal"], outcome="gjort", line="", closeness=4,
                            reached=True)
    checkin = CheckIn.objects.get()
    client = client_for(p.contact_person)
    response = client.post(f"/unge/{p.youth.pk}/tjek-ind/", {"checkin": str(checkin.pk), f"c{checkin.pk}-decision": "nej"})
    assert response.status_code == 400 and "Skriv et svar til den unge" in response.content.decode()
    assert CheckIn.objects.get().reached == ReachedStatus.PROPOSED
    client.post(f"/unge/{p.youth.pk}/tjek-ind/", {"checkin": str(checkin.pk), f"c{checkin.pk}-decision": "nej",
                                                  f"c{checkin.pk}-reply": "Vi mangler to dage mere"})
    assert CheckIn.objects.get().reached == ReachedStatus.DECLINED
    plan_page = youth_session_client(p.youth).get("/min-side/plan/").content.decode()
    assert "Vi mangler to dage mere" in plan_page


def test_the_read_only_member_cannot_confirm_a_reached_subgoal(p: Personas) -> None:
    plan = give_plan(p.youth, p.contact_person)
    services.checkin_record(youth=p.youth, subgoal=plan["subgoal"], outcome="gjort", line="", closeness=5,
                            reached=True)
    checkin = CheckIn.objects.get()
    response = client_for(p.reader).post(f"/unge/{p.youth.pk}/tjek-ind/",
                                         {"checkin": str(checkin.pk), f"c{checkin.pk}-decision": "ja"})
    assert response.status_code == 404
    assert CheckIn.objects.get().reached == ReachedStatus.PROPOSED


def test_another_youths_checkin_cannot_be_answered_from_this_youths_page(p: Personas) -> None:
    other_plan = give_plan(p.other_youth, p.other_youth.memberships.get().professional)
    services.checkin_record(youth=p.other_youth, subgoal=other_plan["subgoal"], outcome="gjort", line="",
                            closeness=5, reached=True)
    checkin = CheckIn.objects.get()
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/tjek-ind/",
                                                 {"checkin": str(checkin.pk), f"c{checkin.pk}-decision": "ja"})
    assert response.status_code == 404
    assert CheckIn.objects.get().reached == ReachedStatus.PROPOSED


def test_a_checkin_on_another_youths_subgoal_is_404(p: Personas) -> None:
    other_plan = give_plan(p.other_youth, p.other_youth.memberships.get().professional)
    response = youth_session_client(p.youth).post(f"/min-side/plan/tjek-ind/delmaal/{other_plan['subgoal'].pk}/",
                                                  {"outcome": "gjort", "closeness": "3"})
    assert response.status_code == 404
    assert not CheckIn.objects.exists()


# --- Proposing a contact person -------------------------------------------------------------------------


def test_she_proposes_a_contact_person_among_those_who_opted_in(p: Personas) -> None:
    sara = _choosable(p)
    client = youth_session_client(p.youth)
    page = client.get("/min-side/kontaktperson/").content.decode()
    assert "Sara Holm" in page and "Jeg er god til at lytte og finde praktik" in page
    assert "Jobcenter Ung" in page  # her organisation
    response = client.post("/min-side/kontaktperson/", {"professional": str(sara.pk), "why": "Hun er rar"})
    assert response.status_code == 302
    proposal = ContactProposal.objects.get()
    assert proposal.professional == sara and proposal.status == ProposalStatus.NEW
    wish = ContactWish.objects.get(youth=p.youth)  # the circle shows it too (and the handover form)
    assert wish.wished_professional == sara and wish.recorded_by is None
    assert StaffNotification.objects.filter(recipient=p.contact_person, kind="kontaktperson_oenske").exists()
    assert any(i.url == f"/unge/{p.youth.pk}/kontaktperson-forslag/" for i in _agenda(p.contact_person))
    page = client.get("/min-side/kontaktperson/").content.decode()
    assert "Venter på svar" in page and 'name="professional"' not in page  # one waits at a time


def test_someone_who_did_not_opt_in_cannot_be_proposed(p: Personas) -> None:
    services.presentation_save(actor=p.outsider, choosable=False, good_at="Noget")
    page = youth_session_client(p.youth).get("/min-side/kontaktperson/").content.decode()
    assert "Sara Holm" not in page
    with pytest.raises(ValidationError):
        services.contact_proposal_create(youth=p.youth, professional_id=p.outsider.pk)
    with pytest.raises(ValidationError):  # nor someone of another municipality who opted in
        services.contact_proposal_create(youth=p.youth, professional_id=_choosable(p, p.stranger).pk)
    assert not ContactProposal.objects.exists()


def test_one_proposal_waits_at_a_time(p: Personas) -> None:
    sara = _choosable(p)
    jonas = _choosable(p, p.colleague)
    services.contact_proposal_create(youth=p.youth, professional_id=sara.pk)
    response = youth_session_client(p.youth).post("/min-side/kontaktperson/", {"professional": str(jonas.pk)})
    assert response.status_code == 400 and "allerede et forslag" in response.content.decode()
    assert ContactProposal.objects.count() == 1


def test_the_contact_person_answers_and_she_sees_the_status_and_reply(p: Personas) -> None:
    proposal = services.contact_proposal_create(youth=p.youth, professional_id=_choosable(p).pk)
    client = client_for(p.contact_person)
    assert "Forslag: Sara Holm" in client.get(f"/unge/{p.youth.pk}/kontaktperson-forslag/").content.decode()
    response = client.post(f"/unge/{p.youth.pk}/kontaktperson-forslag/", {
        "proposal": str(proposal.pk), f"p{proposal.pk}-decision": "tale", f"p{proposal.pk}-reply": "Lad os tale om det"})
    assert response.status_code == 302
    assert ContactProposal.objects.get().status == ProposalStatus.DISCUSS
    page = youth_session_client(p.youth).get("/min-side/kontaktperson/").content.decode()
    assert "Vi taler om det sammen" in page and "Lad os tale om det" in page
    assert YouthNotice.objects.filter(youth=p.youth, kind="kontaktperson_svar").exists()


def test_the_read_only_member_cannot_answer_a_proposal(p: Personas) -> None:
    proposal = services.contact_proposal_create(youth=p.youth, professional_id=_choosable(p).pk)
    response = client_for(p.reader).post(f"/unge/{p.youth.pk}/kontaktperson-forslag/", {
        "proposal": str(proposal.pk), f"p{proposal.pk}-decision": "ja"})
    assert response.status_code == 404
    assert ContactProposal.objects.get().status == ProposalStatus.NEW


def test_another_youth_does_not_see_her_proposal(p: Personas) -> None:
    services.contact_proposal_create(youth=p.youth, professional_id=_choosable(p).pk, why="Hemmelig grund")
    page = youth_session_client(p.other_youth).get("/min-side/kontaktperson/").content.decode()
    assert "Hemmelig grund" not in page and "Venter på svar" not in page


def test_a_professional_must_say_what_they_are_good_at_to_be_choosable(p: Personas) -> None:
    response = client_for(p.outsider).post("/min-praesentation-for-unge/", {"choosable": "on", "good_at": ""})
    assert response.status_code == 400
    assert not StaffPresentation.objects.filter(choosable=True).exists()
    client_for(p.outsider).post("/min-praesentation-for-unge/", {"choosable": "on", "good_at": "Jeg lytter"})
    assert StaffPresentation.objects.get(user=p.outsider).choosable


# --- Offers --------------------------------------------------------------------------------------------


def _offer(p: Personas, name: str = "Klatring med Energi til Hinanden"):
    from ungeforlob.offers.models import Offer

    return Offer.objects.create(municipality=p.municipality, code=name.lower().replace(" ", "-")[:80], name=name,
                                focus="Vi klatrer sammen hver tirsdag.", age_min=15, age_max=29)


def test_she_asks_to_hear_more_about_a_suggested_offer_and_her_contact_person_sees_the_wish(p: Personas) -> None:
    offer = _offer(p)
    client = youth_session_client(p.youth)
    page = client.get("/min-side/tilbud/").content.decode()
    assert "Klatring med Energi til Hinanden" in page and "Det er for unge på din alder." in page
    token = client.get("/min-side/tilbud/").context["token"].value()
    response = client.post("/min-side/tilbud/", {"offer": str(offer.pk), "submission": token})
    assert response.status_code == 302
    wish = Wish.objects.get(kind=WishKind.OFFER)
    assert wish.offer == offer and wish.youth == p.youth
    again = client.post("/min-side/tilbud/", {"offer": str(offer.pk), "submission": token})
    assert again.status_code == 400 and Wish.objects.count() == 1  # a double tap saves once
    assert "Klatring" in client_for(p.contact_person).get(f"/unge/{p.youth.pk}/oensker/").content.decode()
    assert "Du har spurgt om det." in client.get("/min-side/tilbud/").content.decode()


def test_an_offer_not_suggested_to_her_is_refused(p: Personas) -> None:
    from ungeforlob.offers.models import Offer

    other = Offer.objects.create(municipality=p.municipality, code="gammel", name="For voksne", age_min=40)
    response = youth_session_client(p.youth).post("/min-side/tilbud/", {"offer": str(other.pk)})
    assert response.status_code == 400 and not Wish.objects.exists()
    response = youth_session_client(p.youth).post("/min-side/tilbud/", {"offer": "abc"})
    assert response.status_code == 400


def test_an_accepted_offer_wish_becomes_an_activity_in_that_offer(p: Personas) -> None:
    from ungeforlob.plans.models import Activity

    plan = give_plan(p.youth, p.contact_person)
    offer = _offer(p)
    wish = services.offer_interest(youth=p.youth, offer_id=offer.pk)
    services.wish_handle(actor=p.contact_person, youth=p.youth, wish=wish, decision="ja", subgoal=plan["subgoal"],
                         reason="Hun vil gerne prøve")
    assert Activity.objects.filter(offer=offer, subgoal=plan["subgoal"]).exists()


# --- Wishes that answer themselves ------------------------------------------------------------------------


def test_it_refuses_a_fourth_goal_wish_at_once_with_the_reason(p: Personas) -> None:
    from ungeforlob.plans.services import goal_create

    for text in ("Mål et", "Mål to"):
        goal_create(youth=p.youth, actor=p.contact_person, text=text)
    services.wish_create(youth=p.youth, kind="maal", text="Mål tre")  # room for one more: it waits for an answer
    with pytest.raises(ValidationError) as exc:
        services.wish_create(youth=p.youth, kind="maal", text="Mål fire")
    assert "højst tre mål" in str(exc.value)
    client = youth_session_client(p.youth)
    response = client.post("/min-side/oensker/?slags=maal", {"kind": "maal", "text": "Mål fire"})
    assert "højst tre mål" in response.content.decode()
    assert Wish.objects.filter(kind="maal").count() == 1
    page = client.get("/min-side/oensker/").content.decode()
    assert "højst tre mål" in page and "?slags=maal" not in page  # said before she writes, not left waiting


def test_the_wish_form_shows_only_the_fields_for_the_chosen_kind(p: Personas) -> None:
    give_plan(p.youth, p.contact_person)
    client = youth_session_client(p.youth)
    first = client.get("/min-side/oensker/").content.decode()
    assert 'name="text"' not in first and "?slags=delmaal" in first
    goal_step = client.get("/min-side/oensker/?slags=maal").content.decode()
    assert 'name="text"' in goal_step and 'name="goal"' not in goal_step and 'name="subgoal"' not in goal_step
    sub_step = client.get("/min-side/oensker/?slags=delmaal").content.decode()
    assert 'name="goal"' in sub_step and 'name="subgoal"' not in sub_step
    activity_step = client.get("/min-side/oensker/?slags=aktivitet").content.decode()
    assert 'name="subgoal"' in activity_step and 'name="goal"' not in activity_step


# --- Self-evaluation ---------------------------------------------------------------------------------------


def test_the_selfevaluation_result_comes_in_plain_words_before_the_chart(p: Personas) -> None:
    from ungeforlob.progression.services import self_evaluation_answer, self_evaluation_start

    r = self_evaluation_start(youth=p.youth, by_youth=True)
    self_evaluation_answer(round=r, answers={"mot1": 5, "mot2": 5}, goals={}, by_youth=True)
    body = youth_session_client(p.youth).get(f"/min-side/selvevaluering/{r.pk}/afslut/").content.decode()
    assert "Du ser dig selv stærkest i" in body
    assert body.index("Du ser dig selv stærkest i") < body.index("<svg class=\"prog-radar\"")
    words = re.sub(r"<[^>]+>", " ", body).lower()
    assert "runde" not in words and "profilbillede" not in words and "denne selvevaluering" in words


def test_the_youth_pages_call_it_selvevaluering_throughout() -> None:
    """One name for the thing: no "billede", "profil" or "runde" for the self-evaluation on Min side."""
    import pathlib
    import re

    folder = pathlib.Path(__file__).resolve().parents[1] / "templates" / "portal"
    found = []
    for path in folder.glob("selfeval*.html"):
        text = re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", path.read_text())
        found += [f"{path.name}: {w}" for w in re.findall(r"\b(billede\w*|profil\w*|runde\w*)", text, re.I)]
    views = (folder.parents[1] / "views.py").read_text()
    found += re.findall(r'_\("[^"]*\b(?:[Bb]illede|[Pp]rofil|[Rr]unde)[^"]*"\)', views)
    assert not found


# --- Query counts -------------------------------------------------------------------------------------------


def _many_checkins(p: Personas, n: int) -> None:
    plan = give_plan(p.youth, p.contact_person) if not SubGoal.objects.filter(goal__youth=p.youth).exists() else None
    sg = plan["subgoal"] if plan else SubGoal.objects.filter(goal__youth=p.youth).first()
    CheckIn.objects.bulk_create([  # data for the count (the service refuses the same check-in twice in a row)
        CheckIn(youth=p.youth, subgoal=sg, line=f"Linje {i}", closeness=3,
                reached=ReachedStatus.PROPOSED if i % 2 == 0 else ReachedStatus.NONE) for i in range(n)])


def test_the_checkin_pages_and_i_dag_cost_the_same_queries_with_more_data(p: Personas, count_queries) -> None:
    client = client_for(p.contact_person)
    youth = youth_session_client(p.youth)
    _many_checkins(p, 1)
    small = (count_queries(lambda: client.get(f"/unge/{p.youth.pk}/tjek-ind/")),
             count_queries(lambda: youth.get("/min-side/plan/")),
             count_queries(lambda: _agenda(p.contact_person)))
    _many_checkins(p, 12)
    large = (count_queries(lambda: client.get(f"/unge/{p.youth.pk}/tjek-ind/")),
             count_queries(lambda: youth.get("/min-side/plan/")),
             count_queries(lambda: _agenda(p.contact_person)))
    assert small == large


def test_the_choosing_pages_cost_the_same_queries_with_more_data(p: Personas, count_queries) -> None:
    youth = youth_session_client(p.youth)
    staff = client_for(p.contact_person)
    _choosable(p)
    _offer(p)
    services.contact_proposal_create(youth=p.youth, professional_id=p.outsider.pk)

    def measure() -> tuple[int, ...]:
        return (count_queries(lambda: youth.get("/min-side/kontaktperson/")),
                count_queries(lambda: youth.get("/min-side/tilbud/")),
                count_queries(lambda: staff.get(f"/unge/{p.youth.pk}/kontaktperson-forslag/")))

    small = measure()
    for i in range(6):
        user = make_user(f"fag{i}", p.municipality, p.organisation, first=f"Fag{i}")
        _choosable(p, user)
        services.offer_interest(youth=p.youth, offer_id=_offer(p, f"Tilbud nummer {i}").pk)
    proposal = ContactProposal.objects.get()
    services.contact_proposal_handle(actor=p.contact_person, youth=p.youth, proposal=proposal, decision="nej",
                                     reply="Ikke nu")
    services.contact_proposal_create(youth=p.youth, professional_id=p.colleague.pk if StaffPresentation.objects.filter(
        user=p.colleague).exists() else _choosable(p, p.colleague).pk)
    assert measure() == small


def test_a_youth_without_a_contact_person_can_still_check_in(p: Personas) -> None:
    from ungeforlob.chain.models import ChainRole

    youth = make_youth(p.contact_person, first_name="Alma", mobile="+4530111222")
    plan = give_plan(youth, p.contact_person)
    youth.memberships.filter(role=ChainRole.CONTACT_PERSON).update(end_date=timezone.localdate())
    services.checkin_record(youth=youth, subgoal=plan["subgoal"], outcome="gjort", line="", closeness=2)
    assert CheckIn.objects.filter(youth=youth).exists()


def test_the_contact_person_reads_a_proposed_sub_goal_in_words_for_staff_not_the_youths(p: Personas) -> None:
    """Found in review of issue 17: the staff page said "Venter på, at din kontaktperson bekræfter" to the
    contact person."""
    plan = give_plan(p.youth, p.contact_person)
    youth_session_client(p.youth).post(f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/",
                                       {"outcome": "gjort", "closeness": "5", "reached": "on"})
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/tjek-ind/").content.decode()
    assert "Den unge mener, at delmålet er nået" in page
    assert "din kontaktperson" not in page
