"""Contact with a young person: the one definition behind "seneste kontakt" on Mine unge and the leaders'
contact rhythm.

A contact is a plan meeting held, an SMS either way (one sent to the young person, or one from them), an
answered check-in, or a note written about the young person. A scheduled or failed SMS is not a contact, nor
is a Min side login code.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Max, Q, QuerySet
from django.db.models.functions import TruncDate

from ungeforlob.core.prepared import prepared
from ungeforlob.messaging.models import CheckIn, InboundMessage, MessageKind, MessageStatus, OutboundMessage
from ungeforlob.plans.models import JournalNote, PlanMeeting
from ungeforlob.targets.periods import start_of_day

# Days without contact after which Mine unge marks a young person.
SILENT_AFTER_DAYS = 14


@dataclass(frozen=True)
class Source:
    """One kind of contact: its rows, the field holding when it happened, and whether that is a date."""

    model: Any
    field: str
    is_date: bool = False
    only: Q = Q()

    def rows(self) -> QuerySet[Any]:
        return self.model.objects.filter(self.only)


SOURCES: tuple[Source, ...] = (
    Source(PlanMeeting, "held_on", is_date=True),
    # A login code the young person asked for on Min side is not contact with anyone.
    Source(OutboundMessage, "sent_at", only=Q(status__in=(MessageStatus.SENT, MessageStatus.DELIVERED),
                                             sent_at__isnull=False) & ~Q(kind=MessageKind.LOGIN_CODE)),
    Source(InboundMessage, "received_at"),
    Source(CheckIn, "answered_at", only=Q(answered_at__isnull=False)),
    Source(JournalNote, "created_at"),
)


def _day(source: Source) -> Any:
    return source.field if source.is_date else TruncDate(source.field, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _latest(scope: dict[str, Any], *, since: datetime.date | None, today: datetime.date) -> dict[int, datetime.date]:
    """The day of each young person's latest contact in [since, today] among the rows `scope` selects (a filter
    on `youth…`). One query: a UNION of the kinds, each grouped by young person."""
    until = start_of_day(today + datetime.timedelta(days=1))
    return _by_youth(_latest_rows(scope, since=since, today=today, until=until))


def _latest_rows(scope: dict[str, Any], *, since: datetime.date | None, today: datetime.date,
                 until: datetime.datetime) -> QuerySet[Any]:
    parts = []
    for source in SOURCES:
        qs = source.rows().filter(**scope)
        qs = qs.filter(**{f"{source.field}__lte": today} if source.is_date else {f"{source.field}__lt": until})
        if since is not None:
            qs = qs.filter(**{f"{source.field}__gte": since} if source.is_date
                           else {f"{source.field}__gte": start_of_day(since)})
        parts.append(qs.order_by().values("youth_id").annotate(last=Max(_day(source))).values_list("youth_id", "last"))
    return parts[0].union(*parts[1:], all=True)


def _by_youth(rows: Iterable[tuple[int, Any]]) -> dict[int, datetime.date]:
    latest: dict[int, datetime.date] = {}
    for youth_id, last in rows:
        if isinstance(last, str):  # SQLite returns a compound select's dates as text
            last = datetime.date.fromisoformat(last[:10])
        if last is not None and (youth_id not in latest or last > latest[youth_id]):
            latest[youth_id] = last
    return latest


@prepared(ids=list, today=datetime.date, until=datetime.datetime)
def _latest_named(*, ids: list[int], today: datetime.date, until: datetime.datetime) -> QuerySet[Any]:
    """`_latest` for young people named by id (a page of Mine unge), compiled once per process."""
    return _latest_rows({"youth_id__any_of": ids}, since=None, today=today, until=until)


def latest_contact_by_youth(youth_ids: Iterable[int], *, today: datetime.date) -> dict[int, datetime.date]:
    """The day of each young person's latest contact up to today (absent when never). One query."""
    ids = sorted(set(youth_ids))
    if not ids:
        return {}
    until = start_of_day(today + datetime.timedelta(days=1))
    return _by_youth(_latest_named(ids=ids, today=today, until=until))


def recent_contact_in(municipality_id: int | None, *, days: int, today: datetime.date) -> dict[int, datetime.date]:
    """The day of the latest contact in the `days` days up to `today` of every young person of the municipality
    (of every municipality when None) who had one. One query; the worker's quarterly snapshot keeps it."""
    scope = {} if municipality_id is None else {"youth__municipality_id": municipality_id}
    return _latest(scope, since=today - datetime.timedelta(days=days - 1), today=today)


def is_silent(last: datetime.date | None, *, today: datetime.date) -> bool:
    """No contact in the last SILENT_AFTER_DAYS days, today included (or never): the same window as the
    leaders' 14-day contact rhythm (`measures.contact_shares`)."""
    return last is None or (today - last).days >= SILENT_AFTER_DAYS
