"""What the staff layout (base.html) reads on every page, sent with the page's own reads.

The main menu's unread count is a query of its own on every staff page, after everything the page itself asked.
`LayoutReadsMiddleware` hands the layout's reads to `core.prepared.along` for the request: a page that reads ahead
(`ahead`, `run_together`) sends them in the same round trip as its own, and the template finds their rows. A page
that does not asks each read when the layout does, as before.

Each app names what its part of the layout reads in `settings.LAYOUT_READS`: a function `(request) -> [Read, …]`
giving the reads the layout will surely make on this request (none it may skip: an unused read costs its fetch).
Only full pages of a logged-in user read ahead for the layout: a GET or HEAD (nothing on the request writes what
the layout shows before it is drawn) that is not an htmx request (those draw a fragment without the layout).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from ungeforlob.core.prepared import Read, along


@functools.cache
def _sources() -> list[Callable[[HttpRequest], list[Read]]]:
    return [import_string(path) for path in getattr(settings, "LAYOUT_READS", [])]


def layout_reads(request: HttpRequest) -> list[Read]:
    """The reads the layout will make for this request (none for a request that does not draw it)."""
    user: Any = getattr(request, "user", None)
    if request.method not in ("GET", "HEAD") or "HX-Request" in request.headers or user is None \
            or not user.is_authenticated:
        return []
    return [read for source in _sources() for read in source(request)]


class LayoutReadsMiddleware:
    """Sends the layout's reads with the page's first reads ahead (`layout_reads`, `core.prepared.along`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reads = layout_reads(request)
        if not reads:
            return self.get_response(request)
        with along(reads):
            return self.get_response(request)
