"""Reads for SMS contact. Each costs a fixed number of queries whatever the amount of data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.core.prepared import Read, prepared
from ungeforlob.messaging.models import (
    CheckIn,
    CheckInStatus,
    DevGatewayMessage,
    InboundMessage,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
)

THREAD_LIMIT = 50
THREAD_LIMIT_ALL = 500


@dataclass(frozen=True)
class ThreadItem:
    when: datetime.datetime
    incoming: bool
    body: str
    message: Any

    @property
    def sort_key(self) -> tuple[datetime.datetime, int]:
        return (self.when, self.message.pk)


def _shown_outbound(youth: Any) -> QuerySet[OutboundMessage]:
    """Messages that went (or tried to): sent, delivered, failed, in flight, or stopped at sending time (no
    consent, late wake-up). Cancelled before their time, they are not part of the conversation."""
    return OutboundMessage.objects.filter(youth=youth, guardian__isnull=True).exclude(kind=MessageKind.LOGIN_CODE).filter(
        Q(status__in=[MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED, MessageStatus.SENDING])
        | Q(status=MessageStatus.CANCELLED, cancelled_at__gte=F("send_at"))
    )


def conversation_thread(youth: Any, *, show_all: bool = False) -> tuple[list[ThreadItem], bool]:
    """The latest messages both ways, oldest first, and whether older ones were left out. Two queries."""
    limit = THREAD_LIMIT_ALL if show_all else THREAD_LIMIT
    out = list(_shown_outbound(youth).select_related("created_by").order_by("-send_at", "-id")[: limit + 1])
    inc = list(InboundMessage.objects.filter(youth=youth).select_related("checkin").order_by(
        "-received_at", "-id")[: limit + 1])
    items = [ThreadItem(m.sent_at or m.send_at, False, m.body, m) for m in out]
    items += [ThreadItem(m.received_at, True, m.body, m) for m in inc]
    items.sort(key=lambda i: i.sort_key, reverse=True)
    more = len(items) > limit
    return list(reversed(items[:limit])), more


def conversation_page(youth: Any) -> dict[str, Any]:
    """Everything around the thread: consent, what is planned, wake-ups, failures, check-ins."""
    now = timezone.now()
    return {
        "consent": SmsConsent.objects.filter(youth=youth).select_related("recorded_by").first(),
        "scheduled": list(
            OutboundMessage.objects.filter(youth=youth, status=MessageStatus.QUEUED, guardian__isnull=True)
            .exclude(kind__in=[MessageKind.WAKEUP, MessageKind.LOGIN_CODE])
            .order_by("send_at", "id")[:50]
        ),
        "wakeups": list(
            WakeUpSeries.objects.filter(youth=youth, stopped_at__isnull=True).order_by("time_of_day", "id")
        ),
        "failures": list(
            OutboundMessage.objects.filter(youth=youth, status=MessageStatus.FAILED,
                                           failure_acknowledged_at__isnull=True)
            .exclude(kind=MessageKind.LOGIN_CODE).order_by("-failed_at")[:20]
        ),
        "checkins": list(
            CheckIn.objects.filter(youth=youth).select_related("message")
            .filter(Q(status=CheckInStatus.OPEN) | Q(answered_at__gte=now - datetime.timedelta(days=14)))
            .order_by("-created_at")[:20]
        ),
    }


def checkins_for(*, related_type: str, related_id: Any) -> QuerySet[CheckIn]:
    """Check-ins about one thing (e.g. an activity), newest first — for the app that owns that thing."""
    return CheckIn.objects.filter(related_type=related_type, related_id=str(related_id)).order_by("-created_at")


def dev_gateway_messages(user: Any, *, limit: int = 100) -> list[tuple[DevGatewayMessage, Any]]:
    """The development gateway's phone log, limited to young people the user may see. Two queries."""
    visible = OutboundMessage.objects.filter(youth__in=policy.visible_youth(user))
    rows = list(
        DevGatewayMessage.objects.filter(idempotency_key__in=visible.values("idempotency_key"))
        .order_by("-received_at", "-id")[:limit]
    )
    by_key = {
        m.idempotency_key: m
        for m in visible.filter(idempotency_key__in=[r.idempotency_key for r in rows]).select_related("youth")
    }
    return [(r, by_key.get(r.idempotency_key)) for r in rows]


