"""Server-drawn SVG bar charts (no JavaScript; fine under the strict CSP and in WeasyPrint).

A chart is a dict the template `voice/_chart.html` draws: the SVG and, beside it, a table of the same figures
for screen readers (and for anyone who prefers numbers). Hidden figures draw no bar and say "færre end 5".
"""

from __future__ import annotations

from typing import Any

from ungeforlob.voice.suppression import Figure

WIDTH = 640
LABEL_W = 210
BAR_W = 330
ROW_H = 26


def bar_chart(*, slug: str, title: str, rows: list[tuple[str, Figure]], max_value: float | None = None,
              value_label: str = "") -> dict[str, Any]:
    """`rows` are (label, figure) pairs; bars are scaled to `max_value` (default: the largest shown value)."""
    shown = [f.value for _label, f in rows if f.shown and f.value is not None]
    top = max_value if max_value is not None else max(shown, default=0)
    bars = []
    for i, (label, figure) in enumerate(rows):
        length = 0.0
        if figure.shown and top and figure.value is not None:
            length = max(2.0, BAR_W * float(figure.value) / float(top)) if figure.value else 0.0
        y = 8 + i * ROW_H
        # Coordinates as plain strings: the template must not localise them ("12,5" is no SVG number).
        bars.append({"label": label, "figure": figure, "text_y": str(y + 15), "bar_y": str(y + 3),
                     "length": f"{length:.1f}", "value_x": f"{LABEL_W + length + 8:.1f}"})
    return {"slug": slug, "title": title, "bars": bars, "height": str(16 + len(rows) * ROW_H), "width": str(WIDTH),
            "label_x": str(LABEL_W - 8), "bar_x": str(LABEL_W), "value_label": value_label}
