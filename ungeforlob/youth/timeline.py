"""One chronological timeline per young person, gathered from every capability.

Each source is a function `(youth) -> list[TimelineEntry]` costing a fixed number of queries; apps add
theirs to TIMELINE_SOURCES. The timeline is shown to staff in the circle and (later) to the youth.

The page shows it in pages of `PER_PAGE`, newest first (`timeline_page`). A source that takes a keyword
`limit` is asked only for its newest `limit` entries (newest first, each page's worth plus one), so a long
history is not read in full to show its latest page; a source without it returns everything and is cut here.

A source may declare where its entries' moments come from (`@newest_at(...)`: the querysets and the date or time
of each row). A page then first asks, in ONE query, for each such source's newest moment, and reads the sources
newest first, stopping at the first source whose newest moment is older than the page's last entry so far: a
young person's page reads only the few sources that fill it, not every source of every capability (an empty
source, or one whose history ended long ago, cost a query of its own on every page).
"""

from __future__ import annotations

import datetime
import functools
import heapq
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ungeforlob.chain.models import Membership
from ungeforlob.core.prepared import Prepared, Read, ahead, prepared, reads_ahead
from ungeforlob.core.text import choice_label
from ungeforlob.youth.models import Course, CourseEndReason, Youth


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.datetime | datetime.date
    kind: str
    title: str
    text: str = ""
    by: str = ""
    url: str = ""

    @functools.cached_property
    def sort_key(self) -> datetime.datetime:  # computed once: a page compares each entry's many times
        return moment_key(self.when)


def moment_key(when: datetime.datetime | datetime.date, tz: datetime.tzinfo | None = None) -> datetime.datetime:
    """A moment as the timeline orders it: local wall-clock time (a date is its local midnight), so that an entry
    with a date and one with a time on the same day sort as a Danish reader expects. `tz` is the current time
    zone, when the caller has it (looking it up costs more than the conversion: a page keys a hundred entries)."""
    if isinstance(when, datetime.datetime):
        if not timezone.is_aware(when):
            return when
        return when.astimezone(tz or timezone.get_current_timezone()).replace(tzinfo=None)
    return datetime.datetime.combine(when, datetime.time.min)


def _keyed(entries: list[TimelineEntry], tz: datetime.tzinfo) -> list[TimelineEntry]:
    """The entries with their `sort_key` computed in the time zone `tz`."""
    for entry in entries:
        if "sort_key" not in entry.__dict__:
            entry.__dict__["sort_key"] = moment_key(entry.when, tz)
    return entries


NewestProbe = Callable[[Youth], list[tuple[QuerySet[Any], Any]]]


def newest_at(probe: NewestProbe) -> Callable[[Callable[..., list[TimelineEntry]]], Callable[..., list[TimelineEntry]]]:
    """Declare a source's probe: `(youth) -> [(queryset, when), …]`, the rows the source reads and the moment of
    each (a field name or an expression: the row's latest moment when it yields several entries). The source
    must return no entry newer than the newest `when` of these rows, and none when they have no rows. A probe
    that depends on the day writes `TODAY` for it. The closer the newest `when` is to the newest entry the source
    shows, the sooner a page leaves the source unread."""

    def declare(source: Callable[..., list[TimelineEntry]]) -> Callable[..., list[TimelineEntry]]:
        source.newest_probe = probe  # type: ignore[attr-defined]
        return source

    return declare


def latest(first: str, *others: str) -> Any:
    """The latest of a row's moments, `first` never empty (GREATEST, with the empty ones counted as `first`)."""
    if not others:
        return F(first)
    return Greatest(F(first), *(Coalesce(other, first) for other in others))


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


# A page's `limit` is part of a prepared query's shape (`core/prepared.py`): the first pages, which are nearly all
# that is read, are compiled once each; a deeper page builds its queries as plain Django does, so that walking
# through page numbers (up to 10,000) cannot fill the process with compiled shapes.
PREPARED_PAGES = 10


def _built_each_time(limit: int | None) -> bool:
    """Whether a page this deep builds its queries as plain Django does, not from a prepared shape."""
    return limit is not None and limit > PREPARED_PAGES * PER_PAGE + 1


def run_newest(query: Prepared[Any], *, limit: int | None, **values: Any) -> list[Any]:
    """A prepared query taking the shape argument `limit` (None or a page's worth), run with `values`."""
    if _built_each_time(limit):
        return list(query.build(limit=limit, **values))
    return query(limit=limit, **values)


