import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from ungeforlob.integrations import views
from ungeforlob.integrations.api import api
from ungeforlob.integrations.api.errors import error_response

app_name = "integrations"


def _json_405(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ninja answers a method a path does not have with Django's bare 405; the API answers in its error shape."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            return error_response("method_not_allowed", headers={"Allow": response.get("Allow", "")})
        return response

    return wrapped


def _public(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    """API v1 authenticates each call by its bearer token, not by a staff login: LoginRequiredMiddleware must let
    its requests through (an unauthenticated call gets the API's own 401 in the JSON error shape)."""
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = _json_405(pattern.callback)
            pattern.callback.login_required = False  # type: ignore[attr-defined]
    return patterns


api_patterns, api_app_name, api_namespace = api.urls

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", (_public(api_patterns), api_app_name, api_namespace)),  # type: ignore[arg-type]
    path("integrationer/", views.client_list, name="client_list"),
    path("integrationer/ny/", views.client_create, name="client_create"),
    path("integrationer/<int:pk>/", views.client_detail, name="client_detail"),
    path("integrationer/<int:pk>/tilbagekald/", views.client_revoke, name="client_revoke"),
]
