"""Reads of the profile and Min plan, shared by the staff pages, the PDF and (later) the youth's portal.

Each takes a `Youth` that the caller already got through the access policy (`policy.get_youth_for` for
staff; the portal for the youth), and costs a fixed number of queries whatever the size of the plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ungeforlob.chain.selectors import circle_for
from ungeforlob.core.prepared import Read, keep_related, prepared, run_together
from ungeforlob.plans.models import (
    MAX_GOALS,
    Activity,
    Evaluation,
    Goal,
    JournalNote,
    MotivationOrientation,
    PlanChange,
    PlanMeeting,
    PlanShare,
    Profile,
    SubGoal,
)
from ungeforlob.youth.models import Youth

MOTIVATION_FIELDS = {
    MotivationOrientation.MASTERY: "motivation_mastery",
    MotivationOrientation.DIRECTION: "motivation_direction",
    MotivationOrientation.PRACTICE: "motivation_practice",
    MotivationOrientation.RELATION: "motivation_relation",
    MotivationOrientation.NECESSITY: "motivation_necessity",
}


def profile_for(youth: Youth) -> Profile:
    """The youth's profile; an empty, unsaved one before anything is written."""
    return Profile.objects.filter(youth=youth).first() or Profile(youth=youth)


def motivations(profile: Profile) -> list[dict[str, Any]]:
    """The five orientations with the note for each (empty note: does not apply)."""
    from ungeforlob.plans.models import MOTIVATION_HINTS

    return [
        {"key": o.value, "label": o.label, "hint": MOTIVATION_HINTS[o], "note": getattr(profile, name)}
        for o, name in MOTIVATION_FIELDS.items()
    ]


def profile_history(youth: Youth) -> QuerySet[PlanChange]:
    return PlanChange.objects.filter(youth=youth, object_type="profile").select_related("meeting")


@dataclass
class Plan:
    goals: list[Goal]
    open_meeting: PlanMeeting | None
    last_meeting: PlanMeeting | None
    changes_since_last_meeting: int
    subgoal_count: int = 0
    activity_count: int = 0
    subgoals: list[SubGoal] = field(default_factory=list)

    @property
    def can_add_goal(self) -> bool:
        return len(self.goals) < MAX_GOALS

    @property
    def is_empty(self) -> bool:
        return not self.goals


# The plan page's queries, prepared (`core/prepared.py`): compiled once per process, joined in Python below. Each
# reads one young person's rows by her id, so the page costs the same six queries whatever the size of the plan.


@prepared(youth_id=int)
def _goal_rows(*, youth_id: int) -> QuerySet[Goal]:
    return Goal.objects.filter(youth_id=youth_id)


@prepared(youth_id=int)
def _subgoal_rows(*, youth_id: int) -> QuerySet[SubGoal]:
    return SubGoal.objects.filter(goal__youth_id=youth_id).order_by("created_at", "pk")


@prepared(youth_id=int)
def _activity_rows(*, youth_id: int) -> QuerySet[Activity]:
    return Activity.objects.filter(subgoal__goal__youth_id=youth_id).select_related("offer")


@prepared(youth_id=int)
def _evaluation_rows(*, youth_id: int) -> QuerySet[Evaluation]:
    """Her evaluations of sub-goals and whole goals (`services.evaluation_create` keeps them on her own plan)."""
    return Evaluation.objects.filter(youth_id=youth_id).order_by("created_at", "pk")


@prepared(youth_id=int)
def _recent_meetings(*, youth_id: int) -> QuerySet[PlanMeeting]:
    return PlanMeeting.objects.filter(youth_id=youth_id).order_by("-held_on", "-pk")[:10]


def _changes_after(youth_id: int, meeting_id: int | None = None, end_of_day: datetime.datetime | None = None,
                   recorded_at: datetime.datetime | None = None) -> QuerySet[PlanChange]:
    """Her plan changes; after a meeting: on later days, or the same day after it was recorded (`recorded_at`, given
    when it was recorded on the day it was held), not made in it."""
    qs = PlanChange.objects.filter(youth_id=youth_id)
    if meeting_id is None:
        return qs
    after = Q(created_at__gt=end_of_day)
    if recorded_at is not None:
        after |= Q(created_at__gt=recorded_at)
    return qs.filter(after).exclude(meeting_id=meeting_id)


