"""The young person's session: separate from staff login, short, and checked on every portal request.

A youth logs in with a one-time code sent by SMS to the mobile number on their record. The session holds
only the youth's id and when it was last used; it ends after PORTAL_IDLE_SECONDS without activity.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers

from ungeforlob.youth.models import Youth

SESSION_KEY = "portal_youth_id"
SEEN_KEY = "portal_last_seen"
# The last-seen time is written at most this often (and at most a sixth of the idle timeout): an active young
# person's requests do not each save the session (BEGIN, UPDATE, COMMIT on every page). The session's expiry moves
# only when it is saved, so it stays exactly the idle timeout after the stored last-seen time: the session ends
# between idle-minus-this and the idle timeout after her last request, never later.
SEEN_RESOLUTION_SECONDS = 60


def idle_seconds() -> int:
    return int(getattr(settings, "PORTAL_IDLE_SECONDS", 30 * 60))


def portal_login(request: HttpRequest, youth: Youth) -> None:
    request.session.flush()  # no staff session and no earlier state carries over
    request.session[SESSION_KEY] = youth.pk
    request.session[SEEN_KEY] = timezone.now().timestamp()
    request.session.set_expiry(idle_seconds())
    # A language chosen on the login page is the young person's choice: it becomes theirs (SMS too).
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in dict(settings.LANGUAGES) and chosen != youth.language:
        from ungeforlob.youth.services import youth_language_set

        youth_language_set(youth=youth, language=chosen)


def portal_logout(request: HttpRequest) -> None:
    request.session.flush()


def current_youth(request: HttpRequest) -> Youth | None:
    youth_id = request.session.get(SESSION_KEY)
    if not youth_id:
        return None
    now = timezone.now().timestamp()
    try:
        idle = now - float(request.session.get(SEEN_KEY, 0))
    except (TypeError, ValueError):
        idle = float("inf")
    if idle > idle_seconds():
        portal_logout(request)
        return None
    youth = Youth.objects.select_related("municipality").filter(pk=youth_id).first()
    if youth is None:
        portal_logout(request)
        return None
    if idle >= min(SEEN_RESOLUTION_SECONDS, idle_seconds() / 6):
        request.session[SEEN_KEY] = now  # saves the session, and with it moves its expiry (set_expiry at login)
    return youth


def youth_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Portal views: only a logged-in young person, who only ever sees their own data (request.youth).

    Every answer is sent with `Cache-Control: no-store`: Min side is often opened on a shared or borrowed
    phone, and no browser or proxy may keep a copy of a young person's pages, data or PDFs."""

    @login_not_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        youth = current_youth(request)
        if youth is None:
            response = redirect("portal:login")
        else:
            request.youth = youth  # type: ignore[attr-defined]
            # Min side speaks the young person's language (chosen on Min side, or set by the contact person).
            translation.activate(youth.language or settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]
            response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped
