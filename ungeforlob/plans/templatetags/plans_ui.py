"""Drawing Min plan: the stick figure with the goals around it, and the progress line of a sub-goal.

Both are SVG with role="img", <title> and <desc>, and presentation attributes only (strict CSP: no
inline styles). The same markup goes into the PDF.

Min plan's goals, sub-goals, activities and evaluations, and the drawings, are stamped (`core.stamp`): each one's
template is drawn once per shape and language, and filled in per item (a plan page shows a few dozen). Also the
plan pages' sub-menu.
"""

from __future__ import annotations

import textwrap
from typing import Any

from django import template
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from ungeforlob.core.links import current_app, reverse_ids
from ungeforlob.core.stamp import stamp, stand_in
from ungeforlob.core.templatetags.ui import ldate, local_day, tab_links
from ungeforlob.core.text import choice_label, possessive
from ungeforlob.plans.models import (
    MAX_GOALS,
    Activity,
    ActivityStatus,
    Goal,
    Responsible,
    SubGoal,
    SubGoalStatus,
)
from ungeforlob.vocabulary.templatetags.vocabulary_tags import method_labels

register = template.Library()


# --- links ----------------------------------------------------------------------------------------------------

# The sub-menu of the plan pages: (url name, section, label; the label translated when the menu is drawn).
SUBNAV = (("plans:plan", "plan", gettext_noop("Min plan")), ("plans:profile", "profile", gettext_noop("Ungeprofil")),
          ("plans:meetings", "meetings", gettext_noop("Planmøder")), ("plans:history", "history", gettext_noop("Historik")),
          ("plans:notes", "notes", gettext_noop("Notater")), ("plans:share", "share", gettext_noop("Print og del")))


@register.simple_tag(takes_context=True)
def plans_subnav(context: Any, youth_pk: int, section: str) -> SafeString:
    """The plan pages' sub-menu items (`<li>` links, the current section marked): `ui.tab_links` with the labels
    translated and the section named by the page."""
    current = next((url_name for url_name, key, _label in SUBNAV if key == section), None)
    return tab_links(context, [(url_name, _(label)) for url_name, _key, label in SUBNAV], youth_pk, current)


# --- Min plan's goals, sub-goals, activities and evaluations ------------------------------------------------
# Filters instead of a {% blocktranslate %} or get_FOO_display() per item (each of those costs several times
# what the filter does on a plan page with a few dozen items). Same text: the translation as it is, the value in it
# localized and escaped, as {% blocktranslate %} writes it.


def _filled(text: str, **values: Any) -> SafeString:
    return mark_safe(text % {k: conditional_escape(localize(v)) for k, v in values.items()})  # noqa: S308


@register.simple_tag(takes_context=True)
def plan_goal(context: template.Context, goal: Goal, youth: Any, can_edit: bool) -> SafeString:
    """One goal on Min plan with its sub-goals, stamped (`core.stamp`) from `_goal.html`: a plan drawn in full by
    the template engine spent some 0.3 ms per sub-goal on markup that is the same on each (docs/benchmarks.md)."""
    subgoals = "".join(plan_subgoal(context, sg, youth, can_edit) for sg in goal.subgoals.all())
    evaluated = bool(goal.evaluations.all())
    values = {"pk": str(goal.pk), "number": goal_number(goal.position), "text": goal.text,
              "progress": progress_line(context, goal) if evaluated else "", "subgoals": mark_safe(subgoals)}  # noqa: S308 - stamped
    if can_edit:
        app = current_app(context)
        values.update({
            "position": str(goal.position), "under_goal": under_goal_number(goal.position),
            "edit_url": reverse_ids("plans:goal_edit", [youth.pk, goal.pk], {}, app),
            "subgoal_create_url": reverse_ids("plans:subgoal_create", [youth.pk, goal.pk], {}, app),
            "evaluation_create_url": reverse_ids("plans:evaluation_create", [youth.pk], {}, app),
            "delete_url": reverse_ids("plans:goal_delete", [youth.pk, goal.pk], {}, app)})
    shape = {"by_youth": goal.written_by == "ung", "has_evaluations": evaluated, "has_subgoals": bool(subgoals),
             "can_edit": bool(can_edit)}
    return stamp(context, "plans/_goal.html", shape=shape, values=values)


