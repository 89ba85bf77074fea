"""Labels for I dag's items, which come from several apps."""

from __future__ import annotations

import datetime
import itertools
import re
from types import SimpleNamespace
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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


# Stand-ins for one follow-up's values in its forms (`followup_actions`): letters and underscores, which escaping
# leaves as they are.
_STAND_INS = {"title": "__uf_title__", "youth_name": "__uf_youth__", "done": "__uf_done__", "move": "__uf_move__",
              "skip": "__uf_skip__", "counter": "__uf_n__"}
_STAND_IN = re.compile("(" + "|".join(_STAND_INS.values()) + ")")
_FRAGMENT = "transitions/_followup_actions.html"


@register.simple_tag(takes_context=True)
def followup_actions(context: template.Context, item: Any, counter: int) -> SafeString:
    """A follow-up's three forms on *I dag* (done, move, skip). The fragment is drawn once per list, with
    stand-ins for the item's title, young person, addresses and number, and each item's values are put in their
    place, escaped: thirty items with three forms each cost the template engine some 5 ms when each was drawn
    in full (docs/benchmarks.md)."""
    pieces = context.render_context.get(_FRAGMENT)
    if pieces is None:
        stand_in = SimpleNamespace(title=_STAND_INS["title"], youth_name=_STAND_INS["youth_name"], actions={
            key: _STAND_INS[key] for key in ("done", "move", "skip")})
        fragment = context.template.engine.get_template(_FRAGMENT)
        with context.push(item=stand_in, forloop={"counter": _STAND_INS["counter"]}):
            drawn = str(fragment.render(context))
        # The drawn fragment cut at its stand-ins, once: the text between them, and each stand-in's place.
        pieces = context.render_context[_FRAGMENT] = _STAND_IN.split(drawn)
    values = {_STAND_INS["title"]: conditional_escape(item.title),
              _STAND_INS["youth_name"]: conditional_escape(item.youth_name),
              _STAND_INS["counter"]: str(int(counter)),
              **{_STAND_INS[key]: conditional_escape(item.actions.get(key, "")) for key in ("done", "move", "skip")}}
    # Odd places hold the stand-ins (the pattern's group), even places the fragment's own text.
    return mark_safe("".join(values[piece] if odd else piece  # noqa: S308 - the values are escaped
                             for piece, odd in zip(pieces, itertools.cycle((False, True)))))
