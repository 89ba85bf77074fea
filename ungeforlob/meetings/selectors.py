"""Reads for chain meetings, meeting participants and cooperation agreements (a fixed number of queries each)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ungeforlob.accounts.models import Organisation
from ungeforlob.meetings import access, guardians
from ungeforlob.meetings.models import (
    AgendaEntry,
    ChainMeeting,
    CooperationAgreement,
    Decision,
    MeetingMember,
    MeetingParticipant,
    Occurrence,
)
from ungeforlob.progression.levels import level_label
from ungeforlob.progression.selectors import caseload_level_annotations
from ungeforlob.youth.models import Youth

MEETING_SORTS = {"navn": ("name", "pk"), "-navn": ("-name", "-pk"), "start": ("first_date", "pk"),
                 "-start": ("-first_date", "-pk")}
AGREEMENT_SORTS = {"gennemgang": ("review_on", "pk"), "-gennemgang": ("-review_on", "-pk"),
                   "titel": ("title", "pk"), "partner": ("organisation__name", "title", "pk")}
REVIEW_NOTICE_DAYS = 30


def meeting_list(user: Any, *, q: str = "", sort: str = "navn") -> QuerySet[ChainMeeting]:
    qs = access.meetings_for(user).annotate(member_count=Count("members", distinct=True))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(purpose__icontains=q))
    return qs.order_by(*MEETING_SORTS.get(sort, MEETING_SORTS["navn"]))


def meeting_detail(meeting: ChainMeeting, *, today: datetime.date) -> dict[str, Any]:
    occurrences = list(meeting.occurrences.annotate(entry_count=Count("entries")).order_by("held_on", "pk"))
    return {
        "members": list(MeetingMember.objects.filter(meeting=meeting).select_related("professional__organisation")
                        .order_by("professional__first_name", "professional__last_name", "pk")),
        "organisations": list(meeting.organisations.order_by("name")),
        "upcoming": [o for o in occurrences if o.held_on >= today],
        "past": [o for o in occurrences if o.held_on < today][::-1][:20],
    }


def member_choices(meeting: ChainMeeting) -> QuerySet[Any]:
    """Colleagues in the municipality who could join the meeting (professionals not yet in it)."""
    from ungeforlob.accounts.models import Role, User

    return (User.objects.filter(municipality_id=meeting.municipality_id, role=Role.PROFESSIONAL, is_active=True)
            .exclude(pk__in=MeetingMember.objects.filter(meeting=meeting).values("professional"))
            .select_related("organisation").order_by("first_name", "last_name"))


def participant_users(meeting: ChainMeeting) -> QuerySet[Any]:
    from ungeforlob.accounts.models import User

    return (User.objects.filter(pk__in=MeetingMember.objects.filter(meeting=meeting).values("professional"))
            .order_by("first_name", "last_name"))


def occurrence_agenda(user: Any, occurrence: Occurrence) -> list[AgendaEntry]:
    """The agenda's entries the user may see (grounds still hold), with their young person's name and their
    decisions: two queries."""
    decisions = Prefetch("decisions", queryset=Decision.objects.select_related("owner").order_by("due_on", "pk"))
    return list(access.entries_for(user).filter(occurrence=occurrence)
                .select_related("youth", "raised_by").prefetch_related(decisions).order_by("created_at", "pk"))


@dataclass(frozen=True)
class AgendaYouth:
    """The minimum a chain meeting sees of a young person."""

    first_name: str
    last_name: str
    age: int
    level: str


def agenda_youth_minimum(youth: Youth) -> AgendaYouth:
    """First and last name, age and current level — nothing else of the record. One query."""
    row = Youth.objects.filter(pk=youth.pk).annotate(**caseload_level_annotations()).values(
        "first_name", "last_name", "birth_date", "current_level").get()
    today = timezone.localdate()
    born = row["birth_date"]
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return AgendaYouth(row["first_name"], row["last_name"], age, level_label(row["current_level"]) if
                       row["current_level"] else "")


def entry_decisions(entry: AgendaEntry) -> list[Decision]:
    return list(entry.decisions.select_related("owner").order_by("due_on", "pk"))


# --- Participants of a young person's plan meetings and follow-ups -----------------------------------------

def youth_meetings(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """The young person's plan meetings (the latest 20) and follow-up steps of the next 60 days (up to 50),
    each with its participants, and for each guardian the SMS that invited and will remind them: five queries."""
    from ungeforlob.plans.models import PlanMeeting
    from ungeforlob.transitions.models import FollowUp, FollowUpStatus

    plan_meetings = list(PlanMeeting.objects.filter(youth=youth).order_by("-held_on", "-pk")[:20])
    followups = list(FollowUp.objects.filter(youth=youth, status=FollowUpStatus.OPEN,
                                             due_date__gte=today, due_date__lte=today + datetime.timedelta(days=60))
                     .order_by("due_date", "due_time", "pk")[:50])
    participants = list(MeetingParticipant.objects.filter(
        Q(plan_meeting__in=[m.pk for m in plan_meetings]) | Q(followup__in=[f.pk for f in followups]))
        .select_related("professional", "guardian", "consent__receiving_organisation"))
    sms = guardians.sms_status(participants)
    for participant in participants:
        participant.sms = sms.get(participant.pk, [])  # type: ignore[attr-defined]
    by_plan: dict[int, list[MeetingParticipant]] = {}
    by_followup: dict[int, list[MeetingParticipant]] = {}
    for participant in participants:
        if participant.plan_meeting_id:
            by_plan.setdefault(participant.plan_meeting_id, []).append(participant)
        else:
            by_followup.setdefault(participant.followup_id, []).append(participant)
    return {
        "plan_meetings": [(m, by_plan.get(m.pk, [])) for m in plan_meetings],
        "followups": [(f, by_followup.get(f.pk, [])) for f in followups],
        "guardians": list(youth.guardians.order_by("name")),
    }


def guardian_consents(youth: Youth) -> QuerySet[Any]:
    """Her consents that hold today: one of them lets her guardians be invited when she is 18 or over."""
    from ungeforlob.chain.selectors import valid_consents

    return valid_consents(youth).order_by("-given_at", "-pk")


def circle_staff(youth: Youth) -> QuerySet[Any]:
    """Professionals with an active personal membership in the young person's circle (participants to pick)."""
    from ungeforlob.accounts.models import User
    from ungeforlob.chain.models import Membership

    return (User.objects.filter(pk__in=Membership.objects.active().filter(youth=youth, professional__isnull=False)
                                .values("professional")).order_by("first_name", "last_name"))


# --- Cooperation agreements ------------------------------------------------------------------------------

def agreement_list(user: Any, *, q: str = "", sort: str = "gennemgang") -> QuerySet[CooperationAgreement]:
    if user.municipality_id is None:
        return CooperationAgreement.objects.none()
    qs = CooperationAgreement.objects.filter(municipality_id=user.municipality_id).select_related("organisation")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(organisation__name__icontains=q) | Q(agreed__icontains=q))
    return qs.order_by(*AGREEMENT_SORTS.get(sort, AGREEMENT_SORTS["gennemgang"]))


def partner_organisations(user: Any) -> QuerySet[Organisation]:
    return Organisation.objects.filter(municipality_id=user.municipality_id).order_by("name")


def colleagues(user: Any) -> QuerySet[Any]:
    """Professionals of the user's municipality other than the user (to invite to a new meeting)."""
    from ungeforlob.accounts.models import Role, User

    return (User.objects.filter(municipality_id=user.municipality_id, role=Role.PROFESSIONAL, is_active=True)
            .exclude(pk=user.pk).select_related("organisation").order_by("first_name", "last_name"))
