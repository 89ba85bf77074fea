from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.plans import selectors, services
from ungeforlob.plans.models import Activity, Goal, PlanChange, PlanShare, SubGoal
from ungeforlob.plans.tests.factories import build_plan
from ungeforlob.testing import Personas


def _errors(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return exc.value.message_dict


def test_it_refuses_a_fourth_goal(p: Personas) -> None:
    build_plan(p.youth, p.contact_person, goals=3, subgoals=0)
    with pytest.raises(ValidationError) as exc:
        services.goal_create(youth=p.youth, actor=p.contact_person, text="Et fjerde mål")
    assert "allerede tre mål" in _errors(exc)["text"][0]
    assert Goal.objects.filter(youth=p.youth).count() == 3


def test_a_removed_goal_frees_its_place(p: Personas) -> None:
    goals = build_plan(p.youth, p.contact_person, goals=3, subgoals=0)
    services.goal_delete(youth=p.youth, goal=goals[1], actor=p.contact_person)
    goal = services.goal_create(youth=p.youth, actor=p.contact_person, text="Nyt mål")
    assert goal.position == 2


def test_it_refuses_an_empty_or_over_long_goal(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.goal_create(youth=p.youth, actor=p.contact_person, text="   ")
    assert "Skriv målet" in _errors(exc)["text"][0]
    with pytest.raises(ValidationError) as exc:
        services.goal_create(youth=p.youth, actor=p.contact_person, text="x" * 301)
    assert "højst 300 tegn" in _errors(exc)["text"][0]
    assert not Goal.objects.exists()


def test_an_activity_with_bad_input_saves_nothing_at_all(p: Personas) -> None:
    sg = SubGoal.objects.get(goal=build_plan(p.youth, p.contact_person, activities=0, evaluations=0)[0])
    changes, audits = PlanChange.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.activity_create(youth=p.youth, subgoal=sg, actor=p.contact_person, title="", reason="x" * 501,
                                 responsible="organisation", start_date=datetime.date(2030, 5, 2),
                                 end_date=datetime.date(2030, 5, 1), methods=["hokuspokus"])
    errors = _errors(exc)
    assert set(errors) == {"title", "reason", "responsible_name", "end_date", "methods"}
    assert errors["end_date"] == ["Slutdatoen kan ikke ligge før startdatoen."]
    assert (Activity.objects.count(), PlanChange.objects.count(), AuditEvent.objects.count()) == (0, changes, audits)


def test_it_refuses_an_activity_without_a_subgoal_or_with_another_youths(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.activity_create(youth=p.youth, subgoal=None, actor=p.contact_person, title="X", reason="Y",
                                 responsible="ung")
    assert "skal have et delmål" in _errors(exc)["subgoal"][0]
    other = p.contact_person.__class__.objects.get(username="anden")
    foreign = SubGoal.objects.get(goal=build_plan(p.other_youth, other)[0])
    with pytest.raises(ValidationError):
        services.activity_create(youth=p.youth, subgoal=foreign, actor=p.contact_person, title="X", reason="Y",
                                 responsible="ung")


def test_two_people_editing_the_same_goal_lose_nothing(p: Personas) -> None:
    goal = build_plan(p.youth, p.contact_person, subgoals=0)[0]
    mine = Goal.objects.get(pk=goal.pk)
    theirs = Goal.objects.get(pk=goal.pk)
    services.goal_update(youth=p.youth, goal=theirs, actor=p.colleague, version=theirs.version,
                         text="Jeg vil være kok", written_by="ung")
    with pytest.raises(services.StaleEdit) as exc:
        services.goal_update(youth=p.youth, goal=mine, actor=p.contact_person, version=mine.version,
                             text="Jeg vil være bager", written_by="ung")
    message = exc.value.messages[0]
    assert "Jonas Friis" in message and "Jeg vil være kok" in message
    assert exc.value.current_version == mine.version + 1
    assert Goal.objects.get(pk=goal.pk).text == "Jeg vil være kok"


def test_two_people_editing_the_same_subgoal_lose_nothing(p: Personas) -> None:
    sg = SubGoal.objects.get(goal=build_plan(p.youth, p.contact_person)[0])
    kwargs = {"youth": p.youth, "success_criterion": "X", "version": sg.version}
    services.subgoal_update(subgoal=SubGoal.objects.get(pk=sg.pk), actor=p.colleague, text="Hans udgave",
                            status="naaet", **kwargs)
    with pytest.raises(services.StaleEdit) as exc:
        services.subgoal_update(subgoal=SubGoal.objects.get(pk=sg.pk), actor=p.contact_person, text="Min udgave",
                                status="i_gang", **kwargs)
    assert "Hans udgave" in exc.value.messages[0]
    sg.refresh_from_db()
    assert (sg.text, sg.status) == ("Hans udgave", "naaet")


def test_the_youth_writes_a_goal_in_their_own_words_and_is_logged_as_the_youth(p: Personas) -> None:
    goal = services.goal_create(youth=p.youth, by_youth=True, text="Jeg vil have et job", written_by="sammen")
    assert goal.written_by == "ung"
    change = PlanChange.objects.get(object_type="goal", object_id=goal.pk)
    assert change.by_youth and change.actor is None and change.actor_name == "Josefine (den unge)"
    event = AuditEvent.objects.get(object_type="goal", action=AuditAction.CREATE)
    assert event.actor is None and event.actor_youth_id == p.youth.pk


def test_the_youth_evaluates_their_own_subgoal(p: Personas) -> None:
    sg = SubGoal.objects.get(goal=build_plan(p.youth, p.contact_person, evaluations=0)[0])
    e = services.evaluation_create(youth=p.youth, by_youth=True, subgoal=sg, closeness=4, went_well="Jeg kom")
    assert e.by_youth and e.author is None
    with pytest.raises(ValidationError) as exc:
        services.evaluation_create(youth=p.youth, by_youth=True, subgoal=sg, closeness=6)
    assert "fra 1 til 5" in _errors(exc)["closeness"][0]


def test_the_youth_may_change_only_their_own_part_of_the_profile(p: Personas) -> None:
    services.profile_update(youth=p.youth, by_youth=True, version=1, own_story="Min historie", dreams="Tømrer")
    profile = selectors.profile_for(p.youth)
    assert profile.own_story_written_by == "ung" and profile.dreams == "Tømrer"
    with pytest.raises(PermissionDenied):
        services.profile_update(youth=p.youth, by_youth=True, version=profile.version,
                                professional_description="Jeg skriver selv om mig")


def test_passing_both_a_staff_actor_and_by_youth_is_refused(p: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.goal_create(youth=p.youth, actor=p.contact_person, by_youth=True, text="X")


@pytest.mark.parametrize("who", ["outsider", "stranger", "leader"])
def test_people_outside_the_circle_cannot_change_the_plan(p: Personas, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.goal_create(youth=p.youth, actor=getattr(p, who), text="X")
    with pytest.raises(PermissionDenied):
        services.note_create(youth=p.youth, actor=getattr(p, who), text="X")


def test_a_member_in_a_reading_role_cannot_change_the_plan(p: Personas) -> None:
    teacher = p.reader  # in the circle as a teacher
    with pytest.raises(PermissionDenied):
        services.goal_create(youth=p.youth, actor=teacher, text="X")
    assert services.plan_pdf(youth=p.youth, actor=teacher).startswith(b"%PDF")


def test_every_profile_change_is_kept_with_who_and_what(p: Personas) -> None:
    services.profile_update(youth=p.youth, actor=p.contact_person, version=1, challenges="Angst")
    services.profile_update(youth=p.youth, actor=p.colleague, version=2, challenges="Angst i store grupper",
                            change_reason="Hun fortalte mere")
    history = list(selectors.profile_history(p.youth))
    assert [h.actor_name for h in history] == ["Jonas Friis", "Mette Kjær"]
    assert history[0].changes == {"Udfordringer": {"old": "Angst", "new": "Angst i store grupper"}}
    assert history[0].reason == "Hun fortalte mere"


def test_changes_in_an_open_meeting_are_linked_and_later_ones_are_since_the_meeting(p: Personas) -> None:
    today = timezone.localdate()
    meeting = services.meeting_create(youth=p.youth, actor=p.contact_person, held_on=today, keep_open=True,
                                      participants=[p.contact_person])
    goal = build_plan(p.youth, p.contact_person, subgoals=0)[0]
    assert PlanChange.objects.get(object_id=goal.pk, object_type="goal").meeting == meeting
    services.meeting_close(youth=p.youth, meeting=meeting, actor=p.contact_person, agreed="Et mål")
    services.goal_update(youth=p.youth, goal=goal, actor=p.contact_person, version=goal.version,
                         text="Et bedre mål", written_by="ung")
    last, since = selectors.changes_since_last_meeting(p.youth)
    assert last == meeting
    assert [(c.object_label, c.action) for c in since] == [("Et bedre mål", "update")]
    assert since[0].meeting is None


def test_a_meeting_on_another_day_cannot_be_kept_open(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.meeting_create(youth=p.youth, actor=p.contact_person, keep_open=True,
                                held_on=timezone.localdate() - datetime.timedelta(days=3))
    assert "keep_open" in _errors(exc)


def test_notes_are_visible_to_the_youth_unless_hidden_for_a_legal_reason(p: Personas) -> None:
    note = services.note_create(youth=p.youth, actor=p.contact_person, text="Om familien")
    assert list(selectors.notes_visible_to_youth(p.youth)) == [note]
    with pytest.raises(ValidationError):
        services.note_hide(youth=p.youth, note=note, actor=p.contact_person, reason="fordi")
    services.note_hide(youth=p.youth, note=note, actor=p.contact_person, reason="egen_interesse")
    assert list(selectors.notes_visible_to_youth(p.youth)) == []
    services.note_show(youth=p.youth, note=note, actor=p.contact_person)
    assert list(selectors.notes_visible_to_youth(p.youth)) == [note]
    details = [e.detail for e in AuditEvent.objects.filter(object_type="journalnote", action=AuditAction.UPDATE)
               .order_by("id")]
    assert details == [{"visible_to_youth": False, "reason": "egen_interesse", "explanation": ""},
                       {"visible_to_youth": True}]


def test_sharing_records_what_with_whom_and_the_consent(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.plan_share(youth=p.youth, actor=p.contact_person, recipient_name="Lise", purpose="Start",
                            parts=["maal"], consent="mundtligt", consent_confirmed=False)
    assert "consent_confirmed" in _errors(exc)
    assert not PlanShare.objects.exists()
    share = services.plan_share(youth=p.youth, actor=p.contact_person, recipient_name="Lise",
                                recipient_organisation="Frisørskolen", purpose="Start",
                                parts=["aktiviteter", "maal"], consent="skriftligt", consent_confirmed=True)
    assert share.parts == ["maal", "aktiviteter"] and share.shared_by_name == "Mette Kjær"
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, object_type="planshare")
    assert event.detail == {"recipient": "Lise", "organisation": "Frisørskolen", "parts": ["maal", "aktiviteter"],
                            "consent": "skriftligt"}


def test_the_shared_pdf_holds_only_what_was_shared(p: Personas) -> None:
    from ungeforlob.plans.pdf import plan_pdf_context

    ctx = plan_pdf_context(p.youth, parts=["maal"])
    assert ctx["show_goals"] and not ctx["show_activities"] and ctx["profile"] is None


def test_the_plan_timeline_lists_changes_evaluations_meetings_and_visible_notes(p: Personas) -> None:
    from ungeforlob.plans.timeline import plan_entries

    build_plan(p.youth, p.contact_person)
    services.meeting_create(youth=p.youth, actor=p.contact_person, held_on=timezone.localdate(), agreed="Aftale")
    services.note_create(youth=p.youth, actor=p.contact_person, text="Notat")
    kinds = sorted({e.kind for e in plan_entries(p.youth)})
    assert kinds == ["evaluering", "notat", "plan", "planmoede"]


def test_the_demo_loader_is_idempotent(p: Personas) -> None:
    from ungeforlob.plans import demo

    made = demo.load(municipality=p.municipality, staff={}, orgs={})
    counts = (Goal.objects.count(), PlanChange.objects.count())
    assert made == 1 and counts[0] >= 1
    assert demo.load(municipality=p.municipality, staff={}, orgs={}) == 0
    assert (Goal.objects.count(), PlanChange.objects.count()) == counts


def test_two_people_editing_the_profile_lose_nothing(p: Personas) -> None:
    services.profile_update(youth=p.youth, actor=p.colleague, version=1, challenges="Svært ved morgener")
    with pytest.raises(services.StaleEdit) as exc:
        services.profile_update(youth=p.youth, actor=p.contact_person, version=1, challenges="Angst")
    assert "Jonas Friis" in exc.value.messages[0]
    assert "Udfordringer: \u201cSvært ved morgener\u201d" in exc.value.messages[0]
    assert selectors.profile_for(p.youth).challenges == "Svært ved morgener"
