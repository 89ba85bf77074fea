from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import resolve
from django.utils.functional import LazyObject, empty

from ungeforlob.accounts.models import Role

# Pages an administrator may reach before the second factor is verified.
_ALLOWED = {"accounts:login", "accounts:logout", "accounts:otp_setup", "accounts:otp_verify", "core:healthz"}

# "This user has no confirmed device" is remembered in the session for this long (from the login on), so a
# member of staff without two-factor (most of them) costs no device query per request. A device confirmed in
# another session of the same user is noticed here within this time; the session that confirms it is verified
# at once.
NO_DEVICE_RECHECK_SECONDS = 300
_NO_DEVICE_KEY = "ungeforlob_otp_no_device"


def _check_device(session: Any, user: Any) -> bool:
    """Ask the database, and remember a "no" in the session."""
    from ungeforlob.accounts.selectors import user_has_confirmed_device

    has_device = user_has_confirmed_device(user)
    if has_device:
        session.pop(_NO_DEVICE_KEY, None)
    else:
        session[_NO_DEVICE_KEY] = {"user": user.pk, "until": time.time() + NO_DEVICE_RECHECK_SECONDS}
    return has_device


def remember_device_at_login(sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any) -> None:
    """On `user_logged_in`: look once at login, so the requests that follow ask nothing."""
    if request is not None and user is not None and hasattr(request, "session"):
        _check_device(request.session, user)


def _has_confirmed_device(request: HttpRequest, user: Any) -> bool:
    remembered = request.session.get(_NO_DEVICE_KEY)
    if (isinstance(remembered, dict) and remembered.get("user") == user.pk
            and isinstance(remembered.get("until"), (int, float)) and time.time() < remembered["until"]):
        return False
    return _check_device(request.session, user)


class RequireTwoFactorMiddleware:
    """Administrators must set up and use TOTP two-factor; others may opt in (then it is required too)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from ungeforlob.logins.sessions import enforce_staff_session

        # First the session's own rules (idle and absolute timeouts): an expired session goes to the login page.
        expired = enforce_staff_session(request)
        if expired is not None:
            return expired
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            has_device = _has_confirmed_device(request, user)
            # Administrators and data protection officers (who export the log) must set up a second factor.
            needs_setup = (user.is_administrator or user.role == Role.DPO) and not has_device
            if needs_setup or has_device:
                try:
                    name = resolve(request.path_info).view_name
                except Exception:  # noqa: BLE001 - unknown paths fall through to the 404 page
                    name = ""
                if name not in _ALLOWED and not request.path_info.startswith("/static/"):
                    return redirect("accounts:otp_setup" if needs_setup else "accounts:otp_verify")
        if user is not None:
            request.user = _resolved(user)
        return self.get_response(request)


def _resolved(user: Any) -> Any:
    """The user behind Django's and django-otp's lazy wrappers, once both have done their work: every later
    `request.user.x` (a page reads it hundreds of times: the policy, the menu, the templates) is then a plain
    attribute, not two proxies each raising and catching an AttributeError."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user