def newest_rows(query: Prepared[Any], *, limit: int | None, **values: Any) -> Iterator[Any]:
    """`run_newest`'s rows one at a time, newest first (with `limit`): a source that stops at the page's last
    moment (`since`) makes no objects for the rows after it."""
    if _built_each_time(limit):
        return iter(query.build(limit=limit, **values))
    return query.each(limit=limit, **values)


# Rows come newest first by the database's time (UTC), entries are ordered by local wall-clock time: when the
# clocks go back, a moment an hour older can read up to an hour later.
_CLOCK_SLACK = datetime.timedelta(hours=1)


def older_than(when: datetime.datetime | datetime.date, since: datetime.datetime | None,
               tz: datetime.tzinfo) -> bool:
    """Whether a row at `when`, in rows read newest first, and every row after it are older than the page's last
    moment so far (`since`, a `moment_key`), so none can reach the page: a source stops reading there. Rows up to
    an hour below `since` are still read (`_CLOCK_SLACK`); the page cuts what does not reach it."""
    return since is not None and moment_key(when, tz) < since - _CLOCK_SLACK


class PageSoFar:
    """A page being gathered, as a source that reads its kinds of rows newest first sees it: `since` is the page's
    last moment so far (a `moment_key`; None while the entries gathered cannot fill the page), below which no row
    can reach it (`older_than(when, page.since, tz)`). Between its kinds a source calls `tighten` with its own
    entries so far: a later kind then stops at what the sources before and its earlier kinds have filled (a page's
    first source would otherwise read a page's worth of every kind)."""

    def __init__(self, limit: int | None, tz: datetime.tzinfo, earlier: list[datetime.datetime]) -> None:
        self.limit, self.tz, self._earlier = limit, tz, earlier
        self.since = self._cut(earlier)

    @classmethod
    def whole(cls) -> PageSoFar:
        """No page: every row is read."""
        return cls(None, datetime.UTC, [])

    def _cut(self, keys: list[datetime.datetime]) -> datetime.datetime | None:
        if self.limit is None or len(keys) < self.limit:
            return None
        return heapq.nlargest(self.limit, keys)[-1]

    def tighten(self, entries: list[TimelineEntry]) -> None:
        cut = self._cut(self._earlier + [e.sort_key for e in _keyed(entries, self.tz)])
        if cut is not None and (self.since is None or cut > self.since):
            self.since = cut


def newest_read(query: Prepared[Any], *, limit: int | None, **values: Any) -> list[Read]:
    """`run_newest`'s call as a read to run ahead (`core.prepared.reads_ahead`); none for a page past the prepared
    ones, which is built as plain Django does."""
    if _built_each_time(limit):
        return []
    return [query.read(limit=limit, **values)]


@prepared(youth_id=int)
def _courses(*, youth_id: int, limit: int | None) -> QuerySet[Course]:
    return _newest(Course.objects.filter(youth_id=youth_id), limit)


@reads_ahead(lambda youth, limit: newest_read(_courses, youth_id=youth.pk, limit=limit))
@newest_at(lambda youth: [(youth.courses.all(), Coalesce("end_date", "start_date"))])
def course_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    entries = []
    for course in run_newest(_courses, youth_id=youth.pk, limit=limit):
        course.youth = youth
        entries.append(TimelineEntry(course.start_date, "forloeb", _("Forløbet startede")))
        if course.end_date:
            entries.append(
                TimelineEntry(course.end_date, "forloeb", _("Forløbet sluttede"), choice_label(CourseEndReason, course.end_reason))
            )
    return entries


@prepared(youth_id=int)
def _memberships(*, youth_id: int, limit: int | None) -> QuerySet[Membership]:
    return _newest(Membership.objects.filter(youth_id=youth_id).select_related("professional__organisation", "team"),
                   limit)


@reads_ahead(lambda youth, limit: newest_read(_memberships, youth_id=youth.pk, limit=limit))
@newest_at(lambda youth: [(youth.memberships.all(), Coalesce("end_date", "start_date"))])
def membership_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    entries = []
    for m in run_newest(_memberships, youth_id=youth.pk, limit=limit):
        m.youth = youth
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


@functools.cache
def _takes_page(source: Callable[..., list[TimelineEntry]]) -> bool:
    """Whether a source takes `page` (`PageSoFar`): the page's last moment so far, below which it may stop
    reading."""
    return "page" in inspect.signature(source).parameters


def newest_moment(qs: QuerySet[Any], when: Any) -> QuerySet[Any]:
    """The newest `when` (a field name or an expression) of the rows of `qs`: one value, or none without rows."""
    moment = F(when) if isinstance(when, str) else when
    return (qs.order_by().annotate(moment=moment).filter(moment__isnull=False)
            .order_by(F("moment").desc()).values("moment")[:1])


