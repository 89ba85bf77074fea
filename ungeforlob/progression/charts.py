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

from ungeforlob.core.text import possessive
from ungeforlob.progression.levels import LEVEL_ORDER, LEVELS_BY_ORDER, level_label

# --- the step chart ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """A drawing size. WIDE puts the level names in a left margin; NARROW (phones) writes them above their
    line inside the plot, so the time axis keeps most of the width."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    max_ticks: int
    labels_inside: bool

    @property
    def plot_w(self) -> int:
        return self.width - self.left - self.right

    @property
    def band(self) -> float:
        return (self.height - self.top - self.bottom) / 5

    def y_for(self, level: str) -> float:
        return self.top + (5 - LEVEL_ORDER[level]) * self.band + self.band / 2


WIDE = Layout(width=760, height=330, left=150, right=36, top=20, bottom=56, max_ticks=7, labels_inside=False)
NARROW = Layout(width=400, height=360, left=10, right=24, top=26, bottom=56, max_ticks=3, labels_inside=True)


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
    layout: Layout = WIDE
    id_prefix: str = "stepchart"
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

    # Sizes the template needs, from the layout.
    @property
    def width(self) -> int:
        return self.layout.width

    @property
    def height(self) -> int:
        return self.layout.height

    @property
    def left(self) -> int:
        return self.layout.left

    @property
    def right_edge(self) -> int:
        return self.layout.width - self.layout.right

    @property
    def top(self) -> int:
        return self.layout.top

    @property
    def bottom_edge(self) -> int:
        return self.layout.height - self.layout.bottom

    @property
    def plot_w(self) -> int:
        return self.layout.plot_w

    @property
    def band(self) -> float:
        return round(self.layout.band, 1)

    @property
    def labels_inside(self) -> bool:
        return self.layout.labels_inside


def duration_text(days: int) -> str:
    if days < 60:
        return ngettext("%(n)s dag", "%(n)s dage", days) % {"n": days}
    months = round(days / 30.44)
    return ngettext("ca. %(n)s måned", "ca. %(n)s måneder", months) % {"n": months}


def _month_ticks(start: datetime.date, end: datetime.date, x: Any, max_ticks: int) -> list[dict[str, Any]]:
    months = (end.year - start.year) * 12 + end.month - start.month
    every = max(1, math.ceil(months / max_ticks))
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
               name: str = "", layout: Layout = WIDE, id_prefix: str = "stepchart") -> StepChart:
    """Lay out the team's levels over time (as steps), their overlaps and the youth's own placements.

    `steps` must be in date order. Time at a level runs from one assessment to the next (the last to today).
    """
    lay = layout
    chart = StepChart(layout=lay, id_prefix=id_prefix)
    chart.levels = [
        {"code": code, "label": level_label(code), "y": round(lay.y_for(code), 1),
         "band_top": round(lay.top + (5 - order) * lay.band, 1),
         "label_y": round(lay.y_for(code) - 7 if lay.labels_inside else lay.y_for(code) + 5, 1)}
        for order, code in sorted(LEVELS_BY_ORDER.items())
    ]
    dates = [s.on for s in steps] + [p.on for p in placements]
    if not dates:
        chart.title = _("Ingen vurderinger endnu")
        return chart
    start = min(dates)
    end = max([today, *dates])
    # A little room after today, so the newest step is visible even when it is only days old.
    span = max((end - start).days, 1)
    span += max(round(span * 0.04), 7)

    def x(day: datetime.date) -> float:
        return lay.left + (day - start).days / span * lay.plot_w

    chart.ticks = _month_ticks(start, end, x, lay.max_ticks)
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
        y = lay.y_for(step.level)
        row = StepRow(
            on=step.on, level=step.level, label=level_label(step.level),
            overlap_label=level_label(step.overlap_level) if step.overlap_level else "",
            change=change, change_text=CHANGE_TEXT[change](delta), days=days, duration_text=duration_text(days),
            ref=step.ref, x1=round(x(step.on), 1), x2=round(x(nxt), 1), y=round(y, 1),
        )
        if step.overlap_level:
            counts["overlap"] += 1
            per_level[step.overlap_level][1] += days
            oy = lay.y_for(step.overlap_level)
            row.overlap_y = round(oy, 1)
            row.band_top = round(min(y, oy) - lay.band * 0.3, 1)
            row.band_height = round(abs(y - oy) + lay.band * 0.6, 1)
        if prev is not None and change != "same":
            py = lay.y_for(prev)
            text = _("spring") if change == "leap" else (_("omvej") if change == "back" else "")
            # Near the right edge the word goes on the left of the line, so it is not cut off.
            left_side = row.x1 > lay.width - lay.right - 60
            chart.connectors.append({
                "x": row.x1, "y1": round(py, 1), "y2": round(y, 1), "kind": change,
                "label_x": round(row.x1 - 6 if left_side else row.x1 + 6, 1),
                "anchor": "end" if left_side else "start",
                "label_y": round((py + y) / 2 + 4, 1), "text": text,
            })
        chart.rows.append(row)
        prev = step.level
    for p in placements:
        px, py = x(p.on), lay.y_for(p.level)
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
    chart.title = _("%(owner)s niveau over tid") % {"owner": possessive(name)} if name else _("Niveau over tid")
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
                "date": formats.date_format(first.on, "DATE_FORMAT"), "level": first.label},
        ]
        if len(chart.rows) > 1:
            current = last.label
            if last.overlap_label:
                current = _("%(level)s, overlapper med %(other)s") % {"level": last.label, "other": last.overlap_label}
            parts.append(_("Seneste vurdering %(date)s: %(level)s.") % {
                "date": formats.date_format(last.on, "DATE_FORMAT"), "level": current})
        c = chart.counts
        parts.append(_("%(up)s, %(leap)s, %(back)s og %(overlap)s.") % {
            "up": ngettext("%(n)s skridt frem", "%(n)s skridt frem", c["up"]) % {"n": c["up"]},
            "leap": ngettext("%(n)s spring", "%(n)s spring", c["leap"]) % {"n": c["leap"]},
            "back": ngettext("%(n)s omvej tilbage", "%(n)s omveje tilbage", c["back"]) % {"n": c["back"]},
            "overlap": ngettext("%(n)s periode med overlap", "%(n)s perioder med overlap", c["overlap"])
            % {"n": c["overlap"]},
        })
    if placements:
        p = placements[-1]
        parts.append(_("Den unge placerede senest sig selv %(date)s: %(level)s.") % {
            "date": formats.date_format(p.on, "DATE_FORMAT"), "level": level_label(p.level)})
    return " ".join(parts)


