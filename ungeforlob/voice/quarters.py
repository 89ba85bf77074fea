"""Quarters (kvartaler): the period every leader figure is counted in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1–4

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The first day after the quarter (exclusive)."""
        return self.next().start

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    @property
    def key(self) -> str:
        return f"{self.year}-{self.number}"

    @property
    def label(self) -> str:
        return _("%(n)s. kvt. %(year)s") % {"n": self.number, "year": self.year}

    def start_datetime(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    def end_datetime(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.end, datetime.time.min))

    @classmethod
    def of(cls, day: datetime.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, key: str) -> Quarter | None:
        """'2026-3' -> Quarter(2026, 3); anything else (or a year outside 2000–2100) -> None."""
        year, sep, number = (key or "").strip().partition("-")
        if not sep or not year.isdigit() or not number.isdigit() or len(year) != 4:
            return None
        q = cls(int(year), int(number))
        return q if 1 <= q.number <= 4 and 2000 <= q.year <= 2100 else None


def last_quarters(n: int = 8, *, until: Quarter | None = None) -> list[Quarter]:
    """The `n` quarters up to and including `until` (default: the current one), oldest first."""
    q = until or Quarter.of(timezone.localdate())
    out = [q]
    for _i in range(n - 1):
        q = q.previous()
        out.append(q)
    return out[::-1]


def last_complete_quarter() -> Quarter:
    return Quarter.of(timezone.localdate()).previous()
