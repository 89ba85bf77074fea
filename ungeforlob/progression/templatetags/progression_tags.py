"""The progression card on the youth overview (the youth view cannot know about progression's data)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from ungeforlob.progression import selectors

register = template.Library()


@register.inclusion_tag("progression/_overview_card.html")
def progression_card(youth: Any) -> dict[str, Any]:
    """Shown inside the youth page, which has already checked access through `policy.get_youth_for`."""
    current = selectors.current_level_for(youth)
    return {"youth": youth, "summary": {
        "current": current, "rhythm": selectors.rhythm_for(youth, today=timezone.localdate(), current=current),
    }}
