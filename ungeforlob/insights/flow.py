"""Flow between progression levels (issue 15, point 2), from the quarterly snapshot.

Per quarter: from which level to which level the young people moved between the end of the previous quarter
and the end of this one (a young person assessed for the first time comes from "Ikke vurderet"), how many
moved up, down or stayed, and the median days spent at a level before moving on (spells that ended in the
quarter). Movement back is part of the model: the words are neutral ("op", "ned", "samme niveau").
Three queries whatever the data size (plus the filters' bases).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext

from ungeforlob.insights import suppression as s
from ungeforlob.insights.filters import LeaderFilters
from ungeforlob.insights.quarters import Quarter
from ungeforlob.insights.tables import Table
from ungeforlob.progression.levels import LEVEL_ORDER, Level

NOT_ASSESSED = ""


def _level_label(code: str) -> str:
    return str(Level(code).label) if code else gettext("Ikke vurderet")


def compute(filters: LeaderFilters) -> dict[str, Any]:
    """The raw counts, unsuppressed: for tests and for `tables`. Never hand this to a template."""
    moves = list(filters.snapshots().exclude(level=NOT_ASSESSED)
                 .values("quarter", "previous_level", "level").annotate(n=Count("id")).order_by())
    durations = list(filters.snapshots().filter(days_at_previous_level__isnull=False)
                     .values_list("previous_level", "days_at_previous_level"))
    matrix: dict[tuple[str, str], int] = defaultdict(int)
    per_quarter: dict[Any, dict[str, int]] = {q.start: {"up": 0, "down": 0, "same": 0, "new": 0}
                                              for q in filters.quarters}
    for row in moves:
        matrix[(row["previous_level"], row["level"])] += row["n"]
        if not row["previous_level"]:
            key = "new"
        else:
            step = LEVEL_ORDER[row["level"]] - LEVEL_ORDER[row["previous_level"]]
            key = "up" if step > 0 else ("down" if step < 0 else "same")
        per_quarter[row["quarter"]][key] += row["n"]
    days: dict[str, list[int]] = defaultdict(list)
    for level, n in durations:
        days[level].append(n)
    return {"matrix": dict(matrix), "per_quarter": per_quarter, "days": dict(days)}


def tables(filters: LeaderFilters) -> list[Table]:
    raw = compute(filters)
    levels = [level.value for level in Level]
    from_levels = [NOT_ASSESSED, *levels]
    body, row_t, col_t = s.suppress_table([[s.count(raw["matrix"].get((a, b), 0)) for b in levels]
                                           for a in from_levels])
    matrix = Table(
        "flow-matrix", gettext("Fra niveau → til niveau (hele perioden)"),
        [gettext("Fra"), *(_level_label(b) for b in levels), gettext("I alt")],
        [(_level_label(a), [*body[i], row_t[i]]) for i, a in enumerate(from_levels)]
        + [(gettext("I alt"), col_t + [s.count(sum(raw["matrix"].values()))])],
        note=gettext("Niveauet ved kvartalets udgang sammenlignet med niveauet ved forrige kvartals udgang, "
                     "lagt sammen for de valgte kvartaler."),
    )
    quarters = filters.quarters
    keys = ["up", "same", "down", "new"]
    body, row_t, _unused = s.suppress_table([[s.count(raw["per_quarter"][q.start][k]) for k in keys]
                                             for q in quarters])
    moves = Table(
        "flow-quarters", gettext("Op, ned eller samme niveau pr. kvartal"),
        [gettext("Kvartal"), gettext("Op"), gettext("Samme niveau"), gettext("Ned"), gettext("Første vurdering"),
         gettext("I alt")],
        [(q.label, [*body[i], row_t[i]]) for i, q in enumerate(quarters)],
    )
    durations = Table(
        "flow-days", gettext("Dage på et niveau, før den unge flyttede sig (median)"),
        [gettext("Niveau"), gettext("Median, dage"), gettext("Antal forløb på niveauet")],
        [(_level_label(level), [s.median(raw["days"].get(level, [])), s.count(len(raw["days"].get(level, [])))])
         for level in levels],
    )
    out = [matrix, moves, durations]
    if filters.active:
        base, parents = filters.base(), filters.parent_bases()
        for t in out:
            t.rows = [(label, s.suppress_for_filter(cells, base=base, parent_bases=parents)) for label, cells in t.rows]
    return out


def chart(table: Table, quarters: list[Quarter]) -> dict[str, Any]:
    """Bars for the per-quarter table (up, same, down): heights in a 0–100 box, suppressed bars left out."""
    biggest = max([c.value for _label, cells in table.rows for c in cells[:3] if c.value is not None] or [1])
    bars = []
    for i, (label, cells) in enumerate(table.rows):
        group = []
        for j, (cell, css) in enumerate(zip(cells[:3], ("up", "same", "down"), strict=True)):
            height = 0 if cell.value is None else round(90 * cell.value / biggest, 1)
            # Coordinates as strings: a template would print a float with the locale's decimal comma.
            group.append({"x": str(i * 40 + 6 + j * 10), "height": f"{height:g}", "y": f"{95 - height:g}",
                          "css": css, "cell": cell, "drawn": height > 0})
        bars.append({"label": label, "quarter": quarters[i], "x": i * 40 + 20, "bars": group})
    return {"groups": bars, "width": 40 * len(table.rows)}


def matrix_chart(table: Table) -> dict[str, Any]:
    """The from→to matrix as a grid of squares, darker the more young people (one shade, no judgement).

    The body only (not the totals); a suppressed cell is left white with "<5". Coordinates are strings so a
    template cannot print them with a decimal comma.
    """
    body = [(label, cells[:-1]) for label, cells in table.rows[:-1]]
    biggest = max([c.value for _label, cells in body for c in cells if c.value is not None] or [1])
    rows = []
    for i, (label, cells) in enumerate(body):
        squares = []
        for j, cell in enumerate(cells):
            shade = 0.0 if cell.value is None else 0.15 + 0.85 * cell.value / biggest
            squares.append({"x": str(110 + j * 50), "tx": str(135 + j * 50), "opacity": f"{shade:.2f}",
                            "dark": shade > 0.55, "text": "<5" if cell.suppressed else cell.display})
        rows.append({"label": label, "y": str(34 + i * 34), "ty": str(55 + i * 34), "squares": squares})
    columns = []
    for j, c in enumerate(table.columns[1:-1]):
        # "Vejledningsparat" is too wide for its square: "Vejlednings-" over "parat".
        head, tail = (str(c)[:-5] + "-", str(c)[-5:]) if str(c).endswith("parat") else (str(c), "")
        columns.append({"head": head, "tail": tail, "x": str(135 + j * 50)})
    return {"rows": rows, "columns": columns, "height": str(40 + 34 * len(rows))}


def section(filters: LeaderFilters, user: Any) -> dict[str, Any]:
    matrix, moves, durations = tables(filters)
    return {"flow_matrix": matrix, "flow_moves": moves, "flow_days": durations,
            "flow_chart": chart(moves, filters.quarters), "flow_matrix_chart": matrix_chart(matrix)}

