from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from ungeforlob.core.request_context import client_ip, reset_current_ip, set_current_ip


class SecurityHeadersMiddleware:
    """Headers Django does not set itself, and the client address for the audit log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = set_current_ip(client_ip(request))
        try:
            response = self.get_response(request)
        finally:
            reset_current_ip(token)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Personal data must not linger in shared caches or the browser's back-forward cache.
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response.headers.setdefault("Cache-Control", "no-store")
        return response
