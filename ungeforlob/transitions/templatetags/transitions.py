"""The transitions card on the youth overview (included from includes/youth_overview_extra.html)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.transitions.selectors import overview_card

register = template.Library()


@register.inclusion_tag("transitions/_overview_card.html")
def transitions_card(youth: Any) -> dict[str, Any]:
    """Current station and next follow-ups; the page has already checked access and logged the read."""
    context = overview_card(youth, today=timezone.localdate())
    context["youth"] = youth
    return context


_KIND_LABELS = {
    "opfoelgning": _("Opfølgning"),
    "revurdering": _("Revurdering"),
    "bekymring": _("Bekymring"),
    "frist": _("Frist"),
    "overlevering": _("Overlevering"),
    "sms": _("SMS"),
    "oenske": _("Ønske"),
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