def contact_person_youth(user: Any) -> QuerySet[Any]:
    """The young people this user is contact person for (the access policy decides)."""
    return policy.contact_person_youth(user)


UNANSWERED_DAYS = 14


def unanswered_replies_qs(user: Any, *, days: int = UNANSWERED_DAYS) -> QuerySet[InboundMessage]:
    since = timezone.now() - datetime.timedelta(days=days)
    return _unanswered(InboundMessage.objects.filter(policy.youth_in(user, policy.Action.CONTACT_PERSON)), since)


def _unanswered(qs: QuerySet[InboundMessage], since: datetime.datetime) -> QuerySet[InboundMessage]:
    answered = OutboundMessage.objects.filter(youth=OuterRef("youth"), created_at__gt=OuterRef("received_at"),
                                              created_by__isnull=False)
    return qs.filter(received_at__gte=since, is_stop=False).filter(~Exists(answered))


def unanswered_of(ids: list[int], since: datetime.datetime) -> QuerySet[InboundMessage]:
    """`unanswered_replies_qs` for the young people named by id (for prepared queries)."""
    return _unanswered(InboundMessage.objects.filter(youth_id__any_of=ids), since)


@prepared(ids=list, since=datetime.datetime)
def _unanswered_named(*, ids: list[int], since: datetime.datetime) -> QuerySet[InboundMessage]:
    return unanswered_of(ids, since).select_related("youth").order_by("-received_at")[:200]


def _since(days: int) -> datetime.datetime:
    """The start of the unanswered window: one moment per request, so that a read of it run ahead (`agenda_reads`)
    is the one asked."""
    return policy.remembered(("messaging.unanswered_since", days),
                             lambda: timezone.now() - datetime.timedelta(days=days))


def agenda_reads(user: Any) -> list[Read]:
    """The reads *I dag*'s SMS items make, to be run ahead with the other sources' (`core.agenda`)."""
    ids = policy.youth_ids(user, policy.Action.CONTACT_PERSON)
    if ids is None:
        return []
    return [_failed_named.read(ids=ids), _unanswered_named.read(ids=ids, since=_since(UNANSWERED_DAYS))]


def unanswered_replies(user: Any, *, days: int = UNANSWERED_DAYS) -> list[InboundMessage]:
    """The newest reply per youth (of the user's own caseload) that nobody has written back to. One query."""
    ids = policy.youth_ids(user, policy.Action.CONTACT_PERSON)
    if ids is not None:  # *I dag*: compiled once per process
        rows = _unanswered_named(ids=ids, since=_since(days))
    else:
        rows = list(unanswered_replies_qs(user, days=days).select_related("youth").order_by("-received_at")[:200])
    latest: dict[int, InboundMessage] = {}
    for row in rows:
        latest.setdefault(row.youth_id, row)
    return list(latest.values())


def failed_messages_qs(user: Any) -> QuerySet[OutboundMessage]:
    return _unacknowledged_failures(OutboundMessage.objects.filter(policy.youth_in(user, policy.Action.CONTACT_PERSON)))


def _unacknowledged_failures(qs: QuerySet[OutboundMessage]) -> QuerySet[OutboundMessage]:
    return qs.filter(status=MessageStatus.FAILED, failure_acknowledged_at__isnull=True)


def failed_messages(user: Any) -> list[OutboundMessage]:
    """Failed messages nobody has looked at yet, for the user's own caseload. One query."""
    ids = policy.youth_ids(user, policy.Action.CONTACT_PERSON)
    if ids is not None:  # *I dag*: compiled once per process
        return _failed_named(ids=ids)
    return list(failed_messages_qs(user).select_related("youth").order_by("-failed_at")[:200])


def failures_of(ids: list[int]) -> QuerySet[OutboundMessage]:
    """`failed_messages_qs` for the young people named by id (for prepared queries)."""
    return _unacknowledged_failures(OutboundMessage.objects.filter(youth_id__any_of=ids))


@prepared(ids=list)
def _failed_named(*, ids: list[int]) -> QuerySet[OutboundMessage]:
    return failures_of(ids).select_related("youth").order_by("-failed_at")[:200]
