"""Who calls the API: an integration client, by `Authorization: Bearer <token>` only.

The token is looked up by its SHA-256; an unknown, expired or revoked token is answered 401 (the same answer for
all three, so the answer tells an attacker nothing). A token in the URL's query string is refused with 400 before
anything else: URLs end up in logs. `request.auth` is the ApiClient; every call is counted against the client's
rate limit.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.security import HttpBearer

from ungeforlob.integrations.api.errors import ApiError
from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.tokens import hash_token

# Query parameters that would carry a token in the URL.
TOKEN_PARAMS = ("token", "access_token", "api_key", "apikey")
MAX_TOKEN_LENGTH = 200


class ClientToken(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any:
        if any(name in request.GET for name in TOKEN_PARAMS):
            raise ApiError("token_in_url")
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> ApiClient | None:
        token = token.strip()
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        client = (ApiClient.objects.select_related("organisation", "municipality")
                  .filter(token_hash=hash_token(token)).first())
        if client is None or not client.is_active or client.organisation.municipality_id != client.municipality_id:
            return None
        rate_limit(client)
        return client


def rate_limit(client: ApiClient) -> None:
    """A fixed window per client and minute in the cache: API_RATE_LIMIT_PER_MINUTE calls (default 600; 0 turns
    it off), then 429 with Retry-After until the minute is over. The first call of a window notes the client's
    last use (one write a minute at most)."""
    limit = int(getattr(settings, "API_RATE_LIMIT_PER_MINUTE", 600))
    if limit <= 0:
        return
    now = time.time()
    key = f"api-rate:{client.pk}:{client.token_prefix}:{int(now // 60)}"
    cache.add(key, 0, timeout=90)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=90)
        count = 1
    if count > limit:
        raise ApiError("rate_limited", headers={"Retry-After": str(max(1, 60 - int(now % 60)))})
    if count == 1:
        from ungeforlob.integrations.services import apiclient_note_use

        apiclient_note_use(client=client)


def client_of(request: HttpRequest) -> ApiClient:
    client = getattr(request, "auth", None)
    if not isinstance(client, ApiClient):
        raise ApiError("unauthorized", headers={"WWW-Authenticate": 'Bearer realm="ungeforlob"'})
    return client


def check_scope(request: HttpRequest, scope: str) -> ApiClient:
    """The calling client, if it holds `scope` (403 in the error shape otherwise). Remembers the scope on the
    request for the audit rows the call writes."""
    client = client_of(request)
    if not client.has_scope(scope):
        raise ApiError("forbidden", details=[{"loc": ["scope"], "msg": scope, "type": "missing_scope"}])
    request.api_scope = scope  # type: ignore[attr-defined]
    return client


def require_scope(scope: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator for an endpoint (below the router's decorator): the client must hold `scope`.

        @router.post("/concerns", ...)
        @require_scope("concerns:write")
        def concern_create(request, payload: ConcernIn): ...
    """

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            check_scope(request, scope)
            return view(request, *args, **kwargs)

        wrapper.required_scope = scope  # type: ignore[attr-defined]
        return wrapper

    return decorator
