"""Administrator pages: the municipality's indicator set (every change is a new version) and the rhythm."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.forms import run_service
from ungeforlob.progression import selectors, services
from ungeforlob.progression.forms import IndicatorCreateForm, IndicatorForm, RhythmForm
from ungeforlob.progression.models import Indicator


def _municipality(request: HttpRequest) -> Any:
    """The administrator's own municipality (an administrator without one has no indicator set to edit)."""
    if request.user.municipality_id is None:
        raise Http404
    return request.user.municipality


def _current_indicator(request: HttpRequest, pk: int) -> Indicator:
    current = services.indicator_set_current(municipality=_municipality(request), actor=request.user)
    indicator = current.indicators.filter(pk=pk).first()
    if indicator is None:
        raise Http404
    return indicator


@administrator_required
def indicator_list(request: HttpRequest) -> HttpResponse:
    current = services.indicator_set_current(municipality=_municipality(request), actor=request.user)
    q = request.GET.get("q", "").strip()[:100].lower()
    groups = selectors.indicators_by_level(current)
    if q:
        groups = [{**g, "indicators": [i for i in g["indicators"] if q in i.text.lower()]} for g in groups]
    return render(request, "progression/admin_indicators.html", {
        "current": current, "groups": groups, "q": q,
        "versions": selectors.indicator_versions(request.user.municipality_id),
        "settings_row": selectors.progression_settings_for(request.user.municipality_id),
    })


@administrator_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest) -> HttpResponse:
    form = IndicatorCreateForm(request.POST or None, initial={"level": request.GET.get("niveau", "")})
    if request.method == "POST" and form.is_valid():
        ok, new, form = run_service(form, lambda: services.indicator_add(
            actor=request.user, municipality=_municipality(request), level=form.cleaned_data["level"],
            text=form.cleaned_data["text"]))
        if ok:
            messages.success(request, _("Indikatoren er tilføjet. Indikatorsættet er nu version %(v)s.")
                             % {"v": new.version})
            return redirect("progression:admin_indicators")
    return render(request, "progression/admin_indicator_form.html", {"form": form})


@administrator_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _current_indicator(request, pk)
    form = IndicatorForm(request.POST or None, initial={"level": indicator.level, "text": indicator.text})
    if request.method == "POST" and form.is_valid():
        ok, new, form = run_service(form, lambda: services.indicator_edit(
            actor=request.user, indicator=indicator, **form.cleaned_data))
        if ok:
            messages.success(request, _("Indikatoren er rettet. Indikatorsættet er nu version %(v)s.")
                             % {"v": new.version})
            return redirect("progression:admin_indicators")
    return render(request, "progression/admin_indicator_form.html", {"form": form, "indicator": indicator})


@administrator_required
@require_http_methods(["GET", "POST"])
def indicator_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST retires the indicator (a new version without it)."""
    indicator = _current_indicator(request, pk)
    if request.method == "POST":
        try:
            new = services.indicator_retire(actor=request.user, indicator=indicator)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Indikatoren er udgået. Indikatorsættet er nu version %(v)s.")
                             % {"v": new.version})
        return redirect("progression:admin_indicators")
    return render(request, "progression/admin_indicator_retire.html", {"indicator": indicator})


@administrator_required
@require_http_methods(["GET", "POST"])
def rhythm_edit(request: HttpRequest) -> HttpResponse:
    instance = selectors.progression_settings_for(_municipality(request).pk)
    form = RhythmForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        ok, _saved, form = run_service(form, lambda: services.progression_settings_update(
            actor=request.user, municipality=_municipality(request),
            **{f: form.cleaned_data[f] for f in RhythmForm.Meta.fields}))
        if ok:
            messages.success(request, _("Rytmen for revurdering er gemt."))
            return redirect("progression:admin_indicators")
    return render(request, "progression/admin_rhythm.html", {"form": form})
