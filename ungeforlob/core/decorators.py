from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from ungeforlob import policy
from ungeforlob.core.planning import planned_each_time


def administrator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not policy.is_administrator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def leader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A leader's (or administrator's) page. Its aggregates over a whole municipality are planned by PostgreSQL for
    their values every time (`core.planning`)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not policy.is_leader(request.user):
            raise PermissionDenied
        with planned_each_time():
            return view(request, *args, **kwargs)

    return wrapped
