"""What every page's main menu needs. Domain apps add their own context processors (the youth page's tabs
come from the youth app's `sections.youth_sections`): core knows no domain app."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ungeforlob import policy


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "nav_is_admin": policy.is_administrator(user),
        "nav_is_leader": policy.is_leader(user),
        "nav_is_dpo": policy.is_dpo(user),
    }
