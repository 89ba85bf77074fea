"""Leaders' pages: targets (måltal), caseloads against the band, the chain's figures. Leaders only; numbers only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob.core.decorators import leader_required
from ungeforlob.core.forms import run_service
from ungeforlob.insights.filters import LeaderFilterForm
from ungeforlob.targets import selectors, services
from ungeforlob.targets.chain_figures import tables as chain_tables
from ungeforlob.targets.forms import CaseloadBandForm, TargetCreateForm, TargetEditForm
from ungeforlob.targets.measures import MEASURES
from ungeforlob.targets.models import Target
from ungeforlob.targets.reference import national_goals


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _year(request: HttpRequest) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("aar", ""))
    except ValueError:
        return this_year
    return year if this_year - services.YEARS_BACK <= year <= this_year + services.YEARS_AHEAD else this_year


def _index_url(year: int) -> str:
    return f"{reverse('targets:index')}?aar={year}"


def _target(request: HttpRequest, pk: Any) -> Target:
    """A target of the leader's own municipality, or 404 (the same for "not yours" and "does not exist")."""
    target = selectors.targets_of(request.user).filter(pk=pk).first() if 0 < int(pk) < 2**63 else None
    if target is None:
        raise Http404
    return target


def _on_stale(form: TargetEditForm | CaseloadBandForm) -> Any:
    """A stale save keeps what the user wrote and moves the form to the current version."""
    def on_error(exc: ValidationError) -> Any:
        if not isinstance(exc, services.StaleEdit):
            return None
        data = form.data.copy()
        data["version"] = str(exc.current_version)
        fresh = type(form)(data)
        fresh.is_valid()
        return fresh
    return on_error


@leader_required
def index(request: HttpRequest) -> HttpResponse:
    """Måltal: the year's targets against the actual figures and their trend, the national reference lines."""
    today = timezone.localdate()
    year = _year(request)
    municipality_id = request.user.municipality_id
    source, goals = national_goals()
    return render(request, "targets/index.html", {
        "year": year, "rows": selectors.targets_for_year(municipality_id, year, today=today),
        "years": selectors.target_years(municipality_id), "this_year": today.year,
        "reference_source": source, "reference_goals": goals, "measures": MEASURES.values(),
    })


@leader_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    initial = {"year": _year(request), "direction": "gte"}
    if request.GET.get("maal") in MEASURES:
        measure = MEASURES[request.GET["maal"]]
        initial.update(measure=measure.key, direction=measure.better)
    form = TargetCreateForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, target, form = run_service(form, lambda: services.target_create(actor=request.user, **form.service_data))
        if ok:
            messages.success(request, _("Måltallet er gemt."))
            return redirect(_index_url(target.year))
    return render(request, "targets/form.html", {"form": form, "title": _("Nyt måltal"), "submit": _("Gem måltal"),
                                                 "back": _index_url(initial["year"]), "measures": MEASURES.values()})


@leader_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = _target(request, pk)
    form = TargetEditForm(_posted(request), initial={"direction": target.direction, "value": target.value,
                                                     "note": target.note, "version": target.version})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _t, form = run_service(form, lambda: services.target_update(
            actor=request.user, target=target, version=d["version"], direction=d["direction"], value=d["value"],
            note=d["note"]), on_error=_on_stale(form))
        if ok:
            messages.success(request, _("Måltallet er gemt."))
            return redirect(_index_url(target.year))
    measure = MEASURES.get(target.measure)
    return render(request, "targets/form.html", {
        "form": form, "target": target, "measure": measure, "submit": _("Gem måltal"),
        "title": _("Ret måltal for %(year)s") % {"year": target.year}, "back": _index_url(target.year)})


@leader_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = _target(request, pk)
    if request.method == "POST":
        services.target_delete(actor=request.user, target=target)
        messages.success(request, _("Måltallet er slettet."))
        return redirect(_index_url(target.year))
    return render(request, "targets/delete.html", {"target": target, "measure": MEASURES.get(target.measure),
                                                   "back": _index_url(target.year)})


@leader_required
def caseloads(request: HttpRequest) -> HttpResponse:
    """Sagsstammer: young people per contact person and per team against the municipality's band."""
    band = selectors.caseload_band(request.user.municipality_id)
    return render(request, "targets/caseloads.html", {
        "band": band, **selectors.caseloads(request.user.municipality_id, band, today=timezone.localdate())})


@leader_required
@require_http_methods(["GET", "POST"])
def band(request: HttpRequest) -> HttpResponse:
    current = selectors.caseload_band(request.user.municipality_id)
    form = CaseloadBandForm(_posted(request), initial={"low": current.low, "high": current.high,
                                                       "version": current.version})
    if request.method == "POST" and form.is_valid():
        ok, _b, form = run_service(form, lambda: services.caseload_band_set(actor=request.user, **form.cleaned_data),
                                   on_error=_on_stale(form))
        if ok:
            messages.success(request, _("Spændet er gemt."))
            return redirect("targets:caseloads")
    return render(request, "targets/band.html", {"form": form, "band": current})


@leader_required
def chain(request: HttpRequest) -> HttpResponse:
    """Kædens tal: response times, follow-ups, referrals, handovers and the contact rhythm, per quarter, in
    the leader's filters; each table downloads as CSV and XLSX."""
    form = LeaderFilterForm(request.GET, user=request.user)
    filters = form.filters()
    return render(request, "targets/chain.html", {
        "filter_form": form, "filter_querystring": filters.querystring, "tables": chain_tables(filters)})
