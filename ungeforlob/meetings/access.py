"""Who takes part in a chain meeting, and which young people that lets them see.

"Participant of this meeting" is the one predicate this app adds to the access policy: a professional of the
meeting's municipality listed as its member. It opens the meeting and, through `policy.get_granted_youth`, only
the minimum about the young people on its agenda whose grounds for sharing still hold (a consent neither
withdrawn nor expired, or a recorded legal basis). It never opens the young person's record.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.accounts.models import Role
from ungeforlob.meetings.models import AgendaEntry, ChainMeeting, MeetingMember, Occurrence
from ungeforlob.youth.models import Youth


def may_take_part(user: Any) -> bool:
    """A professional of a municipality (leaders see aggregates only; administrators run the system)."""
    return bool(policy.is_staff_user(user) and user.municipality_id is not None and user.role == Role.PROFESSIONAL)


def meetings_for(user: Any) -> QuerySet[ChainMeeting]:
    """The chain meetings this user takes part in."""
    if not may_take_part(user):
        return ChainMeeting.objects.none()
    member = MeetingMember.objects.filter(meeting=OuterRef("pk"), professional=user)
    return ChainMeeting.objects.filter(municipality_id=user.municipality_id).filter(Exists(member))


def is_participant(user: Any, meeting: ChainMeeting) -> bool:
    return meetings_for(user).filter(pk=meeting.pk).exists()


def get_meeting_for(user: Any, pk: Any) -> ChainMeeting:
    """A meeting the user takes part in, or 404 (the same answer as a meeting that does not exist)."""
    meeting = meetings_for(user).filter(pk=policy.pk_or_404(pk)).first()
    if meeting is None:
        raise Http404
    return meeting


def get_occurrence_for(user: Any, pk: Any) -> Occurrence:
    occurrence = (Occurrence.objects.filter(meeting__in=meetings_for(user), pk=policy.pk_or_404(pk))
                  .select_related("meeting").first())
    if occurrence is None:
        raise Http404
    return occurrence


def _grounds_hold() -> Q:
    today = timezone.localdate()
    return Q(consent__isnull=True) | Q(consent__withdrawn_at__isnull=True, consent__expires_on__gte=today)


def entries_for(user: Any) -> QuerySet[AgendaEntry]:
    """Agenda entries of the user's meetings whose grounds for sharing still hold."""
    return AgendaEntry.objects.filter(occurrence__meeting__in=meetings_for(user)).filter(_grounds_hold())


def get_entry_for(user: Any, pk: Any) -> AgendaEntry:
    entry = (entries_for(user).filter(pk=policy.pk_or_404(pk))
             .select_related("occurrence__meeting", "raised_by").first())
    if entry is None:
        raise Http404
    return entry


def agenda_youth(user: Any, occurrence: Occurrence) -> QuerySet[Youth]:
    """The young people on this occurrence's agenda that this user may see as a participant (the grant handed
    to `policy.get_granted_youth`): none for anyone who does not take part in the meeting."""
    entries = entries_for(user).filter(occurrence=occurrence, youth=OuterRef("pk"))
    return Youth.objects.filter(Exists(entries))
