"""The main menu's unread count: the user's own notifications only, one query, nothing about a young person."""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob.notifications import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def notifications_unread(context: template.Context) -> int:
    request: Any = context.get("request")
    return selectors.unread_count(getattr(request, "user", None))
