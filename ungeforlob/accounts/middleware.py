from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import resolve

# Pages an administrator may reach before the second factor is verified.
_ALLOWED = {"accounts:login", "accounts:logout", "accounts:otp_setup", "accounts:otp_verify", "core:healthz"}


class RequireTwoFactorMiddleware:
    """Administrators must set up and use TOTP two-factor; others may opt in (then it is required too)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            from ungeforlob.accounts.selectors import user_has_confirmed_device

            needs_setup = user.is_administrator and not user_has_confirmed_device(user)
            needs_verify = user_has_confirmed_device(user)
            if needs_setup or needs_verify:
                try:
                    name = resolve(request.path_info).view_name
                except Exception:  # noqa: BLE001 - unknown paths fall through to the 404 page
                    name = ""
                if name not in _ALLOWED and not request.path_info.startswith("/static/"):
                    return redirect("accounts:otp_setup" if needs_setup else "accounts:otp_verify")
        return self.get_response(request)
