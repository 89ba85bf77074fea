"""The main menu's entries for the data protection officer (and the record for the administrator)."""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def logreview_nav(context: Any) -> dict[str, bool]:
    user = getattr(context.get("request"), "user", None)
    return {"dpo": policy.is_dpo(user), "record": policy.is_dpo(user) or policy.is_administrator(user)}
