"""Small numbers never identify anyone: the one place that decides what a leader may see.

Every figure a leader sees (on a page, in an export, in the report) is a `Cell`. Build cells with the
constructors below, never by hand, and show them with `{{ cell }}` (or `cell.display`); exports use
`cell.export_value`. A suppressed cell shows "færre end 5" and keeps no value (`value is None`), so it cannot
leak through a template, a CSV or a chart.

The rules:

1. **Primary suppression.** A figure resting on fewer than `THRESHOLD` (5) young people is suppressed:
   * `count(n)`: a number of young people (or of their courses, stations …), suppressed when n < 5 — zero
     included, because "none" of a small group is as telling as "one".
   * `share(part, base)`: a share (0–1) of `base`, suppressed when the base *or* the part is below 5 (the
     part is itself a count of young people). The base is always shown beside the share (`cell.base`).
   * `average(values)` / `median(values)`: suppressed when fewer than 5 values lie behind it.
   * A share is *not* hidden for a small complement: "100 % of 12" is shown. The rule is about how many a
     figure rests on, and hiding the complement too would hide most figures near a target (19 of 20 concerns
     answered in time). Where a share could give away the others in a table, rule 2 applies to its counts.
2. **Secondary suppression in a table with totals** (`suppress_table`): when a row or a column has exactly
   one suppressed cell, it could be recovered from the total, so the smallest other visible cell of that row or
   column is suppressed too; repeated until nothing changes. If there is no other cell to hide, the total is
   hidden. Call it on the body of count cells (rows × columns); the totals you show must be the sums of the
   body (pass them in as `row_totals`/`col_totals` cells).
3. **Filters** (`suppress_for_filter`): a leader can set two filters that differ by one group (the municipality,
   and the municipality without one team), and subtract. So a figure for a filtered group is suppressed when the
   *complement* of the group within its parent — the same filters with one of them removed — has 1–4 young
   people. `filters.LeaderFilters.parent_bases()` gives the bases of the parents; pass them in.

Use from another app::

    from ungeforlob.insights import suppression as s
    cell = s.share(answered, total)            # "73 %" with its base, or "færre end 5"
    rows = s.suppress_table([[s.count(n) for n in row] for row in grid])
    cells = s.suppress_for_filter(cells, base=filters.base(), parent_bases=filters.parent_bases())
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy

THRESHOLD = 5
SUPPRESSED_LABEL = gettext_lazy("færre end 5")

Kind = Literal["count", "share", "average", "median"]
Reason = Literal["", "primary", "secondary", "filter"]


@dataclass(frozen=True)
class Cell:
    """One figure with the number of young people behind it. Suppressed cells carry no value."""

    kind: Kind
    value: float | int | None
    base: int | None
    reason: Reason = ""
    # The hidden count, kept only to choose which cell secondary suppression hides next: never shown or exported.
    rank: int = dataclasses.field(default=0, repr=False, compare=False)

    @property
    def suppressed(self) -> bool:
        return bool(self.reason)

    @property
    def display(self) -> str:
        """What a page shows: "12", "73 %", "41,5" — or "færre end 5"."""
        if self.suppressed or self.value is None:
            return str(SUPPRESSED_LABEL)
        if self.kind == "share":
            return gettext("%(pct)s %%") % {"pct": number_format(round(self.value * 100))}
        if self.kind == "count":
            return number_format(int(self.value))
        return number_format(round(self.value, 1), decimal_pos=1 if self.value % 1 else 0)

    @property
    def export_value(self) -> float | int | str:
        """What a CSV/XLSX cell holds: the number (a share as a percentage) or "færre end 5"."""
        if self.suppressed or self.value is None:
            return str(SUPPRESSED_LABEL)
        if self.kind == "share":
            return round(self.value * 100, 1)
        return self.value

    @property
    def percent(self) -> float:
        """A share in 0–100 for a chart's bar length; 0 when suppressed (a chart draws no bar then)."""
        return 0.0 if self.suppressed or self.value is None or self.kind != "share" else self.value * 100

    def __str__(self) -> str:
        return self.display

    def hidden(self, reason: Reason) -> Cell:
        base = self.base if self.kind != "count" else None
        return dataclasses.replace(self, value=None, base=base, reason=reason)


def _small(base: int) -> int | None:
    """A base shown beside a suppressed figure only when it is itself not small."""
    return None if base < THRESHOLD else base


def count(n: int) -> Cell:
    if n < THRESHOLD:
        return Cell("count", None, None, "primary", rank=n)
    return Cell("count", n, n, rank=n)


