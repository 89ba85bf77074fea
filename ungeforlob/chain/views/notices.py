"""The user's own in-app notifications."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ungeforlob.chain import selectors, services


@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    """The user's own in-app notifications (nothing about anyone else)."""
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        return redirect("chain:notifications")
    return render(request, "chain/notifications.html", {"items": selectors.notifications_for(request.user)})
