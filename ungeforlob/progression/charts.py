"""Geometry for the two drawings: the step chart of levels over time, and the self-evaluation radar.

Pure functions from plain values to numbers the templates put into SVG (no drawing library, no script).
Both drawings are described for screen readers by their title/desc and by a data table beside them.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ungeforlob.progression.levels import LEVEL_ORDER, LEVELS_BY_ORDER, level_label

# --- the step chart ----------------------------------------------------------------------------------

W, H = 760, 330
LEFT, RIGHT, TOP, BOTTOM = 150, 28, 20, 56
PLOT_W, PLOT_H = W - LEFT - RIGHT, H - TOP - BOTTOM
BAND = PLOT_H / 5


@dataclass(frozen=True)
class Step:
    """One team assessment as the chart sees it."""

    on: datetime.date
    level: str
    overlap_level: str = ""
    ref: Any = None


@dataclass(frozen=True)
class Placement:
    on: datetime.date
    level: str
    own_words: str = ""


@dataclass
class StepRow:
    """One row of the data table (and one step of the drawing)."""

    on: datetime.date
    level: str
    label: str
    overlap_label: str
    change: str  # "first", "same", "up", "leap", "back"
    change_text: str
    days: int
    duration_text: str
    ref: Any = None
    x1: float = 0
    x2: float = 0
    y: float = 0
    overlap_y: float | None = None
    band_top: float = 0
    band_height: float = 0

    @property
    def w(self) -> float:
        return round(self.x2 - self.x1, 1)


@dataclass
class StepChart:
    width: int = W
    height: int = H
    left: int = LEFT
    right_edge: int = W - RIGHT
    top: int = TOP
    bottom_edge: int = H - BOTTOM
    plot_w: int = PLOT_W
    band: float = BAND
    levels: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    rows: list[StepRow] = field(default_factory=list)
    connectors: list[dict[str, Any]] = field(default_factory=list)
    placements: list[dict[str, Any]] = field(default_factory=list)
    today_x: float = 0
    title: str = ""
    desc: str = ""
    time_at_level: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def y_for(level: str) -> float:
    return TOP + (5 - LEVEL_ORDER[level]) * BAND + BAND / 2


def duration_text(days: int) -> str:
    if days < 60:
        return ngettext("%(n)s dag", "%(n)s dage", days) % {"n": days}
    months = round(days / 30.44)
    return ngettext("ca. %(n)s måned", "ca. %(n)s måneder", months) % {"n": months}


def _month_ticks(start: datetime.date, end: datetime.date, x: Any) -> list[dict[str, Any]]:
    months = (end.year - start.year) * 12 + end.month - start.month
    every = max(1, math.ceil(months / 6))
    ticks = []
    year, month = start.year, start.month
    # The first tick is the first month start inside the range.
    if start.day != 1:
        month += 1
    n = 0
    while True:
        year += (month - 1) // 12
        month = (month - 1) % 12 + 1
        day = datetime.date(year, month, 1)
        if day > end:
            break
        if n % every == 0:
            ticks.append({"x": round(x(day), 1), "label": formats.date_format(day, "M Y")})
        month += 1
        n += 1
    return ticks


CHANGE_TEXT = {
    "first": lambda d: _("Første vurdering"),
    "same": lambda d: _("Samme niveau"),
    "up": lambda d: _("Et skridt frem"),
    "leap": lambda d: ngettext("Spring %(n)s niveau frem", "Spring %(n)s niveauer frem", d) % {"n": d},
    "back": lambda d: ngettext("Omvej: %(n)s niveau tilbage", "Omvej: %(n)s niveauer tilbage", d) % {"n": d},
}


def _change(prev: str | None, level: str) -> tuple[str, int]:
    if prev is None:
        return "first", 0
    delta = LEVEL_ORDER[level] - LEVEL_ORDER[prev]
    if delta == 0:
        return "same", 0
    if delta == 1:
        return "up", 1
    if delta > 1:
        return "leap", delta
    return "back", -delta


def step_chart(steps: Sequence[Step], placements: Sequence[Placement], *, today: datetime.date,
               name: str = "") -> StepChart:
    """Lay out the team's levels over time (as steps), their overlaps and the youth's own placements.

    `steps` must be in date order. Time at a level runs from one assessment to the next (the last to today).
    """
    chart = StepChart()
    chart.levels = [
        {"code": code, "label": level_label(code), "y": round(TOP + (5 - order) * BAND + BAND / 2, 1),
         "band_top": round(TOP + (5 - order) * BAND, 1)}
        for order, code in sorted(LEVELS_BY_ORDER.items())
    ]
    dates = [s.on for s in steps] + [p.on for p in placements]
    if not dates:
        chart.title = _("Ingen vurderinger endnu")
        return chart
    start = min(dates)
    end = max([today, *dates])
    span = max((end - start).days, 1)

    def x(day: datetime.date) -> float:
        return LEFT + (day - start).days / span * PLOT_W

    chart.ticks = _month_ticks(start, end, x)
    chart.today_x = round(x(end), 1)
    counts = {"up": 0, "leap": 0, "back": 0, "overlap": 0}
    per_level: dict[str, list[int]] = {code: [0, 0] for code in LEVEL_ORDER}
    prev: str | None = None
    for i, step in enumerate(steps):
        nxt = steps[i + 1].on if i + 1 < len(steps) else end
        days = max((nxt - step.on).days, 0)
        change, delta = _change(prev, step.level)
        if change in counts:
            counts[change] += 1
        per_level[step.level][0] += days
        y = y_for(step.level)
        row = StepRow(
            on=step.on, level=step.level, label=level_label(step.level),
            overlap_label=level_label(step.overlap_level) if step.overlap_level else "",
            change=change, change_text=CHANGE_TEXT[change](delta), days=days, duration_text=duration_text(days),
            ref=step.ref, x1=round(x(step.on), 1), x2=round(x(nxt), 1), y=round(y, 1),
        )
        if step.overlap_level:
            counts["overlap"] += 1
            per_level[step.overlap_level][1] += days
            oy = y_for(step.overlap_level)
            row.overlap_y = round(oy, 1)
            row.band_top = round(min(y, oy) - BAND * 0.3, 1)
            row.band_height = round(abs(y - oy) + BAND * 0.6, 1)
        if prev is not None and change != "same":
            py = y_for(prev)
            chart.connectors.append({
                "x": row.x1, "y1": round(py, 1), "y2": round(y, 1), "kind": change,
                "label_y": round((py + y) / 2, 1), "text": _("spring") if change == "leap" else (
                    _("omvej") if change == "back" else ""),
            })
        chart.rows.append(row)
        prev = step.level
    for p in placements:
        px, py = x(p.on), y_for(p.level)
        size = 9
        chart.placements.append({
            "on": p.on, "label": level_label(p.level), "own_words": p.own_words, "x": round(px, 1),
            "y": round(py, 1),
            "points": f"{px:.1f},{py - size:.1f} {px + size:.1f},{py:.1f} {px:.1f},{py + size:.1f} {px - size:.1f},{py:.1f}",
        })
    chart.counts = counts
    chart.time_at_level = [
        {"label": level_label(code), "days": d[0], "text": duration_text(d[0]) if d[0] else "",
         "overlap_days": d[1], "overlap_text": duration_text(d[1]) if d[1] else ""}
        for code, d in per_level.items()
    ]
    chart.title = _("%(name)ss niveau over tid") % {"name": name} if name else _("Niveau over tid")
    chart.desc = describe_steps(chart, placements)
    return chart


def describe_steps(chart: StepChart, placements: Sequence[Placement]) -> str:
    """The drawing in one paragraph, for screen readers (the table below holds every number)."""
    if not chart.rows:
        parts = []
    else:
        first, last = chart.rows[0], chart.rows[-1]
        parts = [
            _("Første vurdering %(date)s: %(level)s.") % {
                "date": formats.date_format(first.on, "j. F Y"), "level": first.label},
        ]
        if len(chart.rows) > 1:
            current = last.label
            if last.overlap_label:
                current = _("%(level)s, overlapper med %(other)s") % {"level": last.label, "other": last.overlap_label}
            parts.append(_("Seneste vurdering %(date)s: %(level)s.") % {
                "date": formats.date_format(last.on, "j. F Y"), "level": current})
        c = chart.counts
        parts.append(
            _("%(up)s skridt frem, %(leap)s spring, %(back)s omveje tilbage og %(overlap)s perioder med overlap.")
            % c
        )
    if placements:
        p = placements[-1]
        parts.append(_("Den unge placerede senest sig selv %(date)s: %(level)s.") % {
            "date": formats.date_format(p.on, "j. F Y"), "level": level_label(p.level)})
    return " ".join(parts)


# --- the radar ---------------------------------------------------------------------------------------

RW, RH = 560, 400
RCX, RCY, RR = 280, 196, 128


@dataclass
class RadarSeries:
    label: str
    kind: str  # "current", "earlier", "reading"
    scores: dict[str, float | None]
    points: str = ""
    markers: list[dict[str, float]] = field(default_factory=list)


def _polar(value: float, k: int, n: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * k / n
    r = RR * value / 5
    return RCX + r * math.cos(angle), RCY + r * math.sin(angle)


def radar(dimensions: Sequence[tuple[str, str]], series: Sequence[RadarSeries]) -> dict[str, Any]:
    """Six axes (1–5 from the centre out); each series is a polygon. A dimension without a number (only
    "ved ikke", or not answered) is drawn at the centre and called so in the table."""
    n = len(dimensions)
    rings = []
    for s in range(1, 6):
        pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in (_polar(s, k, n) for k in range(n)))
        rings.append({"value": s, "points": pts, "label_x": RCX + 4, "label_y": round(RCY - RR * s / 5 + 12, 1)})
    axes = []
    for k, (code, label) in enumerate(dimensions):
        ex, ey = _polar(5, k, n)
        lx, ly = _polar(5.9, k, n)
        cos = math.cos(-math.pi / 2 + 2 * math.pi * k / n)
        anchor = "start" if cos > 0.3 else ("end" if cos < -0.3 else "middle")
        if ly < RCY - RR:
            ly -= 4
        elif ly > RCY + RR:
            ly += 12
        axes.append({"code": code, "label": label, "x2": round(ex, 1), "y2": round(ey, 1), "lx": round(lx, 1),
                     "ly": round(ly + 4, 1), "anchor": anchor})
    out = []
    for item in series:
        coords = [_polar(item.scores.get(code) or 0, k, n) for k, (code, _label) in enumerate(dimensions)]
        item.points = " ".join(f"{px:.1f},{py:.1f}" for px, py in coords)
        item.markers = [
            {"x": round(px, 1), "y": round(py, 1), "sx": round(px - 4, 1), "sy": round(py - 4, 1)} for px, py in coords
        ]
        out.append(item)
    return {"width": RW, "height": RH, "cx": RCX, "cy": RCY, "rings": rings, "axes": axes, "series": out}