def plan_subgoal(context: template.Context, subgoal: SubGoal, youth: Any, can_edit: bool) -> SafeString:
    """One sub-goal of `plan_goal`, stamped from `_subgoal.html` with its progress line, evaluations (newest first)
    and activities."""
    sg = subgoal
    evaluations = list(sg.evaluations.all())
    activities = list(sg.activities.all())
    values = {
        "pk": str(sg.pk), "text": sg.text, "status": sg.status, "status_label": subgoal_status(sg.status),
        "criterion": sg.success_criterion, "reach_by": ldate(sg.target_date, "DATE_FORMAT") if sg.target_date else "—",
        "progress": progress_line(context, sg),
        "evaluation_count": evaluation_count(len(evaluations)),
        "evaluations": mark_safe("".join(plan_evaluation(context, e) for e in reversed(evaluations))),  # noqa: S308
        "activities": mark_safe("".join(plan_activity(context, a, youth, can_edit) for a in activities))}  # noqa: S308
    if can_edit:
        app = current_app(context)
        values.update({
            "for_subgoal": for_subgoal(sg.text),
            "activity_create_url": reverse_ids("plans:activity_create", [youth.pk], {}, app),
            "evaluation_create_url": reverse_ids("plans:evaluation_create", [youth.pk], {}, app),
            "edit_url": reverse_ids("plans:subgoal_edit", [youth.pk, sg.pk], {}, app),
            "delete_url": reverse_ids("plans:subgoal_delete", [youth.pk, sg.pk], {}, app)})
    shape = {"has_evaluations": bool(evaluations), "has_activities": bool(activities), "can_edit": bool(can_edit)}
    return stamp(context, "plans/_subgoal.html", shape=shape, values=values)


@register.simple_tag(takes_context=True)
def plan_activity(context: template.Context, activity: Activity, youth: Any, can_edit: bool) -> SafeString:
    """One activity on Min plan, stamped (`core.stamp`) from `_activity.html`: a plan's activities drawn in full
    cost the template engine some 0.5 ms each (docs/benchmarks.md)."""
    a = activity
    labels = method_labels(context, a.methods, youth.municipality_id) if a.methods else []
    values = {"title": a.title, "status": a.status, "status_label": activity_status(a.status), "reason": a.reason,
              "responsible": responsible(a.responsible), "responsible_name": a.responsible_name,
              "start": ldate(a.start_date, "SHORT_DATE_FORMAT") if a.start_date else "",
              "end": ldate(a.end_date, "SHORT_DATE_FORMAT") if a.end_date else "", "when_text": a.when_text,
              "place": a.place, "offer": a.offer.name if a.offer else "",
              **{f"method_{n}": label for n, label in enumerate(labels)}}
    if can_edit:
        app = current_app(context)
        values["edit_url"] = reverse_ids("plans:activity_edit", [youth.pk, a.pk], {}, app)
        values["delete_url"] = reverse_ids("plans:activity_delete", [youth.pk, a.pk], {}, app)
    shape = {"has_responsible_name": bool(a.responsible_name), "has_when": bool(a.start_date or a.when_text),
             "has_start": bool(a.start_date), "has_end": bool(a.end_date), "has_place": bool(a.place),
             "has_offer": bool(a.offer), "has_methods": bool(a.methods), "methods": len(labels),
             "can_edit": bool(can_edit)}
    return stamp(context, "plans/_activity.html", shape=shape, values=values,
                 drawing={"methods": [stand_in(f"method_{n}") for n in range(len(labels))]})


