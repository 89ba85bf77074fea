"""Server-drawn SVG bar charts (no JavaScript; fine under the strict CSP and in WeasyPrint).

A chart is a dict the template `voice/_chart.html` draws: the SVG and, beside it, a table of the same figures
for screen readers (and for anyone who prefers numbers). Hidden figures draw no bar and say "færre end 5".
"""

from __future__ import annotations

from typing import Any

from ungeforlob.insights.suppression import Cell

# Each row: its label on one line, the bar and its figure under it — readable on a phone as on paper.
WIDTH = 400
BAR_W = 300
ROW_H = 42


def _length(cell: Cell) -> float | None:
    """What a bar measures: a share in per cent, any other figure as it is; None when there is nothing to draw."""
    if cell.suppressed or cell.value is None:
        return None
    return cell.percent if cell.kind == "share" else float(cell.value)


def bar_chart(*, slug: str, title: str, rows: list[tuple[str, Cell]], max_value: float | None = None,
              value_label: str = "", target: float | None = None) -> dict[str, Any]:
    """`rows` are (label, cell) pairs; bars are scaled to `max_value` (default: the largest shown value, or the
    target when it is larger). `target` draws a dashed line where the target lies."""
    values = [_length(cell) for _label, cell in rows]
    top = max_value if max_value is not None else max([v for v in values if v is not None] + [target or 0],
                                                      default=0)
    bars = []
    for i, ((label, figure), value) in enumerate(zip(rows, values, strict=True)):
        length = 0.0
        if value and top:
            length = max(2.0, BAR_W * value / float(top))
        y = 4 + i * ROW_H
        # Coordinates as plain strings: the template must not localise them ("12,5" is no SVG number).
        bars.append({"label": label, "figure": figure, "shown": value is not None, "label_y": str(y + 14),
                     "bar_y": str(y + 20), "value_y": str(y + 33), "length": f"{length:.1f}",
                     "value_x": f"{length + 6:.1f}"})
    target_x = f"{BAR_W * min(target, top) / top:.1f}" if target is not None and top else ""
    return {"slug": slug, "title": title, "bars": bars, "height": str(8 + len(rows) * ROW_H), "width": str(WIDTH),
            "value_label": value_label, "target_x": target_x}
