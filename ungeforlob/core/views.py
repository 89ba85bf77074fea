from __future__ import annotations

import functools
from importlib import metadata

from django.apps import apps
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

from ungeforlob import policy


def home(request: HttpRequest) -> HttpResponse:
    """Each role lands where its work starts: administrators on staff, the data protection officer on the log
    review, leaders on their figures, everyone else on I dag."""
    if policy.is_administrator(request.user):
        return redirect("accounts:professional_list")
    if policy.is_dpo(request.user):
        return redirect("logreview:index")
    if policy.is_leader(request.user):
        return redirect("insights:dashboard")
    return redirect("transitions:today")


def about(request: HttpRequest) -> HttpResponse:
    """Om Ungeforløb: what the system is, its version and its licence. The lightest page a member of staff can
    open (the layout and nothing else): the page benchmark measures every staff page against it too."""
    return render(request, "core/about.html", {"version": _version()})


@functools.cache
def _version() -> str:
    """The installed package's version, read once per process (reading the package metadata costs ~0.4 ms)."""
    try:
        return metadata.version("ungeforlob")
    except metadata.PackageNotFoundError:
        return ""


def health_checks() -> list[tuple[str, str]]:
    """(name, dotted path) of every check the installed apps declare as `health_checks` on their AppConfig
    (the scheduler declares the worker's). A check takes no arguments and returns "ok" or another word."""
    return [check for config in apps.get_app_configs() for check in getattr(config, "health_checks", ())]


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: the database and each declared check (the worker), each on its own.

    200 only when the database answers and every check says "ok". 503 when the database fails (the checks
    then say "unknown") or a check says anything else: the worker is "silent" when it has not beaten for two
    minutes, "never" when no worker has run against this database. "never" is a 503 in development and tests
    too: the answer does not depend on DEBUG, and `make run` starts the worker.
    """
    checks = health_checks()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        results = {name: import_string(path)() for name, path in checks}
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unavailable"} | {name: "unknown" for name, _ in checks},
                            status=503)
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "error", "database": "ok"} | results,
                        status=200 if healthy else 503)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_500(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)
