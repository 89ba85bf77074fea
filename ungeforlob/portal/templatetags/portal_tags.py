"""The portal's card on the youth overview (staff side): the young person's open wishes."""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob.portal.models import Wish, WishStatus

register = template.Library()


@register.inclusion_tag("portal/staff/_wishes_card.html")
def wishes_card(youth: Any) -> dict[str, Any]:
    """Open wishes (new or to be talked about): the count and the three newest, in two queries."""
    open_wishes = Wish.objects.filter(youth=youth, status__in=[WishStatus.NEW, WishStatus.DISCUSS])
    return {"youth": youth, "open_count": open_wishes.count(), "latest": list(open_wishes.only("kind", "text")[:3])}
