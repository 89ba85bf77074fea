"""Quarters and years as closed date ranges, and the aware moments that bound them in Danish time."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext


@dataclass(frozen=True)
class Period:
    """A closed range of local dates [start, end] with a label ("3. kvt. 2026", "2026")."""

    start: datetime.date
    end: datetime.date
    label: str

    def clipped(self, today: datetime.date) -> Period:
        """The part of the period up to today (a running quarter or year is counted so far)."""
        return Period(self.start, min(self.end, today), self.label)

    @property
    def since(self) -> datetime.datetime:
        """The first moment of the period, in Danish time."""
        return start_of_day(self.start)

    @property
    def until(self) -> datetime.datetime:
        """The first moment after the period, in Danish time."""
        return start_of_day(self.end + datetime.timedelta(days=1))

    def contains(self, day: datetime.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def start_of_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))


def quarter_of(day: datetime.date) -> Period:
    q = (day.month - 1) // 3
    start = datetime.date(day.year, 3 * q + 1, 1)
    end = (datetime.date(day.year + 1, 1, 1) if q == 3 else datetime.date(day.year, 3 * q + 4, 1)) \
        - datetime.timedelta(days=1)
    return Period(start, end, gettext("%(q)s. kvt. %(year)s") % {"q": q + 1, "year": day.year})


def last_quarters(today: datetime.date, n: int = 8) -> list[Period]:
    """The `n` quarters up to and including today's, oldest first (the running one is counted so far)."""
    quarters = [quarter_of(today)]
    while len(quarters) < n:
        quarters.append(quarter_of(quarters[-1].start - datetime.timedelta(days=1)))
    return [q.clipped(today) for q in reversed(quarters)]


def quarters_of_year(year: int, today: datetime.date) -> list[Period]:
    """The year's quarters that have begun by today."""
    starts = [datetime.date(year, month, 1) for month in (1, 4, 7, 10)]
    return [quarter_of(s).clipped(today) for s in starts if s <= today]


def year_period(year: int, today: datetime.date) -> Period:
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), str(year)).clipped(today)
