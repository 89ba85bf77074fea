"""Staff logins, logouts and failed logins, as Django's auth signals report them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ungeforlob.core.request_context import client_ip


def _where(request: HttpRequest | None) -> tuple[str | None, str]:
    if request is None:
        return None, ""
    return client_ip(request), request.META.get("HTTP_USER_AGENT", "")


def on_login(sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any) -> None:
    from ungeforlob.logins import services, sessions

    if user is None:
        return
    ip, agent = _where(request)
    services.login_event_record(user=user, username=user.username, success=True, ip_address=ip, user_agent=agent)
    if request is not None and hasattr(request, "session"):
        sessions.session_started(request.session)
        services.session_track(user=user, session_key=request.session.session_key, ip_address=ip, user_agent=agent)


def on_logout(sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any) -> None:
    from ungeforlob.logins import services

    if request is not None and hasattr(request, "session"):
        services.session_forget(session_key=request.session.session_key)


def on_login_failed(sender: Any, credentials: dict[str, Any] | None = None, request: HttpRequest | None = None,
                    **kwargs: Any) -> None:
    from ungeforlob.accounts.models import User
    from ungeforlob.logins import services

    username = str((credentials or {}).get("username") or "").strip()[:150]
    if not username:
        return
    user = User.objects.filter(username__iexact=username).first()
    ip, agent = _where(request)
    services.login_event_record(user=user, username=username, success=False, ip_address=ip, user_agent=agent)
