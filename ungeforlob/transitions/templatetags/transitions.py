"""Labels for I dag's items, which come from several apps."""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.stamp import stamp, stand_in
from ungeforlob.core.templatetags.ui import short_day

register = template.Library()


_KIND_LABELS = {
    "opfoelgning": _("Opfølgning"),
    "revurdering": _("Revurdering"),
    "bekymring": _("Bekymring"),
    "frist": _("Frist"),
    "overlevering": _("Overlevering"),
    "sms": _("SMS"),
    "oenske": _("Ønske"),
    "kædemøde": _("Kædemøde"),
    "møde": _("Møde"),
    "samarbejdsaftale": _("Samarbejdsaftale"),
    "handling": _("Aftalt handling"),
    "udviklingsplan": _("Udviklingsplan"),
    "fravaer": _("Fravær"),
    "tjek_ind": _("Tjek-ind"),
}
_ACTION_LABELS = {
    "done": _("Udført"),
    "move": _("Flyt"),
    "skip": _("Spring over"),
    "acknowledge": _("Kvittér"),
    "open": _("Åbn"),
    "vurder": _("Vurdér"),
}


@register.filter
def agenda_kind(kind: str) -> str:
    """The Danish label of an agenda item's kind (items come from several apps)."""
    return str(_KIND_LABELS.get(kind, kind.replace("_", " ").capitalize()))


@register.filter
def action_label(action: str) -> str:
    return str(_ACTION_LABELS.get(action, action.replace("_", " ").capitalize()))


@register.filter
def overdue_since(due: datetime.date, today: datetime.date | None = None) -> SafeString:
    """I dag's badge on an overdue item, "Forsinket – 3. dec": what `{% blocktranslate with d=due|ldate:… %}` wrote,
    without its cost on every item of the list. A day in another year than `today` names its year ("Forsinket –
    21. dec 2025"): the list is oldest first, and a day without its year reads as one still to come."""
    day = conditional_escape(short_day(due, today))
    return mark_safe(gettext("Forsinket – %(d)s") % {"d": day})  # noqa: S308 - the day is escaped


_ITEM = "transitions/_agenda_item.html"


@register.simple_tag(takes_context=True)
def agenda_item(context: template.Context, item: Any, counter: int, today: datetime.date) -> SafeString:
    """One item on *I dag*, its follow-up forms (done, move, skip) included: stamped (`core.stamp`) from
    `_agenda_item.html`, drawn once per shape of item. Thirty items drawn in full cost the template engine some
    5 ms (docs/benchmarks.md)."""
    keys = tuple(item.actions)
    followup = item.kind == "opfoelgning"
    shape = {"overdue": item.overdue, "has_url": bool(item.url), "has_youth_name": bool(item.youth_name),
             "has_youth_id": bool(item.youth_id), "has_detail": bool(item.detail), "followup": followup,
             "actions": keys}
    values = {"kind": item.kind, "kind_label": agenda_kind(item.kind), "title": item.title, "url": item.url,
              "youth_name": item.youth_name, "youth_id": str(item.youth_id or ""), "detail": item.detail,
              "counter": str(int(counter)), "csrf_token": str(context.get("csrf_token", "")),
              "min_day": today.isoformat(),
              "badge": overdue_since(item.due, today) if item.overdue else ""}
    if followup:
        values.update({f"action_{key}": item.actions.get(key, "") for key in ("done", "move", "skip")})
        actions = keys
    else:
        values.update({f"action_{n}": url for n, url in enumerate(item.actions.values())})
        actions = tuple((action_label(key), stand_in(f"action_{n}")) for n, key in enumerate(keys))
    return stamp(context, _ITEM, shape=shape, values=values, drawing={"actions": actions})
