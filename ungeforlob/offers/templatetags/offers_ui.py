"""The Tilbud card on the youth overview (one query: the youth's activities linked to offers)."""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob.offers.selectors import linked_activities

register = template.Library()


@register.inclusion_tag("offers/_youth_card.html")
def offers_card(youth: Any) -> dict[str, Any]:
    return {"youth": youth, "linked": linked_activities(youth)[:5]}
