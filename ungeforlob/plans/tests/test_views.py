from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole
from ungeforlob.plans import services
from ungeforlob.plans.models import (
    Activity,
    Evaluation,
    Goal,
    JournalNote,
    PlanChange,
    PlanMeeting,
    PlanShare,
    SubGoal,
)
from ungeforlob.plans.tests.factories import build_plan
from ungeforlob.testing import Personas, add_member, make_user


def _url(p: Personas, rest: str = "plan/") -> str:
    return f"/unge/{p.youth.pk}/{rest}"


def test_the_plan_page_draws_an_accessible_stick_figure_with_the_goals(p: Personas, as_user) -> None:
    build_plan(p.youth, p.contact_person, goals=2)
    html = as_user(p.contact_person).get(_url(p)).content.decode()
    svg = re.search(r"<svg class=\"plans-figure plans-figure-wide\".*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "Mål 1: Mål nummer 1." in svg and "Mål 2: Mål nummer 2." in svg
    assert "style=" not in html and "<style" not in html


def test_the_empty_plan_invites_the_youth_to_speak_first(p: Personas, as_user) -> None:
    html = as_user(p.contact_person).get(_url(p)).content.decode()
    assert "Der er ingen mål endnu." in html
    assert "Lad den unge tale først" in html


def test_the_plan_page_costs_the_same_queries_for_a_small_and_a_large_plan(p: Personas, as_user,
                                                                              count_queries) -> None:
    client = as_user(p.contact_person)
    build_plan(p.other_youth, p.contact_person.__class__.objects.get(username="anden"), goals=1, subgoals=1)
    build_plan(p.youth, p.contact_person, goals=1, subgoals=1, activities=1, evaluations=1)
    small = count_queries(lambda: client.get(_url(p)))
    Goal.objects.filter(youth=p.youth).delete()
    build_plan(p.youth, p.contact_person, goals=3, subgoals=4, activities=3, evaluations=4)
    large = count_queries(lambda: client.get(_url(p)))
    assert small == large


def test_every_plan_page_keeps_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    build_plan(p.youth, p.contact_person, goals=1, subgoals=1)
    services.note_create(youth=p.youth, actor=p.contact_person, text="Et notat")
    services.profile_update(youth=p.youth, actor=p.contact_person, version=1, dreams="Drøm")
    m = services.meeting_create(youth=p.youth, actor=p.contact_person, held_on=p.youth.created_at.date(),
                                participants=[p.contact_person])
    services.plan_share(youth=p.youth, actor=p.contact_person, recipient_name="A", purpose="B", parts=["maal"],
                        consent="mundtligt", consent_confirmed=True)
    pages = ["profil/", "profil/historik/", "plan/historik/", "plan/moeder/", f"plan/moeder/{m.pk}/", "notater/",
             "plan/del/", "tidslinje/", ""]
    small = {page: count_queries(lambda page=page: client.get(_url(p, page))) for page in pages}
    build_plan(p.youth, p.contact_person, goals=2, subgoals=3, activities=2, evaluations=3)
    for i in range(8):
        services.note_create(youth=p.youth, actor=p.contact_person, text=f"Notat {i}")
        services.meeting_create(youth=p.youth, actor=p.contact_person,
                                held_on=p.youth.created_at.date() - datetime.timedelta(days=i + 1),
                                participants=[p.contact_person, p.colleague])
        services.plan_share(youth=p.youth, actor=p.contact_person, recipient_name=f"A{i}", purpose="B",
                            parts=["maal"], consent="mundtligt", consent_confirmed=True)
        services.profile_update(youth=p.youth, actor=p.contact_person, version=i + 2, dreams=f"Drøm {i}")
    large = {page: count_queries(lambda page=page: client.get(_url(p, page))) for page in pages}
    # The timeline reads only the sources that reach its page: a longer plan history fills the page and can only
    # spare other sources' queries (youth/tests/test_timeline.py proves the ceiling).
    assert large.pop("tidslinje/") <= small.pop("tidslinje/")
    assert small == large


def test_a_contact_person_builds_a_plan_through_the_forms(p: Personas, as_user) -> None:
    c = as_user(p.contact_person)
    r = c.post(_url(p, "plan/maal/nyt/"), {"text": "Jeg vil være frisør", "written_by": "ung", "version": 0})
    assert r.status_code == 302
    goal = Goal.objects.get(youth=p.youth)
    r = c.post(_url(p, f"plan/maal/{goal.pk}/delmaal/nyt/"), {
        "text": "Komme i praktik", "success_criterion": "Jeg har en aftale", "target_date": "2030-05-01",
        "status": "ikke_startet", "version": 0})
    assert r.status_code == 302
    sg = goal.subgoals.get()
    r = c.post(_url(p, "plan/aktivitet/ny/"), {
        "subgoal": sg.pk, "title": "Ringe til salonen", "reason": "Så jeg kan komme i praktik",
        "responsible": "ung", "status": "planlagt", "methods": ["kl_opdage", "motivation"], "version": 0})
    assert r.status_code == 302
    r = c.post(_url(p, "plan/evaluering/ny/"), {"target": f"d{sg.pk}", "closeness": "2", "went_well": "Jeg ringede",
                                               "youth_voice": "ung"})
    assert r.status_code == 302
    evaluation = sg.evaluations.get()
    assert evaluation.by_youth and evaluation.author == p.contact_person
    assert evaluation.author_name == "Josefine (den unge), skrevet ned af Mette Kjær"
    html = c.get(_url(p)).content.decode()
    assert "Ringe til salonen" in html and "Karrierelæring: at opdage" in html and "Seneste: 2 af 5" in html


def test_a_fourth_goal_gets_a_danish_message_on_the_form(p: Personas, as_user) -> None:
    build_plan(p.youth, p.contact_person, goals=3, subgoals=0)
    r = as_user(p.contact_person).post(_url(p, "plan/maal/nyt/"), {"text": "Et fjerde", "written_by": "ung",
                                                                     "version": 0})
    assert r.status_code == 200
    assert "Planen har allerede tre mål" in r.content.decode()
    assert Goal.objects.filter(youth=p.youth).count() == 3


def test_an_activity_without_a_subgoal_or_with_bad_dates_gets_danish_messages(p: Personas, as_user) -> None:
    build_plan(p.youth, p.contact_person, activities=0)
    c = as_user(p.contact_person)
    r = c.post(_url(p, "plan/aktivitet/ny/"), {"subgoal": "", "title": "X", "reason": "Y", "responsible": "ung",
                                               "status": "planlagt", "version": 0})
    assert "en aktivitet skal have et delmål" in r.content.decode()
    sg = Goal.objects.get(youth=p.youth).subgoals.get()
    r = c.post(_url(p, "plan/aktivitet/ny/"), {"subgoal": sg.pk, "title": "X", "reason": "Y", "responsible": "ung",
                                               "status": "planlagt", "version": 0, "start_date": "2030-05-02",
                                               "end_date": "2030-05-01"})
    assert "Slutdatoen kan ikke ligge før startdatoen." in r.content.decode()
    r = c.post(_url(p, "plan/aktivitet/ny/"), {"subgoal": sg.pk, "title": "X", "reason": "Y", "responsible": "ung",
                                               "status": "planlagt", "version": 0, "start_date": "2030-02-31"})
    assert "Skriv en gyldig dato." in r.content.decode()
    r = c.post(_url(p, "plan/aktivitet/ny/"), {"subgoal": sg.pk, "title": "X" * 201, "reason": "Y",
                                               "responsible": "ung", "status": "planlagt", "version": 0})
    assert r.status_code == 200 and "200" in r.content.decode()
    assert not sg.activities.exists()


def test_a_stale_goal_form_is_refused_and_shows_the_other_persons_change(p: Personas, as_user) -> None:
    goal = build_plan(p.youth, p.contact_person, subgoals=0)[0]
    seen_version = goal.version
    # The colleague saves first …
    services.goal_update(youth=p.youth, goal=goal, actor=p.colleague, version=seen_version, text="Jeg vil være kok",
                         written_by="ung")
    # … then the contact person saves the form they opened before.
    r = as_user(p.contact_person).post(_url(p, f"plan/maal/{goal.pk}/ret/"), {
        "text": "Jeg vil være bager", "written_by": "ung", "version": seen_version})
    html = r.content.decode()
    assert r.status_code == 200
    assert "Din ændring er ikke gemt" in html and "Jonas Friis" in html and "Jeg vil være kok" in html
    assert "Jeg vil være bager" in html  # the user's own words are kept in the form
    goal.refresh_from_db()
    assert goal.text == "Jeg vil være kok"
    # Saving again, knowingly, replaces the other change.
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    r = as_user(p.contact_person).post(_url(p, f"plan/maal/{goal.pk}/ret/"), {
        "text": "Jeg vil være bager", "written_by": "ung", "version": version})
    assert r.status_code == 302
    goal.refresh_from_db()
    assert goal.text == "Jeg vil være bager"


def test_bad_ids_are_not_found(p: Personas, as_user) -> None:
    other_goal = build_plan(p.other_youth, p.contact_person.__class__.objects.get(username="anden"))[0]
    c = as_user(p.contact_person)
    assert c.get(_url(p, f"plan/maal/{other_goal.pk}/ret/")).status_code == 404
    assert c.get(_url(p, "plan/maal/999999/ret/")).status_code == 404
    assert c.get(_url(p, "plan/pdf/?deling=abc")).status_code == 404
    assert c.get("/unge/abc/plan/").status_code == 404


def test_a_member_in_a_reading_role_sees_the_plan_but_cannot_change_it(p: Personas, as_user) -> None:
    psychologist = make_user("psykolog", p.municipality, p.organisation, profession="Psykolog")
    add_member(p.youth, psychologist, ChainRole.PSYCHOLOGIST)
    goal = build_plan(p.youth, p.contact_person)[0]
    c = as_user(psychologist)
    assert c.get(_url(p)).status_code == 200
    assert "Ret mål" not in c.get(_url(p)).content.decode()
    assert c.get(_url(p, f"plan/maal/{goal.pk}/ret/")).status_code == 404
    assert c.post(_url(p, "notater/"), {"text": "X"}).status_code == 404


def test_the_overview_card_and_the_timeline_show_the_plan(p: Personas, as_user) -> None:
    build_plan(p.youth, p.contact_person)
    services.note_create(youth=p.youth, actor=p.contact_person, text="Synligt notat")
    hidden = services.note_create(youth=p.youth, actor=p.contact_person, text="Skjult notat")
    services.note_hide(youth=p.youth, note=hidden, actor=p.contact_person, reason="tredjemand")
    c = as_user(p.contact_person)
    overview = c.get(f"/unge/{p.youth.pk}/").content.decode()
    assert "Mål nummer 1" in overview and "0 af 1 delmål nået" in overview
    timeline = c.get(_url(p, "tidslinje/")).content.decode()
    assert "Nyt mål" in timeline and "Evaluering: 1 af 5 på vej" in timeline and "Synligt notat" in timeline
    assert "Skjult notat" not in timeline


def test_hiding_a_note_without_a_reason_is_refused_and_with_one_it_is_audited(p: Personas, as_user) -> None:
    note = services.note_create(youth=p.youth, actor=p.contact_person, text="Om familien")
    c = as_user(p.contact_person)
    r = c.post(_url(p, f"notater/{note.pk}/skjul/"), {"reason": ""})
    assert "Vælg den lovhjemmel" in r.content.decode()
    r = c.post(_url(p, f"notater/{note.pk}/skjul/"), {"reason": "tredjemand", "explanation": "Om søsteren"})
    assert r.status_code == 302
    note.refresh_from_db()
    assert not note.visible_to_youth and note.hidden_reason == "tredjemand"
    event = AuditEvent.objects.filter(object_type="journalnote", action=AuditAction.UPDATE).latest("id")
    assert event.detail["reason"] == "tredjemand" and "§ 22" in event.purpose


def test_the_pdf_is_a_pdf_and_its_export_is_audited(p: Personas, as_user) -> None:
    build_plan(p.youth, p.contact_person)
    r = as_user(p.colleague).get(_url(p, "plan/pdf/"))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(object_type="plan_pdf", action=AuditAction.EXPORT, actor=p.colleague).exists()


def test_sharing_without_consent_is_refused_and_with_consent_it_is_recorded(p: Personas, as_user) -> None:
    c = as_user(p.contact_person)
    data = {"recipient_name": "Lise Berg", "recipient_organisation": "Frisørskolen", "purpose": "Skolestart",
            "parts": ["maal", "aktiviteter"], "consent": "mundtligt"}
    r = c.post(_url(p, "plan/del/"), data)
    assert "kun deles, når den unge har sagt ja" in r.content.decode()
    r = c.post(_url(p, "plan/del/"), data | {"consent_confirmed": "on"})
    assert r.status_code == 302
    html = c.get(_url(p, "plan/del/")).content.decode()
    assert "Lise Berg" in html and "Mål og delmål, Aktiviteter" in html and "Mundtligt samtykke" in html


def test_a_meeting_with_many_participants_and_no_youth_is_nudged(p: Personas, as_user) -> None:
    others = [make_user(f"fag{i}", p.municipality, p.organisation) for i in range(3)]
    for u in others:
        add_member(p.youth, u, ChainRole.MENTOR)
    c = as_user(p.contact_person)
    r = c.post(_url(p, "plan/moeder/nyt/"), {"held_on": "2025-01-10", "participants": [
        p.contact_person.pk, p.colleague.pk, *[u.pk for u in others]]}, follow=True)
    html = r.content.decode()
    assert "Den unge var ikke med" in html and "mange fagpersoner" in html
    r = c.post(_url(p, "plan/moeder/nyt/"), {"held_on": "2025-01-10", "participants": [p.outsider.pk]})
    assert "blandt dem, der er i den unges kæde" in r.content.decode()


def test_changes_made_in_an_open_meeting_are_listed_on_it(p: Personas, as_user) -> None:
    c = as_user(p.contact_person)
    from django.utils import timezone

    r = c.post(_url(p, "plan/moeder/nyt/"), {"held_on": timezone.localdate().isoformat(), "youth_present": "on",
                                            "keep_open": "on", "participants": [p.contact_person.pk]})
    meeting_url = r["Location"]
    build_plan(p.youth, p.contact_person, subgoals=0)
    html = c.get(meeting_url).content.decode()
    assert "Mål nummer 1" in html and "Mødet er i gang" in html
    assert PlanChange.objects.filter(meeting__isnull=False).count() == 1


def test_a_double_submission_saves_once_and_says_so_in_danish(p: Personas, as_user) -> None:
    c = as_user(p.contact_person)
    data = {"text": "Jeg vil være frisør", "written_by": "ung", "version": 0}
    assert c.post(_url(p, "plan/maal/nyt/"), data).status_code == 302
    r = c.post(_url(p, "plan/maal/nyt/"), data)
    assert "Målet står allerede i planen." in r.content.decode()
    assert Goal.objects.filter(youth=p.youth).count() == 1
    assert c.post(_url(p, "notater/"), {"text": "Samme notat"}).status_code == 302
    assert "Notatet er allerede gemt." in c.post(_url(p, "notater/"), {"text": "Samme notat"}).content.decode()


def test_over_long_input_and_bad_values_never_give_a_server_error(p: Personas, as_user) -> None:
    goal = build_plan(p.youth, p.contact_person)[0]
    c = as_user(p.contact_person)
    posts = [
        ("plan/maal/nyt/", {"text": "x" * 5000, "written_by": "hacker", "version": "abc"}),
        (f"plan/maal/{goal.pk}/ret/", {"text": "x", "written_by": "ung", "version": "-5"}),
        (f"plan/maal/{goal.pk}/delmaal/nyt/", {"text": "x", "success_criterion": "y", "status": "nope",
                                               "target_date": "31-31-2020", "version": 0}),
        ("plan/evaluering/ny/", {"target": "d999999", "closeness": "9", "youth_voice": "x"}),
        ("plan/moeder/nyt/", {"held_on": "0000-00-00", "participants": ["abc"]}),
        ("profil/ret/", {"own_story": "x" * 3000, "own_story_written_by": "ung", "version": 1}),
        ("plan/del/", {"recipient_name": "x" * 500, "purpose": "", "parts": ["alt"], "consent": "nej"}),
        ("notater/", {"text": "x" * 6000}),
    ]
    for path, data in posts:
        r = c.post(_url(p, path), data)
        assert r.status_code == 200, path
        assert "Der er fejl i formularen" in r.content.decode(), path


@pytest.mark.parametrize("what", ["goal", "subgoal", "activity", "evaluation", "meeting", "note", "share"])
def test_every_create_form_sent_twice_with_its_token_saves_once(p: Personas, as_user, what: str) -> None:
    """A double click or a re-sent POST carries the same one-time token: the second copy is refused in Danish."""
    goal = build_plan(p.youth, p.contact_person, activities=0, evaluations=0)[0]
    subgoal = goal.subgoals.get()
    today = timezone.localdate()
    url, data, rows = {
        "goal": ("plan/maal/nyt/", {"text": "Jeg vil have et job", "written_by": "ung", "version": 0},
                 lambda: Goal.objects.filter(youth=p.youth).count()),
        "subgoal": (f"plan/maal/{goal.pk}/delmaal/nyt/",
                    {"text": "Skrive en ansøgning", "success_criterion": "Den er sendt", "status": "i_gang",
                     "version": 0},
                    lambda: SubGoal.objects.filter(goal=goal).count()),
        "activity": ("plan/aktivitet/ny/", {"subgoal": subgoal.pk, "title": "Praktik", "reason": "Prøve det",
                                            "responsible": "ung", "status": "planlagt", "version": 0},
                     lambda: Activity.objects.filter(subgoal=subgoal).count()),
        "evaluation": ("plan/evaluering/ny/", {"target": f"d{subgoal.pk}", "closeness": 4, "youth_voice": "ung"},
                       lambda: Evaluation.objects.filter(youth=p.youth).count()),
        "meeting": ("plan/moeder/nyt/", {"held_on": today.isoformat(), "youth_present": "on"},
                    lambda: PlanMeeting.objects.filter(youth=p.youth).count()),
        "note": ("notater/", {"text": "Vi talte om praktik"}, lambda: JournalNote.objects.filter(youth=p.youth).count()),
        "share": ("plan/del/", {"recipient_name": "Skolen", "purpose": "Start", "parts": ["maal"],
                                "consent": "mundtligt", "consent_confirmed": "on"},
                  lambda: PlanShare.objects.filter(youth=p.youth).count()),
    }[what]
    client = as_user(p.contact_person)
    before = rows()
    data = {**data, "submission": "ettoken42"}
    assert client.post(_url(p, url), data).status_code == 302
    again = client.post(_url(p, url), data)
    assert again.status_code == 200
    assert "Formularen er allerede sendt" in again.content.decode()
    assert rows() == before + 1


def test_a_search_in_the_notes_is_logged_with_its_terms_and_a_cpr_number_masked(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    client.get(_url(p, "notater/?q=praktik"))
    client.get(_url(p, "notater/?q=0101011234"))
    logged = list(AuditEvent.objects.filter(action=AuditAction.SEARCH, object_type="notes", youth_id=p.youth.pk)
                  .order_by("pk").values_list("detail__q", flat=True))
    assert logged == ["praktik", "CPR-søgning"]


def test_a_search_in_the_plan_history_is_logged_with_its_terms(p: Personas, as_user) -> None:
    build_plan(p.youth, p.contact_person)
    as_user(p.colleague).get(_url(p, "plan/historik/?q=Delmål"))
    event = AuditEvent.objects.get(action=AuditAction.SEARCH, object_type="plan_history")
    assert (event.youth_id, event.actor_id, event.detail) == (p.youth.pk, p.colleague.pk, {"q": "Delmål"})


def test_a_goal_of_another_young_person_is_not_found_under_this_one(p: Personas, as_user) -> None:
    other_contact = p.other_youth.memberships.get().professional
    other_goal = build_plan(p.other_youth, other_contact)[0]
    client = as_user(p.contact_person)
    assert client.get(_url(p, f"plan/maal/{other_goal.pk}/ret/")).status_code == 404
    assert client.post(_url(p, f"plan/maal/{other_goal.pk}/slet/")).status_code == 404
    assert Goal.objects.filter(pk=other_goal.pk).exists()


def test_an_empty_confirm_form_deletes_the_sub_goal(p: Personas, as_user) -> None:
    """The reason is optional: a POST without one is still a confirmation (it re-rendered the page before)."""
    subgoal = build_plan(p.youth, p.contact_person)[0].subgoals.get()
    response = as_user(p.contact_person).post(_url(p, f"plan/delmaal/{subgoal.pk}/slet/"))
    assert response.status_code == 302
    assert not SubGoal.objects.filter(pk=subgoal.pk).exists()
