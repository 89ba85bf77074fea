from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils import timezone

from ungeforlob.emergency import banner

register = template.Library()


@register.inclusion_tag("emergency/_banner.html", takes_context=True)
def emergency_banner(context: template.Context) -> dict[str, Any]:
    """The emergency-access banner, from the session alone (no query)."""
    request = context.get("request")
    session = getattr(request, "session", None)
    entries = banner.current(session) if session is not None and getattr(request.user, "is_authenticated", False) \
        else []
    return {
        "entries": [{"id": e["id"], "until": datetime.datetime.fromtimestamp(e["until"], tz=datetime.UTC)
                     .astimezone(timezone.get_current_timezone())} for e in entries],
        "csrf_token": context.get("csrf_token"),
    }
