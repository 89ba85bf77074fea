from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.accounts.services import login_failure_record
from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.request_context import client_ip, safe_next
from ungeforlob.logins import selectors, services, sessions
from ungeforlob.logins.forms import ReauthForm


@require_http_methods(["GET", "POST"])
def reauth(request: HttpRequest) -> HttpResponse:
    """Type the password (and code) again before a CPR number is shown or data leaves the system."""
    ip = client_ip(request)
    form = ReauthForm(request.POST or None, user=request.user, ip_address=ip)
    if request.method == "POST":
        if form.is_valid():
            sessions.reauth_confirmed(request)
            return redirect(safe_next(request, reverse("core:home")))
        if form.failed:
            login_failure_record(username=request.user.username, ip_address=ip)
    return render(request, "logins/reauth.html", {
        "form": form, "next": safe_next(request, reverse("core:home")),
        "minutes": int(sessions.reauth_seconds() // 60),
    })


def my_logins(request: HttpRequest) -> HttpResponse:
    """The user's own recent logins (time, address, device, success or failure) and live sessions."""
    return render(request, "logins/my_logins.html", {
        "events": selectors.recent_logins(user=request.user),
        "session_count": selectors.session_count(user=request.user),
    })


@require_http_methods(["GET", "POST"])
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    """GET asks; POST ends every session of the user, this one too."""
    if request.method == "POST":
        services.sessions_end_all(actor=request.user, user=request.user, reason="self")
        logout(request)
        messages.success(request, _("Du er logget ud på alle enheder."))
        return redirect("accounts:login")
    return render(request, "logins/logout_everywhere.html", {
        "session_count": selectors.session_count(user=request.user), "own": True,
    })


@administrator_required
@require_http_methods(["GET", "POST"])
def admin_logout_everywhere(request: HttpRequest, pk: int) -> HttpResponse:
    """The administrator ends every session of a member of staff of the municipality (GET asks first)."""
    professional = get_object_or_404(policy.visible_professionals(request.user), pk=pk)
    if request.method == "POST":
        count = services.sessions_end_all(actor=request.user, user=professional, reason="administrator")
        messages.success(request, _("%(name)s er logget ud på alle enheder (%(count)s sessioner).")
                         % {"name": professional, "count": count})
        if professional.pk == request.user.pk:
            logout(request)
            return redirect("accounts:login")
        return redirect("accounts:professional_edit", pk=professional.pk)
    return render(request, "logins/logout_everywhere.html", {
        "session_count": selectors.session_count(user=professional), "own": False, "professional": professional,
        "events": selectors.recent_logins(user=professional, limit=10),
    })
