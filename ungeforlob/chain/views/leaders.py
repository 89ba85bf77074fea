"""Leaders: the capacity page (aggregates only) and reassigning a departing professional's caseload."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.chain import forms, selectors, services
from ungeforlob.core.decorators import leader_required
from ungeforlob.core.forms import run_service

CAPACITY_PAGE = 50


@leader_required
def capacity(request: HttpRequest) -> HttpResponse:
    """Kapacitet: caseloads against the band, concerns open and overdue. Aggregates only — no youth names."""
    sort = request.GET.get("sort", "navn")
    q = request.GET.get("q", "").strip()[:100]
    rows = selectors.capacity_for(request.user, sort=sort, q=q)
    teams = selectors.team_capacity_for(request.user)
    # 50 professionals a page (a large municipality has a thousand); the totals are of all of them.
    page = Paginator(rows, CAPACITY_PAGE).get_page(request.GET.get("side"))
    return render(request, "chain/capacity.html", {"rows": page.object_list, "page": page, "teams": teams,
                                                   "totals": selectors.capacity_totals(rows, teams),
                                                   "band": selectors.caseload_band(request.user.municipality_id),
                                                   "sort": sort, "q": q})


@leader_required
@require_http_methods(["GET", "POST"])
def reassign(request: HttpRequest, user_pk: int) -> HttpResponse:
    try:
        departing = policy.visible_professionals(request.user).filter(pk=int(user_pk)).first()
    except (TypeError, ValueError):
        departing = None
    if departing is None:
        raise Http404
    if departing.leader_id != request.user.pk and not policy.is_administrator(request.user):
        raise PermissionDenied
    form = forms.ReassignForm(request.POST or None, professionals=selectors.selectable_professionals(
        request.user).filter(role="professional").exclude(pk=departing.pk))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, done, form = run_service(form, lambda: services.caseload_reassign(
            actor=request.user, departing=departing, receivers=list(d["receivers"]), note=d["note"],
            end_other_roles=d["end_other_roles"]))
        if ok:
            messages.success(request, ngettext("%(n)s ung er flyttet. Overleveringen er gemt.",
                                               "%(n)s unge er flyttet. Hver overlevering er gemt.",
                                               len(done)) % {"n": len(done)})
            return redirect("chain:capacity")
    return render(request, "chain/reassign.html", {"form": form, "departing": departing,
                                                   **selectors.reassign_preview(request.user, departing)})
