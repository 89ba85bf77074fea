"""Staff session rules: idle and absolute timeouts, and re-authentication before sensitive steps.

The clock is `time.time()` (through `_now`), kept in the session as seconds: the checks cost no query, and a
test that moves `django.utils.timezone.now` for its own reasons does not log its client out.

Settings (read with defaults):
* STAFF_SESSION_IDLE_MINUTES (30): a staff session ends after this long without a request.
* STAFF_SESSION_ABSOLUTE_HOURS (8): and this long after the login, however active.
* STAFF_REAUTH_MINUTES (5): a password (and code) typed again opens CPR reveals and exports for this long;
  logging in counts as typing it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

STARTED_KEY = "logins_started"
SEEN_KEY = "logins_seen"
REAUTH_KEY = "logins_reauth"
EXPIRED_KEY = "logins_expired"
# The last-seen time is written at most this often (and at most a sixth of the idle timeout), so an active user's
# requests do not each save the session: a page's query count stays the same from one request to the next. The
# session therefore ends after between idle-minus-this and the idle timeout without a request, never later.
SEEN_RESOLUTION_SECONDS = 300


def _now() -> float:
    return time.time()


def idle_seconds() -> float:
    return float(getattr(settings, "STAFF_SESSION_IDLE_MINUTES", 30)) * 60


def absolute_seconds() -> float:
    return float(getattr(settings, "STAFF_SESSION_ABSOLUTE_HOURS", 8)) * 3600


def reauth_seconds() -> float:
    return float(getattr(settings, "STAFF_REAUTH_MINUTES", 5)) * 60


def session_started(session: Any) -> None:
    """At login: the session's clocks start, and the password just typed counts as a re-authentication."""
    now = _now()
    session[STARTED_KEY] = now
    session[SEEN_KEY] = now
    session[REAUTH_KEY] = now


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def enforce_staff_session(request: HttpRequest) -> HttpResponse | None:
    """Log out a staff session that has been idle too long or lived too long; None when it may go on.

    Called first thing by `accounts.middleware.RequireTwoFactorMiddleware` on every request."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    session = request.session
    now = _now()
    started, seen = _number(session.get(STARTED_KEY)), _number(session.get(SEEN_KEY))
    if started is None or seen is None:  # a session from before these rules: its clocks start now
        session[STARTED_KEY] = session[SEEN_KEY] = now
        return None
    if now - seen > idle_seconds() or now - started > absolute_seconds():
        logout(request)
        # The message middleware runs after this one: the login page says it (`expired_notice`).
        request.session[EXPIRED_KEY] = True
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = reverse(settings.LOGIN_URL)
            return response
        return redirect_to_login(request.get_full_path())
    if now - seen >= min(SEEN_RESOLUTION_SECONDS, idle_seconds() / 6):
        session[SEEN_KEY] = now
    return None


def expired_notice(request: HttpRequest) -> None:
    """On the login page: say why the user was logged out, once."""
    if request.session.pop(EXPIRED_KEY, False):
        messages.info(request, _("Du er logget ud, fordi sessionen var udløbet. Log ind igen."))


def reauth_is_fresh(request: HttpRequest) -> bool:
    at = _number(request.session.get(REAUTH_KEY))
    return at is not None and 0 <= _now() - at <= reauth_seconds()


def reauth_confirmed(request: HttpRequest) -> None:
    request.session[REAUTH_KEY] = _now()


def _return_path(request: HttpRequest) -> str:
    """Where to come back to after re-authenticating: this page for a GET; the page the form was on for a POST."""
    if request.method == "GET":
        return request.get_full_path()
    referer = request.headers.get("Referer") or ""
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return reverse("core:home")


def reauth_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Ask for the password again (and the code, for a user with two-factor) unless it was typed within
    STAFF_REAUTH_MINUTES. For a form (POST) the user is sent back to the page it was on, to send it again."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if reauth_is_fresh(request):
            return view(request, *args, **kwargs)
        target = f"{reverse('logins:reauth')}?{urlencode({'next': _return_path(request)})}"
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return redirect(target)

    return wrapped


def reauth_required_on_post(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """`reauth_required` for the POST only: the page itself opens, sending its form needs the password again."""
    guarded = reauth_required(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            return guarded(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return wrapped
