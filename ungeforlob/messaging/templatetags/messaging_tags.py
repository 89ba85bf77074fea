from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from ungeforlob.messaging.models import WakeUpSeries
from ungeforlob.messaging.timeline import weekdays_text

register = template.Library()


@register.filter
def weekdays(series: WakeUpSeries) -> str:
    return weekdays_text(series)


@register.inclusion_tag("messaging/_nav_dev.html", takes_context=True)
def sms_dev_nav(context: Any) -> dict[str, Any]:
    """The development gateway's menu link: only when DEBUG is on."""
    request = context.get("request")
    current = getattr(getattr(request, "resolver_match", None), "view_name", "")
    return {"show": bool(settings.DEBUG), "current": current == "messaging:dev_gateway"}