@register.simple_tag(takes_context=True)
def plan_evaluation(context: template.Context, evaluation: Any) -> SafeString:
    """One evaluation of a sub-goal on Min plan, stamped (`core.stamp`) from `_evaluation.html`: its day is the
    day in Denmark it was written (`|local_day|ldate:"DATE_FORMAT"`)."""
    e = evaluation
    written = timezone.template_localtime(e.created_at, context.use_tz)
    values = {"closeness": str(e.closeness), "day": ldate(local_day(written), "DATE_FORMAT"), "author": e.author_name,
              "went_well": e.went_well, "was_hard": e.was_hard, "next_step": e.next_step}
    shape = {"has_went_well": bool(e.went_well), "has_was_hard": bool(e.was_hard), "has_next_step": bool(e.next_step)}
    return stamp(context, "plans/_evaluation.html", shape=shape, values=values)


@register.filter
def goal_number(position: int) -> SafeString:
    """"Mål 2"."""
    return _filled(_("Mål %(n)s"), n=position)


@register.filter
def under_goal_number(position: int) -> SafeString:
    """"under mål 2" (after "Nyt delmål", for a screen reader)."""
    return _filled(_("under mål %(n)s"), n=position)


@register.filter
def for_subgoal(text: str) -> SafeString:
    """"til <the sub-goal>" (after "Ny aktivitet", for a screen reader)."""
    return _filled(_("til %(t)s"), t=text)


@register.filter
def evaluation_count(n: int) -> SafeString:
    """"3 evalueringer"."""
    return _filled(ngettext("%(n)s evaluering", "%(n)s evalueringer", n), n=n)


@register.filter
def subgoal_status(value: str) -> str:
    return choice_label(SubGoalStatus, value)


@register.filter
def activity_status(value: str) -> str:
    return choice_label(ActivityStatus, value)


@register.filter
def responsible(value: str) -> str:
    return choice_label(Responsible, value)

LINE_HEIGHT = 22
MAX_LINES = 5
WIDTH = 640
CX = WIDTH // 2
# Goal 1 to the left, goal 2 to the right, goal 3 above the head: box x, width, wrap width (characters).
SLOTS = [(8, 230, 22), (WIDTH - 8 - 230, 230, 22), (CX - 165, 330, 32)]


def wrap(text: str, width: int, max_lines: int = MAX_LINES) -> list[str]:
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)].rstrip() + "…"
    return lines


def _box(goal: Goal | None, number: int, x: int, w: int, chars: int) -> dict[str, Any]:
    lines = wrap(goal.text if goal else _("Plads til et mål"), chars)
    return {"goal": goal, "number": number, "x": x, "w": w, "cx": x + w // 2, "lines": lines,
            "h": len(lines) * LINE_HEIGHT + 22, **(GOAL_LOOK if goal else EMPTY_LOOK)}


# How a goal's box and line look, and an empty place's (dashed, grey); the dashes as whole attributes.
GOAL_LOOK = {"stroke": "#00528c", "fill": "#e5f0f7", "text_fill": "#1a1a1a", "line_dash": "", "rect_dash": ""}
EMPTY_LOOK = {"stroke": "#8a8a8a", "fill": "#ffffff", "text_fill": "#454545",
              "line_dash": mark_safe(' stroke-dasharray="6 6"'), "rect_dash": mark_safe(' stroke-dasharray="8 6"')}


def _place(box: dict[str, Any], y: int) -> None:
    box["y"] = y
    box["rows"] = [{"text": line, "y": y + 28 + n * LINE_HEIGHT} for n, line in enumerate(box["lines"])]


def _line(x1: int, y1: int, x2: int, y2: int) -> dict[str, int]:
    return {"x1": x1, "y1": y1, "x2": x2, "y2": y2}


def _figure(cx: int, head_y: int) -> dict[str, Any]:
    hand_y = head_y + 10
    return {
        "cx": cx, "head_y": head_y, "neck_y": head_y + 30, "shoulder_y": head_y + 52, "hip_y": head_y + 130,
        "foot_y": head_y + 210, "hand_y": hand_y, "hand_l": cx - 62, "hand_r": cx + 62,
        "foot_l": cx - 36, "foot_r": cx + 36, "eye_l": cx - 10, "eye_r": cx + 10, "eye_y": head_y - 6,
        "mouth": f"M{cx - 14} {head_y + 10} Q{cx} {head_y + 22} {cx + 14} {head_y + 10}",
    }