def _counted(qs: QuerySet[PlanChange]) -> QuerySet[Any]:
    """One row (youth_id, n), or none when there is nothing to count: a count a prepared query can return."""
    return qs.values_list("youth_id").annotate(n=Count("pk")).order_by()


@prepared(youth_id=int)
def _count_changes(*, youth_id: int) -> QuerySet[Any]:
    return _counted(_changes_after(youth_id))


@prepared(youth_id=int, meeting_id=int, end_of_day=datetime.datetime)
def _count_changes_after(*, youth_id: int, meeting_id: int, end_of_day: datetime.datetime) -> QuerySet[Any]:
    return _counted(_changes_after(youth_id, meeting_id, end_of_day))


@prepared(youth_id=int, meeting_id=int, end_of_day=datetime.datetime, recorded_at=datetime.datetime)
def _count_changes_after_same_day(*, youth_id: int, meeting_id: int, end_of_day: datetime.datetime,
                                  recorded_at: datetime.datetime) -> QuerySet[Any]:
    return _counted(_changes_after(youth_id, meeting_id, end_of_day, recorded_at))


def _after(meeting: PlanMeeting) -> dict[str, Any]:
    """The values that say which changes came after a meeting (see `_changes_after`)."""
    end_of_day = timezone.make_aware(datetime.datetime.combine(meeting.held_on, datetime.time.max))
    values: dict[str, Any] = {"meeting_id": meeting.pk, "end_of_day": end_of_day}
    if timezone.localtime(meeting.created_at).date() == meeting.held_on:
        values["recorded_at"] = meeting.created_at
    return values


def _changes_since_read(youth: Youth, meeting: PlanMeeting | None) -> Read:
    """The read that counts her plan changes since a meeting (since the start without one)."""
    if meeting is None:
        return _count_changes.read(youth_id=youth.pk)
    values = _after(meeting)
    count = _count_changes_after_same_day if "recorded_at" in values else _count_changes_after
    return count.read(youth_id=youth.pk, **values)


def plan_for(youth: Youth) -> Plan:
    """Goals → sub-goals → activities and evaluations, plus the meeting state, in six prepared queries (three when
    there are no goals), joined here as prefetch_related would have (`goal.subgoals.all()`, `sg.goal` …).

    The queries go to the database in two round trips where it can take several at once (`run_together`): her
    goals and meetings; then, when she has goals, her sub-goals, activities, evaluations and the count of changes
    since the last meeting (only the count without goals). The same queries as one by one otherwise."""
    goals, meetings = run_together([_goal_rows.read(youth_id=youth.pk), _recent_meetings.read(youth_id=youth.pk)])
    open_meeting = next((m for m in meetings if m.is_open and m.held_on == timezone.localdate()), None)
    last = next((m for m in meetings if not m.is_open), None)
    if goals:
        subgoals, activities, evaluations, changes = run_together([
            _subgoal_rows.read(youth_id=youth.pk), _activity_rows.read(youth_id=youth.pk),
            _evaluation_rows.read(youth_id=youth.pk), _changes_since_read(youth, last)])
    else:
        subgoals, activities, evaluations, (changes,) = [], [], [], run_together([_changes_since_read(youth, last)])
    goal_by_pk = {g.pk: g for g in goals}
    subgoals = [sg for sg in subgoals if sg.goal_id in goal_by_pk]
    subgoal_by_pk = {sg.pk: sg for sg in subgoals}
    by_goal: dict[int, list[SubGoal]] = {pk: [] for pk in goal_by_pk}
    for sg in subgoals:
        sg.goal = goal_by_pk[sg.goal_id]
        by_goal[sg.goal_id].append(sg)
    by_subgoal: dict[int, list[Activity]] = {pk: [] for pk in subgoal_by_pk}
    for a in activities:
        if a.subgoal_id in subgoal_by_pk:
            a.subgoal = subgoal_by_pk[a.subgoal_id]
            by_subgoal[a.subgoal_id].append(a)
    evals_of_subgoal: dict[int, list[Evaluation]] = {pk: [] for pk in subgoal_by_pk}
    evals_of_goal: dict[int, list[Evaluation]] = {pk: [] for pk in goal_by_pk}
    for e in evaluations:
        if e.subgoal_id in subgoal_by_pk:
            e.subgoal = subgoal_by_pk[e.subgoal_id]
            evals_of_subgoal[e.subgoal_id].append(e)
        elif e.subgoal_id is None and e.goal_id in goal_by_pk:
            e.goal = goal_by_pk[e.goal_id]
            evals_of_goal[e.goal_id].append(e)
    for g in goals:
        keep_related(g, "subgoals", by_goal[g.pk])
        keep_related(g, "evaluations", evals_of_goal[g.pk])
    for sg in subgoals:
        keep_related(sg, "activities", by_subgoal[sg.pk])
        keep_related(sg, "evaluations", evals_of_subgoal[sg.pk])
    subgoals = [sg for g in goals for sg in by_goal[g.pk]]
    return Plan(
        goals=goals,
        open_meeting=open_meeting,
        last_meeting=last,
        changes_since_last_meeting=changes[0][1] if changes else 0,
        subgoal_count=len(subgoals),
        activity_count=sum(len(by_subgoal[sg.pk]) for sg in subgoals),
        subgoals=subgoals,
    )


