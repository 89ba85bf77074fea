"""The voice app's view of quarters: insights' `Quarter`, plus the moments a quarter starts and ends (answers
carry a time, not a date)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.insights.quarters import Quarter, quarters_back

__all__ = ["Quarter", "after", "end_dt", "last_complete_quarter", "last_quarters", "start_dt"]


def after(q: Quarter) -> datetime.date:
    """The first day after the quarter (for `date < after(q)`)."""
    return q.next().start


def start_dt(q: Quarter) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(q.start, datetime.time.min))


def end_dt(q: Quarter) -> datetime.datetime:
    """The first moment after the quarter (exclusive)."""
    return timezone.make_aware(datetime.datetime.combine(after(q), datetime.time.min))


def last_quarters(n: int = 8, *, until: Quarter | None = None) -> list[Quarter]:
    """The `n` quarters up to and including `until` (default: the current one), oldest first."""
    return quarters_back((until or Quarter.of(timezone.localdate())).start, n)


def last_complete_quarter() -> Quarter:
    return Quarter.of(timezone.localdate()).previous()
