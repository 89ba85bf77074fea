from __future__ import annotations

from typing import Any

from ungeforlob.logins.devices import describe
from ungeforlob.logins.models import LoginEvent, UserSession


def recent_logins(*, user: Any, limit: int = 20) -> list[dict[str, Any]]:
    """The user's latest login attempts, newest first, with the device named (one query)."""
    rows = LoginEvent.objects.filter(user=user).order_by("-created_at", "-pk")[:limit]
    return [{"at": r.created_at, "ip": r.ip_address or "", "device": describe(r.user_agent), "success": r.success}
            for r in rows]


def session_count(*, user: Any) -> int:
    return UserSession.objects.filter(user=user).count()
