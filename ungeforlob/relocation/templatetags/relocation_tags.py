"""The menu link to incoming packages: for the municipal youth effort and leaders (no query)."""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob import policy
from ungeforlob.relocation.services import may_receive

register = template.Library()


@register.simple_tag(takes_context=True)
def relocation_nav(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if not policy.is_staff_user(user) or user.municipality_id is None:
        return {"show": False}
    return {"show": may_receive(user) or (policy.is_leader(user) and not policy.is_administrator(user))}
