"""While the database cannot be reached, every request is answered 503 with a plain Danish page (issue 14).

A restart of PostgreSQL, a fail-over or a full connection pool raises `django.db.OperationalError` or
`InterfaceError` wherever the request first touches the database: in a view, but also in a middleware (the
session is loaded when the login check reads `request.user`; the navigation reads the user's roles while the
error page itself is rendered). `DatabaseOutageMiddleware` answers all of those alike: 503 Service Unavailable,
`Retry-After`, no stack trace, nothing cached — the page says what happened and that a form sent just now may
not be saved. Clients asking for JSON get `{"status": "unavailable", "detail": ...}`. Other errors are untouched
(a bug is still a 500 and reaches the log with its stack trace); an outage is logged as one warning line.

How it catches each case:
- a view raises → `process_exception` answers;
- a middleware (or the 500 handler) raises → Django turns it into a 500 response inside the chain; the
  `got_request_exception` receiver below marks the request first, and `__call__` swaps the 500 for the 503;
- anything that still escapes to this middleware is caught in `__call__`;
- the session could not be saved after the view answered (Django answers 400 "session interrupted") → the
  connection carries Django's `errors_occurred` flag and is no longer usable → 503 as well.

Recovery needs nothing from here: Django closes a connection that failed (`errors_occurred`) when the request
ends, and with `CONN_HEALTH_CHECKS` a persistent connection is tested before it is reused, so the first request
after the database is back opens a new one. Place the middleware near the top of MIDDLEWARE (after
SecurityMiddleware, before SessionMiddleware), so it wraps everything that can touch the database.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

logger = logging.getLogger("ungeforlob.outage")

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
_MARK = "_ungeforlob_database_down"
# The page is built without the project's context processors (they read the user, i.e. the database), so the
# CSP middleware may never see it: it carries its own policy, as strict as the project's.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'")


def is_database_outage(exc: BaseException | None) -> bool:
    return isinstance(exc, DATABASE_DOWN)


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return request.path.startswith("/api/") or ("application/json" in accept and "text/html" not in accept)


def outage_response(request: HttpRequest) -> HttpResponse:
    """The 503 answer: the Danish page (or JSON), Retry-After, never cached. Touches no database."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        if _wants_json(request):
            response: HttpResponse = JsonResponse({
                "status": "unavailable",
                "detail": gettext("Ungeforløb er midlertidigt utilgængelig. Prøv igen om lidt."),
            }, status=503)
        else:
            html = render_to_string("503.html", {
                "LANGUAGE_CODE": translation.get_language(),
                "retry_url": request.get_full_path() if request.method == "GET" else "",
                "was_post": request.method == "POST",
                "retry_after": RETRY_AFTER_SECONDS,
            })
            response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
            response["Content-Security-Policy"] = _CSP
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # type: ignore[attr-defined]  # the middleware logs one line itself
    return response


def _forget_earlier_failures() -> None:
    """A connection closed after an earlier request's error keeps Django's `errors_occurred` flag until it next
    connects; clear it, so that the flag below speaks of this request only (unused while closed)."""
    for conn in connections.all(initialized_only=True):
        if conn.connection is None and conn.errors_occurred:
            conn.errors_occurred = False


def _database_failed() -> bool:
    """A database error happened in this request (Django flags the connection) and the connection is gone."""
    return any(conn.errors_occurred and (conn.connection is None or not conn.is_usable())
               for conn in connections.all(initialized_only=True))


def _mark_outage(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Django sends this inside its `except` block for every uncaught exception (middleware ones too)."""
    exc = sys.exc_info()[1]
    if request is not None and is_database_outage(exc):
        setattr(request, _MARK, exc)


got_request_exception.connect(_mark_outage, dispatch_uid="ungeforlob.core.outage")


class _OutageTracebacks(logging.Filter):
    """Drops Django's "Internal Server Error" record (with its stack trace) for an outage error raised in a
    middleware: the request is answered 503 and this module logs one line for it instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and is_database_outage(record.exc_info[1]))


logging.getLogger("django.request").addFilter(_OutageTracebacks())


class DatabaseOutageMiddleware:
    """A database that cannot be reached → 503 with the Danish "midlertidigt utilgængelig" page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        _forget_earlier_failures()
        try:
            response = self.get_response(request)
        except DATABASE_DOWN as exc:
            return self._answer(request, exc)
        if response.status_code == 500 and getattr(request, _MARK, None) is not None:
            return self._answer(request, getattr(request, _MARK))
        if response.status_code == 400 and _database_failed():
            # The view answered, then saving the session failed: Django reports that as "session interrupted"
            # (400), but the database is what went away.
            return self._answer(request, None)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_database_outage(exception):
            return self._answer(request, exception)
        return None

    def _answer(self, request: HttpRequest, exc: BaseException | None) -> HttpResponse:
        reason = f"{type(exc).__name__}: {(str(exc).strip().splitlines() or [''])[0]}" if exc else "session not saved"
        logger.warning("database unavailable: %s %s answered 503 (%s)", request.method, request.path, reason)
        return outage_response(request)
