"""Reads of the profile and Min plan, shared by the staff pages, the PDF and (later) the youth's portal.

Each takes a `Youth` that the caller already got through the access policy (`policy.get_youth_for` for
staff; the portal for the youth), and costs a fixed number of queries whatever the size of the plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ungeforlob.chain.selectors import circle_for
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


def plan_for(youth: Youth) -> Plan:
    """Goals → sub-goals → activities and evaluations, plus the meeting state, in six queries."""
    evaluations = Evaluation.objects.order_by("created_at", "pk")
    goals = list(
        Goal.objects.filter(youth=youth).prefetch_related(
            Prefetch("subgoals", queryset=SubGoal.objects.order_by("created_at", "pk").prefetch_related(
                Prefetch("activities", queryset=Activity.objects.select_related("offer")),
                Prefetch("evaluations", queryset=evaluations),
            )),
            Prefetch("evaluations", queryset=evaluations.filter(subgoal__isnull=True)),
        )
    )
    subgoals = [sg for g in goals for sg in g.subgoals.all()]
    meetings = list(PlanMeeting.objects.filter(youth=youth).order_by("-held_on", "-pk")[:10])
    open_meeting = next((m for m in meetings if m.is_open and m.held_on == timezone.localdate()), None)
    last = next((m for m in meetings if not m.is_open), None)
    return Plan(
        goals=goals,
        open_meeting=open_meeting,
        last_meeting=last,
        changes_since_last_meeting=_since(youth, last).count(),
        subgoal_count=len(subgoals),
        activity_count=sum(len(sg.activities.all()) for sg in subgoals),
        subgoals=subgoals,
    )


def _since(youth: Youth, meeting: PlanMeeting | None) -> QuerySet[PlanChange]:
    """Plan changes after a meeting: later days, or the same day after it was recorded, not made in it."""
    qs = PlanChange.objects.filter(youth=youth)
    if meeting is None:
        return qs
    end_of_day = timezone.make_aware(datetime.datetime.combine(meeting.held_on, datetime.time.max))
    after = Q(created_at__gt=end_of_day)
    if timezone.localtime(meeting.created_at).date() == meeting.held_on:
        after |= Q(created_at__gt=meeting.created_at)
    return qs.filter(after).exclude(meeting=meeting)


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
