"""One chronological timeline per young person, gathered from every capability.

Each source is a function `(youth) -> list[TimelineEntry]` costing a fixed number of queries; apps add
theirs to TIMELINE_SOURCES. The timeline is shown to staff in the circle and (later) to the youth.

The page shows it in pages of `PER_PAGE`, newest first (`timeline_page`). A source that takes a keyword
`limit` is asked only for its newest `limit` entries (newest first, each page's worth plus one), so a long
history is not read in full to show its latest page; a source without it returns everything and is cut here.
"""

from __future__ import annotations

import datetime
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ungeforlob.youth.models import Youth


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.datetime | datetime.date
    kind: str
    title: str
    text: str = ""
    by: str = ""
    url: str = ""

    @property
    def sort_key(self) -> datetime.datetime:
        if isinstance(self.when, datetime.datetime):
            return self.when.replace(tzinfo=None)
        return datetime.datetime.combine(self.when, datetime.time.min)


def _newest(qs: QuerySet[Any], limit: int | None) -> QuerySet[Any]:
    """Rows with a start and an optional end: with `limit`, the `limit` rows whose latest date is newest (they
    hold the newest `limit` entries, since each row's entries are no newer than its latest date)."""
    if limit is None:
        return qs
    return qs.order_by(Coalesce("end_date", "start_date").desc(), "-pk")[:limit]


def newest_by(qs: QuerySet[Any], when: Any, limit: int | None) -> QuerySet[Any]:
    """Rows with one date each (`when`: a field name or an expression): with `limit`, the newest `limit`."""
    if limit is None:
        return qs
    order = when.desc() if hasattr(when, "desc") else F(when).desc()
    return qs.order_by(order, "-pk")[:limit]


def course_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    entries = []
    for course in _newest(youth.courses.all(), limit):
        entries.append(TimelineEntry(course.start_date, "forloeb", _("Forløbet startede")))
        if course.end_date:
            entries.append(
                TimelineEntry(course.end_date, "forloeb", _("Forløbet sluttede"), course.get_end_reason_display())
            )
    return entries


def membership_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    entries = []
    for m in _newest(youth.memberships.select_related("professional__organisation", "team"), limit):
        entries.append(
            TimelineEntry(m.start_date, "kaede", _("%(name)s kom med i kæden som %(role)s")
                          % {"name": m.holder_name, "role": m.get_role_display()})
        )
        if m.end_date:
            entries.append(
                TimelineEntry(m.end_date, "kaede", _("%(name)s stoppede som %(role)s")
                              % {"name": m.holder_name, "role": m.get_role_display()})
            )
    return entries


TIMELINE_SOURCES: list[str] = [
    "ungeforlob.youth.timeline.course_entries",
    "ungeforlob.youth.timeline.membership_entries",
    "ungeforlob.plans.timeline.plan_entries",
    "ungeforlob.chain.timeline.concern_entries",
    "ungeforlob.chain.timeline.handover_entries",
    "ungeforlob.chain.timeline.consent_entries",
    "ungeforlob.chain.timeline.plan_stop_entries",
    "ungeforlob.transitions.timeline.transition_entries",
    "ungeforlob.progression.timeline.assessment_entries",
    "ungeforlob.messaging.timeline.sms_entries",
    "ungeforlob.portal.timeline.wish_entries",
    "ungeforlob.meetings.timeline.meeting_entries",
    "ungeforlob.relocation.timeline.relocation_entries",
    "ungeforlob.serviceplatform.timeline.letter_entries",
    "ungeforlob.emergency.timeline.access_entries",
]


PER_PAGE = 25


@functools.cache
def _source(path: str) -> tuple[Callable[..., list[TimelineEntry]], bool]:
    """The source function and whether it takes `limit` (looked up once per process)."""
    source = import_string(path)
    return source, "limit" in inspect.signature(source).parameters


def timeline_for(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    """The youth's timeline, newest first: all of it, or (with `limit`) its newest `limit` entries."""
    entries: list[TimelineEntry] = []
    for path in TIMELINE_SOURCES:
        source, takes_limit = _source(path)
        entries.extend(source(youth, limit=limit) if takes_limit and limit is not None else source(youth))
    # Entries at the same moment are ordered by their text, so every page cuts the same order.
    ordered = sorted(entries, key=lambda e: (e.sort_key, e.kind, e.title, e.text, e.by, e.url), reverse=True)
    return ordered if limit is None else ordered[:limit]


@dataclass(frozen=True)
class TimelinePage:
    entries: list[TimelineEntry]
    number: int
    older: int | None  # the number of the page with older entries, None on the last page


def page_number(value: object) -> int:
    """A page number from the query string: 1 for anything that is not a sensible positive number."""
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 10_000 else 1


def timeline_page(youth: Youth, *, number: int = 1, per_page: int = PER_PAGE) -> TimelinePage:
    """One page of the timeline, newest first. The same number of queries for every page and any history."""
    upto = number * per_page
    entries = timeline_for(youth, limit=upto + 1)
    return TimelinePage(entries[upto - per_page:upto], number, number + 1 if len(entries) > upto else None)
