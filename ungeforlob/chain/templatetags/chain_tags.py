"""The chain's main-menu entries: which to show (the notifications' entry is `notifications_tags`)."""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob import policy

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
        "view": getattr(getattr(request, "resolver_match", None), "view_name", ""),
    }
