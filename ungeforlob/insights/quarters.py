"""Quarters (kvartaler): the period every leader figure is counted in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1–4

    @classmethod
    def of(cls, day: datetime.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, code: str) -> Quarter | None:
        """"2025-3" → Quarter(2025, 3); anything else → None."""
        year, _, number = code.partition("-")
        if not (year.isdigit() and number.isdigit() and len(year) == 4 and number in "1234" and len(number) == 1):
            return None
        return cls(int(year), int(number))

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The quarter's last day."""
        return self.next().start - datetime.timedelta(days=1)

    @property
    def code(self) -> str:
        return f"{self.year}-{self.number}"

    @property
    def label(self) -> str:
        return gettext("%(number)s. kvt. %(year)s") % {"number": self.number, "year": self.year}

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def __str__(self) -> str:
        return self.label


def quarters_back(today: datetime.date, n: int) -> list[Quarter]:
    """The last `n` quarters ending with today's, oldest first."""
    q = Quarter.of(today)
    out = [q]
    for _ in range(n - 1):
        q = q.previous()
        out.append(q)
    return out[::-1]


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    out, q = [], first
    while q <= last:
        out.append(q)
        q = q.next()
    return out