# A young person's id that no row has: the probes are compiled once per process for it, then run for any young
# person by putting her id in its place (building and compiling some 30 subqueries cost more than running them).
_ANY_YOUTH = -7_310_241_901
# Today, in a probe: a probe compiled once must not hold the day it was compiled on, so a source whose entries
# depend on the day (a station shown once it has begun) writes this day, and each run puts today in its place.
TODAY = datetime.date(1212, 12, 12)
_TODAY_FORMS = (TODAY, TODAY.isoformat())


@functools.cache
def _probe_sql(paths: tuple[str, ...], vendor: str) -> tuple[str, list[Any], list[int]]:
    """The newest-moments query for these sources: SQL, parameters (with `_ANY_YOUTH` for the young person's id)
    and the source (by index) of each column."""
    template = Youth(pk=_ANY_YOUTH)
    parts: list[str] = []
    params: list[Any] = []
    owners: list[int] = []
    for index, path in enumerate(paths):
        source, _takes = _source(path)
        for qs, when in getattr(source, "newest_probe", lambda youth: [])(template):
            sql, qs_params = newest_moment(qs, when).query.sql_with_params()
            parts.append(f"({sql})")
            params.extend(qs_params)
            owners.append(index)
    return ("SELECT " + ", ".join(parts) if parts else ""), params, owners


def _as_moment(value: Any) -> datetime.datetime | datetime.date:
    """A probe's value as the database driver gave it (SQLite gives text) as a date or an aware time."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value) if len(value) == 10 else datetime.datetime.fromisoformat(value)
    if isinstance(value, datetime.datetime) and timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.UTC)  # stored in UTC
    return value


def _newest_moments(youth: Youth) -> dict[int, datetime.datetime]:
    """Each probed source's newest moment (as `moment_key`) by its index, in one query; a source without rows, or
    without a probe, is left out."""
    sql, template_params, owners = _probe_sql(tuple(TIMELINE_SOURCES), connection.vendor)
    if not sql:
        return {}
    today = connection.ops.adapt_datefield_value(timezone.localdate())  # SQLite's parameters hold the day as text
    params = [youth.pk if p == _ANY_YOUTH else today if p in _TODAY_FORMS else p for p in template_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    found: dict[int, datetime.datetime] = {}
    for owner, value in zip(owners, row, strict=True):
        if value is not None:
            key = moment_key(_as_moment(value))
            found[owner] = max(found.get(owner, key), key)
    return found


def timeline_for(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    """The youth's timeline, newest first: all of it, or (with `limit`) its newest `limit` entries."""
    sources = [_source(path) for path in TIMELINE_SOURCES]
    probed = {i for i, (source, _takes) in enumerate(sources) if limit is not None and hasattr(source, "newest_probe")}
    newest = _newest_moments(youth) if probed else {}
    # Every source that may reach the page sends its reads together (`core.prepared.reads_ahead`): one round trip.
    # A source the page turns out not to need has cost its rows' fetch, not their objects.
    candidates = [source for i, (source, _takes) in enumerate(sources) if i not in probed or i in newest]
    reads = [read for source in candidates
             for read in getattr(source, "reads_ahead", lambda youth, limit: [])(youth, limit)]
    with ahead(reads):
        return _gather(youth, sources, probed, newest, limit)


def _gather(youth: Youth, sources: list[tuple[Callable[..., list[TimelineEntry]], bool]], probed: set[int],
            newest: dict[int, datetime.datetime], limit: int | None) -> list[TimelineEntry]:
    """The sources' entries, newest first: the probed ones newest source first, until none can reach the page."""
    entries: list[TimelineEntry] = []
    tz = timezone.get_current_timezone()
    for i, (source, takes_limit) in enumerate(sources):
        if i not in probed:
            entries.extend(_keyed(source(youth, limit=limit) if takes_limit and limit is not None else source(youth), tz))
    if probed:
        for i in sorted(newest, key=lambda i: newest[i], reverse=True):
            # The page's last entry so far: a source whose newest entry is older cannot reach the page, and a
            # source that takes `page` stops at it.
            page = PageSoFar(limit, tz, [e.sort_key for e in entries])
            if page.since is not None and newest[i] < page.since:
                break
            source, takes_limit = sources[i]
            if not takes_limit:
                entries.extend(_keyed(source(youth), tz))
            elif _takes_page(source):
                entries.extend(_keyed(source(youth, limit=limit, page=page), tz))
            else:
                entries.extend(_keyed(source(youth, limit=limit), tz))
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