def share(part: int, base: int) -> Cell:
    if base < THRESHOLD or part < THRESHOLD:
        return Cell("share", None, _small(base), "primary", rank=part)
    return Cell("share", part / base, base, rank=part)


def average(values: Sequence[float]) -> Cell:
    if len(values) < THRESHOLD:
        return Cell("average", None, None, "primary", rank=len(values))
    return Cell("average", statistics.fmean(values), len(values), rank=len(values))


def median(values: Sequence[float]) -> Cell:
    if len(values) < THRESHOLD:
        return Cell("median", None, None, "primary", rank=len(values))
    return Cell("median", statistics.median(values), len(values), rank=len(values))


def median_of(value: float, n: int) -> Cell:
    """A median computed elsewhere (the worker's kept figures) over `n` values, suppressed as `median`."""
    if n < THRESHOLD:
        return Cell("median", None, None, "primary", rank=n)
    return Cell("median", value, n, rank=n)


def average_of(value: float, n: int) -> Cell:
    """An average computed elsewhere over `n` values, suppressed as `average`."""
    if n < THRESHOLD:
        return Cell("average", None, None, "primary", rank=n)
    return Cell("average", value, n, rank=n)


def _hide_one_more(line: list[tuple[int, int]], grid: list[list[Cell]], raw: list[list[int]]) -> bool:
    """In one row or column (its (row, col) positions), hide the smallest visible cell if exactly one is hidden."""
    hidden = [pos for pos in line if grid[pos[0]][pos[1]].suppressed]
    if len(hidden) != 1:
        return False
    visible = [pos for pos in line if not grid[pos[0]][pos[1]].suppressed]
    if not visible:
        return False
    r, c = min(visible, key=lambda pos: (raw[pos[0]][pos[1]], pos))
    grid[r][c] = grid[r][c].hidden("secondary")
    return True


def suppress_table(rows: Sequence[Sequence[Cell]], *, row_totals: Sequence[Cell] | None = None,
                   col_totals: Sequence[Cell] | None = None) -> tuple[list[list[Cell]], list[Cell], list[Cell]]:
    """Secondary suppression of a table of counts whose row and column totals are shown.

    Returns (body, row_totals, col_totals). A row (or column) whose only hidden cell is the one it has gets its
    smallest other visible cell hidden too; a row with one hidden cell and nothing else to hide gets its total
    hidden. The loop runs until nothing changes (hiding in a column can leave a row with one hidden cell).
    """
    grid = [list(row) for row in rows]
    raw = [[cell.rank for cell in row] for row in grid]
    n_rows = len(grid)
    n_cols = len(grid[0]) if grid else 0
    row_t = list(row_totals) if row_totals is not None else [count(sum(r)) for r in raw]
    col_t = list(col_totals) if col_totals is not None else [
        count(sum(raw[r][c] for r in range(n_rows))) for c in range(n_cols)]
    changed = True
    while changed:
        changed = False
        for r in range(n_rows):
            line = [(r, c) for c in range(n_cols)]
            if row_t[r].suppressed:
                continue
            if _hide_one_more(line, grid, raw):
                changed = True
            elif sum(grid[r][c].suppressed for c in range(n_cols)) == 1 and n_cols == 1:
                row_t[r] = row_t[r].hidden("secondary")
                changed = True
        for c in range(n_cols):
            line = [(r, c) for r in range(n_rows)]
            if col_t[c].suppressed:
                continue
            if _hide_one_more(line, grid, raw):
                changed = True
            elif sum(grid[r][c].suppressed for r in range(n_rows)) == 1 and n_rows == 1:
                col_t[c] = col_t[c].hidden("secondary")
                changed = True
    return grid, row_t, col_t


def complement_too_small(*, base: int, parent_bases: Iterable[int]) -> bool:
    """True when a filtered group differs from one of its parents by 1–4 young people."""
    return any(0 < parent - base < THRESHOLD for parent in parent_bases)


def suppress_for_filter(cells: Iterable[Cell], *, base: int, parent_bases: Iterable[int]) -> list[Cell]:
    """Hide every cell of a filtered view whose group could be subtracted from a parent's figures.

    `base` is the number of young people the filtered view rests on; `parent_bases` those of the same view with
    one filter removed at a time (see `filters.LeaderFilters.parent_bases`). Unfiltered views have no parents.
    """
    cells = list(cells)
    if not complement_too_small(base=base, parent_bases=parent_bases):
        return cells
    return [c if c.suppressed else c.hidden("filter") for c in cells]