def _since(youth: Youth, meeting: PlanMeeting | None) -> QuerySet[PlanChange]:
    """Plan changes after a meeting: later days, or the same day after it was recorded, not made in it."""
    return _changes_after(youth.pk) if meeting is None else _changes_after(youth.pk, **_after(meeting))


def last_closed_meeting(youth: Youth) -> PlanMeeting | None:
    return PlanMeeting.objects.filter(youth=youth, is_open=False).order_by("-held_on", "-pk").first()


def changes_since_last_meeting(youth: Youth) -> tuple[PlanMeeting | None, list[PlanChange]]:
    meeting = last_closed_meeting(youth)
    return meeting, list(_since(youth, meeting).select_related("meeting")[:200])


HISTORY_KINDS = {
    "profile": "profile",
    "goal": "goal",
    "subgoal": "subgoal",
    "activity": "activity",
}


def plan_history(youth: Youth, *, kind: str = "", q: str = "") -> QuerySet[PlanChange]:
    """Every change to the profile and plan, newest first, optionally of one kind or matching a word."""
    qs = PlanChange.objects.filter(youth=youth).select_related("meeting")
    if kind in HISTORY_KINDS:
        qs = qs.filter(object_type=HISTORY_KINDS[kind])
    q = q.strip()
    if q:
        qs = qs.filter(Q(object_label__icontains=q) | Q(actor_name__icontains=q) | Q(reason__icontains=q))
    return qs


def meetings_for(youth: Youth) -> QuerySet[PlanMeeting]:
    return (PlanMeeting.objects.filter(youth=youth).prefetch_related("participants")
            .annotate(change_count=Count("changes")).order_by("-held_on", "-pk"))


def meeting_changes(meeting: PlanMeeting) -> list[PlanChange]:
    return list(meeting.changes.order_by("created_at", "pk"))


def circle_professionals(youth: Youth) -> list[Any]:
    """The professionals now active in the youth's circle (for choosing meeting participants)."""
    seen: dict[int, Any] = {}
    for m in circle_for(youth)["active"]:
        if m.professional_id and m.professional_id not in seen:
            seen[m.professional_id] = m.professional
    return list(seen.values())


def notes_for_staff(youth: Youth, *, q: str = "") -> QuerySet[JournalNote]:
    qs = JournalNote.objects.filter(youth=youth)
    if q.strip():
        qs = qs.filter(Q(text__icontains=q.strip()) | Q(author_name__icontains=q.strip()))
    return qs


def notes_visible_to_youth(youth: Youth) -> QuerySet[JournalNote]:
    """What the youth sees of the journal: every note not hidden for a legal reason."""
    return JournalNote.objects.filter(youth=youth, visible_to_youth=True)


def shares_for(youth: Youth) -> QuerySet[PlanShare]:
    return PlanShare.objects.filter(youth=youth)


def recent_evaluations(youth: Youth, *, limit: int = 5) -> list[Evaluation]:
    return list(Evaluation.objects.filter(youth=youth).select_related("subgoal", "goal")
                .order_by("-created_at", "-pk")[:limit])
