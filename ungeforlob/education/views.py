"""The education places: list, detail, create, edit, delete, programmes and intakes, import, and the threshold.

The places hold no personal data of young people: every member of staff of the municipality reads them
(`permissions.may_read_places`), the youth effort's staff keep them (`may_keep_places`). The pages of a young
person's stations and attendance are in `views_youth`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob.core.forms import apply_validation_error, keep_on_stale, run_service
from ungeforlob.education import forms, importer, selectors, services
from ungeforlob.education.models import AttendanceSettings, Institution
from ungeforlob.education.permissions import may_keep_places, may_read_places, may_set_threshold


def _reader(request: HttpRequest) -> None:
    if not may_read_places(request.user):
        raise PermissionDenied


def _keeper(request: HttpRequest) -> None:
    if not may_keep_places(request.user):
        raise PermissionDenied


def place_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    form = forms.PlaceSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    within = data.get("within") or ""
    f = selectors.PlaceFilter(q=(data.get("q") or "").strip(), kind=data.get("kind") or "",
                              quota=bool(data.get("quota")), within_days=int(within) if within else None,
                              sort=data.get("sort") or "navn")
    today = timezone.localdate()
    places = list(selectors.search_places(request.user, f, today=today)[:300])
    return render(request, "education/place_list.html", {
        "form": form, "places": places, "filtered": bool(f.q or f.kind or f.quota or within),
        "may_keep": may_keep_places(request.user), "may_set_threshold": may_set_threshold(request.user),
        "today": today})


def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _reader(request)
    place = selectors.get_place_for(request.user, pk)
    today = timezone.localdate()
    return render(request, "education/place_detail.html", {
        "place": place, "programmes": selectors.place_detail(place, today=today),
        "may_keep": may_keep_places(request.user), "today": today})


@require_http_methods(["GET", "POST"])
def place_create(request: HttpRequest) -> HttpResponse:
    _keeper(request)
    form = forms.InstitutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, place, form = run_service(form, lambda: services.institution_create(
            actor=request.user, **form.service_data))
        if ok:
            messages.success(request, _("Uddannelsesstedet er oprettet. Tilføj nu dets uddannelser."))
            return redirect("education:detail", place.pk)
    return render(request, "education/place_form.html", {"form": form}, status=400 if form.is_bound else 200)


def _institution_initial(place: Institution) -> dict[str, Any]:
    return {f: getattr(place, f) for f in services.INSTITUTION_FIELDS} | {"version": place.version}


@require_http_methods(["GET", "POST"])
def place_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _keeper(request)
    place = selectors.get_place_for(request.user, pk)
    form = forms.InstitutionEditForm(request.POST or None, initial=_institution_initial(place))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.service_data.items() if k != "version"}
        ok, _r, form = run_service(
            form, lambda: services.institution_update(actor=request.user, institution=place,
                                                      version=form.cleaned_data["version"], **data),
            on_error=keep_on_stale(form, lambda d: forms.InstitutionEditForm(d)))
        if ok:
            messages.success(request, _("Uddannelsesstedet er gemt."))
            return redirect("education:detail", place.pk)
    return render(request, "education/place_form.html", {"form": form, "place": place},
                  status=400 if form.is_bound else 200)


@require_http_methods(["GET", "POST"])
def place_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _keeper(request)
    place = selectors.get_place_for(request.user, pk)
    form = forms.ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.institution_delete(actor=request.user, institution=place))
        if ok:
            messages.success(request, _("Uddannelsesstedet er slettet."))
            return redirect("education:list")
    return render(request, "education/confirm_delete.html", {
        "form": form, "title": place.name, "back": place, "text": _(
            "Stedet og alle dets uddannelser og optag forsvinder fra listen. Det kan ikke fortrydes.")})


@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest, pk: int) -> HttpResponse:
    _keeper(request)
    place = selectors.get_place_for(request.user, pk)
    form = forms.ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, programme, form = run_service(form, lambda: services.programme_create(
            actor=request.user, institution=place, **form.service_data))
        if ok:
            messages.success(request, _("Uddannelsen er oprettet. Tilføj nu dens optag."))
            return redirect("education:programme", programme.pk)
    return render(request, "education/programme_form.html", {"form": form, "place": place},
                  status=400 if form.is_bound else 200)


def _programme_page(request: HttpRequest, programme: Any, *, form: Any = None, intake_form: Any = None,
                    status: int = 200) -> HttpResponse:
    keeper = may_keep_places(request.user)
    if form is None and keeper:
        form = forms.ProgrammeEditForm(initial={
            "name": programme.name, "admission_requirements": programme.admission_requirements,
            "has_quota": programme.has_quota, "quota_places": programme.quota_places, "version": programme.version})
    today = timezone.localdate()
    return render(request, "education/programme.html", {
        "programme": programme, "place": programme.institution, "form": form,
        "intake_form": intake_form or (forms.IntakeForm() if keeper else None),
        "intakes": list(programme.intakes.order_by("starts_on")), "today": today,
        "next_intake": selectors.next_intake_of(programme.pk, today=today), "may_keep": keeper}, status=status)


@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _reader(request)
    programme = selectors.get_programme_for(request.user, pk)
    if request.method != "POST":
        return _programme_page(request, programme)
    _keeper(request)
    form = forms.ProgrammeEditForm(request.POST)
    if form.is_valid():
        data = {k: v for k, v in form.service_data.items() if k != "version"}
        ok, _r, form = run_service(
            form, lambda: services.programme_update(actor=request.user, programme=programme,
                                                    version=form.cleaned_data["version"], **data),
            on_error=keep_on_stale(form, lambda d: forms.ProgrammeEditForm(d)))
        if ok:
            messages.success(request, _("Uddannelsen er gemt."))
            return redirect("education:programme", programme.pk)
    return _programme_page(request, programme, form=form, status=400)


@require_http_methods(["GET", "POST"])
def programme_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _keeper(request)
    programme = selectors.get_programme_for(request.user, pk)
    form = forms.ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.programme_delete(actor=request.user, programme=programme))
        if ok:
            messages.success(request, _("Uddannelsen er slettet."))
            return redirect("education:detail", programme.institution_id)
    return render(request, "education/confirm_delete.html", {
        "form": form, "title": programme.name, "back": programme.institution,
        "text": _("Uddannelsen og dens optag forsvinder fra listen. Det kan ikke fortrydes.")})


@require_POST
def intake_add(request: HttpRequest, pk: int) -> HttpResponse:
    _keeper(request)
    programme = selectors.get_programme_for(request.user, pk)
    form = forms.IntakeForm(request.POST)
    if form.is_valid():
        ok, _r, form = run_service(form, lambda: services.intake_add(
            actor=request.user, programme=programme, **form.service_data))
        if ok:
            messages.success(request, _("Optaget er tilføjet."))
            return redirect("education:programme", programme.pk)
    return _programme_page(request, programme, intake_form=form, status=400)


@require_http_methods(["GET", "POST"])
def intake_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _keeper(request)
    intake = selectors.get_intake_for(request.user, pk)
    form = forms.ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.intake_delete(actor=request.user, intake=intake))
        if ok:
            messages.success(request, _("Optaget er slettet."))
            return redirect("education:programme", intake.programme_id)
    return render(request, "education/confirm_delete.html", {
        "form": form, "title": str(intake), "back_programme": intake.programme,
        "text": _("Optaget forsvinder fra uddannelsen. Det kan ikke fortrydes.")})


@require_http_methods(["GET", "POST"])
def place_import(request: HttpRequest) -> HttpResponse:
    _keeper(request)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = importer.places_import(actor=request.user, file_name=upload.name, data=upload.read(),
                                            dry_run=form.cleaned_data["dry_run"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        if result is not None and not result.errors and not result.dry_run:
            messages.success(request, _("Filen er indlæst."))
    status = 400 if form.errors or (result is not None and result.errors) else 200
    return render(request, "education/import.html", {"form": form, "result": result,
                                                     "columns": list(importer.COLUMNS)[:13]}, status=status)


@require_http_methods(["GET", "POST"])
def threshold_edit(request: HttpRequest) -> HttpResponse:
    if not may_set_threshold(request.user):
        raise PermissionDenied
    current = AttendanceSettings.objects.filter(municipality_id=request.user.municipality_id).first()
    initial = {"threshold_percent": services.threshold_for(request.user.municipality_id),
               "version": current.version if current else 1}
    form = forms.ThresholdForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.attendance_settings_update(
            actor=request.user, **form.cleaned_data), on_error=keep_on_stale(form, lambda d: forms.ThresholdForm(d)))
        if ok:
            messages.success(request, _("Tærsklen for fravær er gemt."))
            return redirect("education:threshold")
    return render(request, "education/threshold.html", {"form": form}, status=400 if form.is_bound else 200)
