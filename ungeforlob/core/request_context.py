"""The current request's client address, for the audit log, without threading `request` through services."""

from __future__ import annotations

import ipaddress
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

_ip: ContextVar[str | None] = ContextVar("ungeforlob_ip", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The address of the client, as the login lockout and the audit log should see it.

    Behind `settings.TRUSTED_PROXY_COUNT` reverse proxies that each append to X-Forwarded-For, the client is
    the N-th entry from the right (the address the outermost trusted proxy saw); entries further left are
    written by the client and can be forged. With 0 proxies, or a header too short or not an address (a
    request that did not come through the proxies), it is REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def safe_next(request: HttpRequest, default: str) -> str:
    """The request's `next` (POST, then GET) when it stays on this site, else `default`: no open redirect."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def set_current_ip(ip: str | None) -> object:
    return _ip.set(ip)


def reset_current_ip(token: object) -> None:
    _ip.reset(token)  # type: ignore[arg-type]


def current_ip() -> str | None:
    return _ip.get()
