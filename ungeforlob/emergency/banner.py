"""The banner every page shows while the user has emergency access: kept in the session (ids and end times
only), so drawing it costs no query. Set when access starts, cleared when it ends, refilled at login."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

SESSION_KEY = "emergency_active"


def remember(session: Any, *, access_id: int, until: float) -> None:
    entries = [e for e in current(session) if e["id"] != access_id]
    session[SESSION_KEY] = [*entries, {"id": access_id, "until": until}]


def forget(session: Any, *, access_id: int) -> None:
    if SESSION_KEY in session:
        session[SESSION_KEY] = [e for e in current(session) if e["id"] != access_id]


def current(session: Any) -> list[dict[str, Any]]:
    """The active entries (those past their end are left out)."""
    now = timezone.now().timestamp()
    entries = session.get(SESSION_KEY) or []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("until"), (int, float))
            and isinstance(e.get("id"), int) and e["until"] > now]


def on_login(sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any) -> None:
    """A new session of a user with emergency access shows the banner too."""
    from ungeforlob.emergency.selectors import active_for_banner

    if request is None or user is None or not hasattr(request, "session"):
        return
    entries = active_for_banner(user)
    if entries:
        request.session[SESSION_KEY] = entries
