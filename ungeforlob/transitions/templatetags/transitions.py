"""Labels for I dag's items, which come from several apps."""

from __future__ import annotations

import datetime

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
