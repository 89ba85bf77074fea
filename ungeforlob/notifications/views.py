"""The user's own in-app notifications."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ungeforlob.notifications import selectors, services


@require_http_methods(["GET", "POST"])
def notification_list(request: HttpRequest) -> HttpResponse:
    """The user's own in-app notifications (nothing about anyone else); a POST marks them all read."""
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        return redirect("notifications:list")
    return render(request, "notifications/list.html", {"items": selectors.notifications_for(request.user)})