def _wide(goals: list[Goal]) -> tuple[list[dict[str, Any]], dict[str, Any], int, int]:
    """Goal 1 left, goal 2 right, goal 3 above the head; the figure reaches up towards them."""
    boxes = [_box(goals[i] if i < len(goals) else None, i + 1, *SLOTS[i]) for i in range(MAX_GOALS)]
    left, right, top = boxes
    _place(top, 8)
    figure = _figure(CX, top["y"] + top["h"] + 36 + 30)  # the head's centre, below the top goal
    hand_y = figure["hand_y"]
    side_h = max(left["h"], right["h"])
    # Side goals sit beside the raised hands, but never up against the top goal.
    side_top = max(top["y"] + top["h"] + 16, hand_y - 36 - side_h // 2)
    for box in (left, right):
        _place(box, side_top + (side_h - box["h"]) // 2)
    left["line"] = _line(CX - 62, hand_y, left["x"] + left["w"], left["y"] + left["h"] // 2)
    right["line"] = _line(CX + 62, hand_y, right["x"], right["y"] + right["h"] // 2)
    top["line"] = _line(CX, figure["head_y"] - 30, CX, top["y"] + top["h"])
    return boxes, figure, WIDTH, max(figure["foot_y"], *(b["y"] + b["h"] for b in boxes)) + 10


NARROW_WIDTH = 360


def _narrow(goals: list[Goal]) -> tuple[list[dict[str, Any]], dict[str, Any], int, int]:
    """For a phone: the goals stacked above the figure, large enough to read at 360 px."""
    boxes = [_box(goals[i] if i < len(goals) else None, i + 1, 8, NARROW_WIDTH - 16, 32)
             for i in range(MAX_GOALS)]
    y = 8
    for box in boxes:
        _place(box, y)
        y += box["h"] + 18
    cx = NARROW_WIDTH // 2
    figure = _figure(cx, y + 50)
    for box, below in zip(boxes, [*boxes[1:], None], strict=True):
        end = below["y"] if below else figure["head_y"] - 30
        box["line"] = _line(cx, box["y"] + box["h"], cx, end)
    return boxes, figure, NARROW_WIDTH, figure["foot_y"] + 10


def _svg(value: Any) -> Any:
    """A drawing's numbers as text: the template then writes them as they are, instead of localizing each one
    (a couple of hundred per page, the larger part of the drawing's rendering time). Same output."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, tuple):
        return tuple(_svg(v) for v in value)
    if isinstance(value, list):
        return [_svg(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "goal" else _svg(v) for k, v in value.items()}
    return value


@register.simple_tag(takes_context=True)
def stick_figure(context: template.Context, goals: list[Goal], name: str, id_prefix: str = "figur",
                 layout: str = "wide") -> SafeString:
    """Min plan as a drawing: a stick figure with up to three goals around it (role="img" with a text). Stamped
    (`core.stamp`) from `_stick_figure.html`, drawn once per layout and each box's number of lines and look."""
    boxes, figure, width, height = _narrow(goals) if layout == "narrow" else _wide(goals)
    count = len(goals)
    desc_goals = " ".join(
        _("Mål %(n)s: %(text)s.") % {"n": i + 1, "text": g.text} for i, g in enumerate(goals)
    )
    if count == 0:
        desc = _("En tændstiksfigur med tre tomme pladser til mål. Der er ikke skrevet nogen mål endnu.")
    else:
        desc = _("En tændstiksfigur med armene løftet mod sine mål.") + " " + desc_goals
    values = {"id": id_prefix, "desc": desc, "title": _("%(owner)s plan") % {"owner": possessive(name)}}
    # Where everything sits follows from the layout and each box's number of lines and look (a goal or an empty
    # place): that is the shape, and the numbers are part of the drawing. Only the texts are values.
    for n, box in enumerate(boxes):
        for m, row in enumerate(box["rows"]):
            values[f"b{n}_{m}"] = row["text"]
            row["text"] = stand_in(f"b{n}_{m}")
    shape = {"layout": layout, "boxes": tuple((box["goal"] is not None, len(box["rows"])) for box in boxes)}
    drawing = {"boxes": _svg(boxes), "f": _svg(figure), "width": str(width), "height": str(height)}
    return stamp(context, "plans/_stick_figure.html", shape=shape, values=values, drawing=drawing)


def _y(closeness: int) -> int:
    return 62 - (closeness - 1) * 13


# The grid lines of every progress line, one for each answer 1–5: the same on every line, so written once.
GRID = mark_safe("".join(  # noqa: S308 - numbers only
    f'<line x1="4" x2="236" y1="{_y(c)}" y2="{_y(c)}" stroke="#dcdcdc" stroke-width="1"/>' for c in range(1, 6)))


@register.simple_tag(takes_context=True)
def progress_line(context: template.Context, target: SubGoal | Goal, id_prefix: str = "fremskridt") -> SafeString:
    """The 1–5 "how close" answers over time as a line, with the same facts in words (`_progress.html`, stamped
    by `core.stamp`: drawn once per number of answers)."""
    data = progress_data(target, id_prefix)
    points = data["points"]
    values = {"id": data["id"], "desc": data["desc"], "polyline": data["polyline"], "latest": data["latest"],
              "first": data["first"]}
    for i, point in enumerate(points):
        values.update({f"x_{i}": point["x"], f"y_{i}": point["y"], f"fill_{i}": point["fill"]})
    shape = {"has_points": bool(points), "several": data["count"] > 1, "n": len(points),
             "has_first": bool(data["first"])}
    return stamp(context, "plans/_progress.html", shape=shape, values=values, drawing={"grid": GRID, "points": [
        {"x": stand_in(f"x_{i}"), "y": stand_in(f"y_{i}"), "fill": stand_in(f"fill_{i}")} for i in range(len(points))]})


def progress_data(target: SubGoal | Goal, id_prefix: str = "fremskridt") -> dict[str, Any]:
    """What a progress line shows: its points, the line through them and its texts."""
    evaluations = list(target.evaluations.all())
    n = len(evaluations)
    width = 240
    step = (width - 24) / max(n - 1, 1)
    points = []
    for i, e in enumerate(evaluations):
        x = 12 + (i * step if n > 1 else (width - 24) / 2)
        # Strings, not floats: the Danish locale would write "120,0", which is not an SVG length.
        points.append({"x": f"{x:.1f}", "y": str(_y(e.closeness)), "fill": "#00528c" if e.by_youth else "#ffffff",
                       "e": e})
    words = "; ".join(
        _("%(n)s af 5 den %(day)s (%(who)s)") % {
            # The day in Denmark when the evaluation was written (an evaluation at 00.30 is that day's, not the
            # UTC day before), each day written once.
            "n": p["e"].closeness, "day": ldate(timezone.localdate(p["e"].created_at), "MONTH_DAY_FORMAT"),
            "who": p["e"].author_name}
        for p in points
    )
    return {
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        # "Seneste: 4 af 5 · startede på 2 (3 evalueringer)"
        "latest": _filled(_("Seneste: %(n)s af 5"), n=evaluations[-1].closeness) if evaluations else "",
        "first": _filled(ngettext("startede på %(n)s (%(c)s evaluering)", "startede på %(n)s (%(c)s evalueringer)",
                                  n), n=evaluations[0].closeness, c=n) if n > 1 else "",
        "count": n,
        "id": f"{id_prefix}-{target._meta.model_name}-{target.pk}",
        "desc": _("Hvor tæt på, fra 1 (langt fra) til 5 (nået): %(list)s.") % {"list": words} if points else "",
    }
