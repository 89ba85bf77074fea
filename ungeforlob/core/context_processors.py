from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ungeforlob import policy
from ungeforlob.youth.sections import YOUTH_SECTIONS


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "nav_is_admin": policy.is_administrator(user),
        "nav_is_leader": policy.is_leader(user),
        "youth_sections": YOUTH_SECTIONS,
    }
