"""Danish working days: weekends and Danish public holidays are not working days.

Legal and agreed deadlines (KUI's 5 working days, a concern's acknowledgement deadline, follow-up steps
marked "working days") are counted with these functions. Dates are local dates in Europe/Copenhagen.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _danish_holidays(year: int) -> frozenset[datetime.date]:
    # Grundlovsdag (5 June) is not an official holiday but most public offices close; count it as closed.
    days = set(holidays.country_holidays("DK", years=year).keys())
    days.add(datetime.date(year, 6, 5))
    days.add(datetime.date(year, 12, 24))
    days.add(datetime.date(year, 12, 31))
    return frozenset(days)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _danish_holidays(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (0 gives `start` itself if it is a working day, else the next)."""
    current = start
    if days == 0:
        while not is_working_day(current):
            current += datetime.timedelta(days=1)
        return current
    step = 1 if days > 0 else -1
    remaining = abs(days)
    while remaining:
        current += datetime.timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` if it is a working day, otherwise the first working day after it."""
    return add_working_days(day, 0)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, current = 0, start
    while current < end:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