# --- the radar ---------------------------------------------------------------------------------------

RW, RH = 560, 400
RCX, RCY, RR = 280, 196, 128


@dataclass
class RadarSeries:
    label: str
    kind: str  # "current", "earlier", "reading"
    scores: dict[str, float | None]
    # Earlier rounds: the older, the lighter and the sparser the dashes (so overlaid rounds can be told apart).
    stroke: str = "#6f6f6f"
    dash: str = "5 4"
    points: str = ""
    complete: bool = True
    segments: list[str] = field(default_factory=list)
    markers: list[dict[str, float]] = field(default_factory=list)


def _polar(value: float, k: int, n: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * k / n
    r = RR * value / 5
    return RCX + r * math.cos(angle), RCY + r * math.sin(angle)


def radar(dimensions: Sequence[tuple[str, str]], series: Sequence[RadarSeries]) -> dict[str, Any]:
    """Six axes (1–5 from the centre out); each series is a polygon. A dimension without a number (only
    "ved ikke", not answered, or not rated by the professional) breaks the outline there instead of being
    drawn as a zero; the table says "ikke besvaret"."""
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
        # Two-word names go on two lines, so they fit when a phone shows the labels larger.
        axes.append({"code": code, "label": label, "lines": label.split(" ", 1), "x2": round(ex, 1),
                     "y2": round(ey, 1), "lx": round(lx, 1), "ly": round(ly + 4, 1), "anchor": anchor})
    out = []
    for item in series:
        values = [item.scores.get(code) for code, _label in dimensions]
        coords = [_polar(v, k, n) if v is not None else None for k, v in enumerate(values)]
        item.complete = all(c is not None for c in coords)
        item.points = " ".join(f"{c[0]:.1f},{c[1]:.1f}" for c in coords if c is not None) if item.complete else ""
        # Without a number a dimension is left open rather than drawn at zero: the line only joins neighbours
        # that both have one.
        item.segments = [
            f"{coords[k][0]:.1f},{coords[k][1]:.1f} {coords[(k + 1) % n][0]:.1f},{coords[(k + 1) % n][1]:.1f}"
            for k in range(n)
            if not item.complete and coords[k] is not None and coords[(k + 1) % n] is not None
        ]
        item.markers = [
            {"x": round(c[0], 1), "y": round(c[1], 1), "sx": round(c[0] - 4, 1), "sy": round(c[1] - 4, 1)}
            for c in coords if c is not None
        ]
        out.append(item)
    return {"width": RW, "height": RH, "cx": RCX, "cy": RCY, "rings": rings, "axes": axes, "series": out}
