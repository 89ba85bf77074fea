"""The benchmark's URLs: the project's, plus a trivial staff view (`make bench-scale` only, never in production).

`/bench/tom/` does what every staff page must — the session, the user, two-factor, the access policy's
middleware — and nothing else: no template, no query of its own. Measured in the same run as the pages, it
shows how much of a page's time is the price of being a logged-in staff page, next to `/healthz` (no session)
and `/om/` (the layout and menu as well).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


@login_required
def trivial_staff_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/tom/", trivial_staff_view, name="bench_trivial_staff"), *project_urlpatterns]
