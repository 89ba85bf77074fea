"""The chain's main-menu entries: which to show, and the unread count (one query)."""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob import policy
from ungeforlob.chain import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def chain_nav(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or policy.is_administrator(user):
        return {"show": False}
    return {
        "show": True,
        "is_intake": policy.is_intake(user),
        "is_leader": policy.is_leader(user),
        "unread": selectors.unread_count(user),
        "view": getattr(getattr(request, "resolver_match", None), "view_name", ""),
    }


@register.inclusion_tag("chain/_overview_card.html", takes_context=True)
def chain_overview_card(context: template.Context, youth: Any) -> dict[str, Any]:
    """The youth overview's chain card: open concerns and open KUI deadlines (two queries)."""
    from ungeforlob.chain.deadlines import is_overdue
    from ungeforlob.chain.models import Concern

    open_concerns = list(Concern.objects.filter(youth=youth, closed_at__isnull=True).order_by("ack_due", "pk")[:5])
    for c in open_concerns:
        c.is_overdue = is_overdue(c.ack_due, c.acknowledged_at is not None)  # type: ignore[attr-defined]
    return {"youth": youth, "open_concerns": open_concerns,
            "stops": [s for s in selectors.plan_stops_for(youth) if not s.is_resolved]}
