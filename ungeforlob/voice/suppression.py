"""Small numbers never identify anyone: a figure resting on fewer than five is shown as "færre end 5".

Primary suppression hides a count of 1–4 and any share, average or median whose base is under five.
Secondary suppression hides one more cell in a row whose total is shown, when only one cell of the row is
hidden (else the hidden one is the total minus the rest).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

MIN_COUNT = 5


@dataclass(frozen=True)
class Figure:
    """One figure as a leader may see it. `value` is None when it is hidden (or there is nothing to show)."""

    value: float | None
    base: int
    hidden: bool = False
    kind: str = "count"  # count, share (0–100), mean, days, hours

    @property
    def shown(self) -> bool:
        return not self.hidden and self.value is not None

    def __str__(self) -> str:
        if self.hidden:
            return _("færre end 5")
        if self.value is None:
            return "–"
        if self.kind == "share":
            return _("%(v)s %%") % {"v": number_format(round(self.value))}
        if self.kind == "mean":
            return number_format(self.value, decimal_pos=1)
        if self.kind == "days":
            return _("%(v)s dage") % {"v": number_format(round(self.value))}
        if self.kind == "hours":
            return _("%(v)s timer") % {"v": number_format(self.value, decimal_pos=1)}
        return number_format(int(self.value))


def count(n: int) -> Figure:
    return Figure(value=n, base=n, hidden=0 < n < MIN_COUNT)


def share(part: int, base: int) -> Figure:
    """part/base in per cent; hidden when the base, or the part itself, is 1–4 people."""
    if base == 0:
        return Figure(value=None, base=0, kind="share")
    hidden = base < MIN_COUNT or 0 < part < MIN_COUNT
    return Figure(value=100 * part / base, base=base, hidden=hidden, kind="share")


def mean(total: float, n: int) -> Figure:
    if n == 0:
        return Figure(value=None, base=0, kind="mean")
    return Figure(value=total / n, base=n, hidden=n < MIN_COUNT, kind="mean")


def median(values: Sequence[float], *, kind: str = "days") -> Figure:
    if not values:
        return Figure(value=None, base=0, kind=kind)
    return Figure(value=float(statistics.median(values)), base=len(values), hidden=len(values) < MIN_COUNT,
                  kind=kind)


def row(counts: Sequence[int]) -> list[Figure]:
    """A row of counts whose total is shown: primary suppression, then secondary where one cell is hidden."""
    cells = [count(n) for n in counts]
    hidden = [i for i, c in enumerate(cells) if c.hidden]
    if len(hidden) == 1:
        others = [i for i, c in enumerate(cells) if not c.hidden]
        if others:
            j = min(others, key=lambda i: (counts[i], i))
            cells[j] = Figure(value=counts[j], base=counts[j], hidden=True)
    return cells
