"""Server-drawn SVG bar charts (no JavaScript; fine under the strict CSP and in WeasyPrint).

A chart is a dict the template `voice/_chart.html` draws: the SVG and, beside it, a table of the same figures
for screen readers (and for anyone who prefers numbers). Hidden figures draw no bar and say "færre end 5".
"""

from __future__ import annotations

from typing import Any

from ungeforlob.insights.suppression import Cell

WIDTH = 640
LABEL_W = 210
BAR_W = 330
ROW_H = 26


def _length(cell: Cell) -> float | None:
    """What a bar measures: a share in per cent, any other figure as it is; None when there is nothing to draw."""
    if cell.suppressed or cell.value is None:
        return None
    return cell.percent if cell.kind == "share" else float(cell.value)


def bar_chart(*, slug: str, title: str, rows: list[tuple[str, Cell]], max_value: float | None = None,
              value_label: str = "") -> dict[str, Any]:
    """`rows` are (label, cell) pairs; bars are scaled to `max_value` (default: the largest shown value)."""
    values = [_length(cell) for _label, cell in rows]
    top = max_value if max_value is not None else max((v for v in values if v is not None), default=0)
    bars = []
    for i, ((label, figure), value) in enumerate(zip(rows, values, strict=True)):
        length = 0.0
        if value and top:
            length = max(2.0, BAR_W * value / float(top))
        y = 8 + i * ROW_H
        # Coordinates as plain strings: the template must not localise them ("12,5" is no SVG number).
        bars.append({"label": label, "figure": figure, "shown": value is not None, "text_y": str(y + 15), "bar_y": str(y + 3),
                     "length": f"{length:.1f}", "value_x": f"{LABEL_W + length + 8:.1f}"})
    return {"slug": slug, "title": title, "bars": bars, "height": str(16 + len(rows) * ROW_H), "width": str(WIDTH),
            "label_x": str(LABEL_W - 8), "bar_x": str(LABEL_W), "value_label": value_label}
