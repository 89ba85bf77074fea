"""Drawing Min plan: the stick figure with the goals around it, and the progress line of a sub-goal.

Both are SVG with role="img", <title> and <desc>, and presentation attributes only (strict CSP: no
inline styles). The same markup goes into the PDF.
"""

from __future__ import annotations

import textwrap
from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob.plans.models import MAX_GOALS, Goal, SubGoal

register = template.Library()

LINE_HEIGHT = 22
MAX_LINES = 5
# Where each goal sits around the figure: box x, y, width, wrap width (characters), and the point on the
# figure the line starts from (a raised hand, or the head).
SLOTS = [
    {"x": 8, "y": 150, "w": 234, "chars": 22, "from": (262, 212), "to": (242, 190)},
    {"x": 398, "y": 150, "w": 234, "chars": 22, "from": (378, 212), "to": (398, 190)},
    {"x": 180, "y": 8, "w": 280, "chars": 27, "from": (320, 166), "to": (320, 0)},
]


def wrap(text: str, width: int, max_lines: int = MAX_LINES) -> list[str]:
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)].rstrip() + "…"
    return lines


@register.inclusion_tag("plans/_stick_figure.html")
def stick_figure(goals: list[Goal], name: str, id_prefix: str = "figur") -> dict[str, Any]:
    boxes = []
    for i, slot in enumerate(SLOTS[:MAX_GOALS]):
        goal = goals[i] if i < len(goals) else None
        text = goal.text if goal else _("Plads til et mål")
        lines = wrap(text, slot["chars"])
        height = len(lines) * LINE_HEIGHT + 22
        y = slot["y"] if i < 2 else 158 - height  # the top goal grows upwards, ending above the head
        to = (slot["to"][0], y + height) if i == 2 else slot["to"]
        boxes.append({
            "goal": goal, "number": i + 1, "x": slot["x"], "y": y, "w": slot["w"], "h": height,
            "cx": slot["x"] + slot["w"] // 2,
            "lines": [{"text": line, "y": y + 28 + n * LINE_HEIGHT} for n, line in enumerate(lines)],
            "x1": slot["from"][0], "y1": slot["from"][1], "x2": to[0], "y2": to[1],
        })
    count = len(goals)
    desc_goals = " ".join(
        _("Mål %(n)s: %(text)s.") % {"n": i + 1, "text": g.text} for i, g in enumerate(goals)
    )
    if count == 0:
        desc = _("En tændstiksfigur med tre tomme pladser til mål. Der er ikke skrevet nogen mål endnu.")
    else:
        desc = _("En tændstiksfigur med armene løftet mod sine mål.") + " " + desc_goals
    return {"boxes": boxes, "title": _("%(owner)s plan") % {"owner": possessive(name)}, "desc": desc,
            "id": id_prefix}


def possessive(name: str) -> str:
    """Danish genitive: Josefines, Jonas'."""
    return f"{name}'" if name[-1:].lower() in {"s", "x", "z"} else f"{name}s"


def _y(closeness: int) -> int:
    return 62 - (closeness - 1) * 13


@register.inclusion_tag("plans/_progress.html")
def progress_line(target: SubGoal | Goal, id_prefix: str = "fremskridt") -> dict[str, Any]:
    """The 1–5 "how close" answers over time as a line, with the same facts in words."""
    evaluations = list(target.evaluations.all())
    n = len(evaluations)
    width = 240
    step = (width - 24) / max(n - 1, 1)
    points = []
    for i, e in enumerate(evaluations):
        x = 12 + (i * step if n > 1 else (width - 24) / 2)
        points.append({"x": round(x, 1), "y": _y(e.closeness), "by_youth": e.by_youth, "e": e})
    words = "; ".join(
        _("%(n)s af 5 den %(day)s (%(who)s)") % {
            "n": p["e"].closeness, "day": date_format(p["e"].created_at, "j. F"), "who": p["e"].author_name}
        for p in points
    )
    return {
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "levels": [{"y": _y(c), "c": c} for c in range(1, 6)],
        "latest": evaluations[-1] if evaluations else None,
        "first": evaluations[0] if evaluations else None,
        "count": n,
        "id": f"{id_prefix}-{target._meta.model_name}-{target.pk}",
        "desc": _("Hvor tæt på, fra 1 (langt fra) til 5 (nået): %(list)s.") % {"list": words} if points else "",
    }


@register.inclusion_tag("plans/_overview_card.html")
def plan_card(youth: Any) -> dict[str, Any]:
    """The plan's card on the youth overview: the goals and their sub-goals' progress (two queries)."""
    from django.db.models import Count, Q

    goals = list(Goal.objects.filter(youth=youth).annotate(
        subgoal_total=Count("subgoals", distinct=True),
        subgoal_reached=Count("subgoals", filter=Q(subgoals__status="naaet"), distinct=True),
    ))
    return {"youth": youth, "goals": goals}
