"""A young person's stations with their education place and attendance; the prompt when absence is high.

Every page reaches the young person through `policy.get_youth_for` (404 when not visible; it writes the audit
row). Recording attendance and pointing a station at a place need the right to edit the record
(`Action.EDIT`); answering a prompt is the contact person's (`Action.CONTACT_PERSON`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.core.forms import run_service
from ungeforlob.education import forms, selectors, services
from ungeforlob.policy import Action

TAB = "transitions:youth"


def youth_education(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="education")
    today = timezone.localdate()
    return render(request, "education/youth.html", {
        "youth": youth, "tab": TAB, "stations": selectors.youth_stations(youth, today=today), "today": today,
        "may_edit": policy.can(request.user, Action.EDIT, youth),
        "is_contact": policy.can(request.user, Action.CONTACT_PERSON, youth)})


@require_http_methods(["GET", "POST"])
def station_place(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="education", for_edit=True)
    station = selectors.get_station_of(youth, pk)
    today = timezone.localdate()
    programmes = selectors.programme_choices(request.user, today=today)
    current = getattr(getattr(station, "education_place", None), "programme_id", None)
    form = forms.StationPlaceForm(request.POST or None, programmes=programmes, initial={"programme": current})
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.station_place_set(
            actor=request.user, station=station, programme=form.cleaned_data["programme"]))
        if ok:
            messages.success(request, _("Stationens uddannelsessted er gemt."))
            return redirect("education:youth", youth.pk)
    return render(request, "education/station_place.html", {"youth": youth, "tab": TAB, "station": station,
                                                             "form": form}, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "POST"])
def attendance_create(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="attendance", for_edit=True)
    station = selectors.get_station_of(youth, pk)
    form = forms.AttendanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, record, form = run_service(form, lambda: services.attendance_record(
            actor=request.user, station=station, **form.service_data))
        if ok:
            if record.is_prompt_open:
                messages.warning(request, _("Fraværet er over kommunens tærskel på %(n)s %%. Kontaktpersonen bliver "
                                            "bedt om at rejse eller besvare en bekymring.") % {
                    "n": record.threshold_percent})
            else:
                messages.success(request, _("Fraværet er registreret."))
            return redirect("education:youth", youth.pk)
    return render(request, "education/attendance_form.html", {"youth": youth, "tab": TAB, "station": station,
                                                               "form": form}, status=400 if form.is_bound else 200)


def _prompt_page(request: HttpRequest, youth: Any, record: Any, *, answer_form: Any = None,
                 concern_form: Any = None, status: int = 200) -> HttpResponse:
    is_contact = policy.can(request.user, Action.CONTACT_PERSON, youth)
    if is_contact and record.is_prompt_open:
        answer_form = answer_form or forms.PromptAnswerForm()
        concern_form = concern_form or forms.PromptConcernForm(initial={"description": _(
            "Fravær på %(station)s i %(week)s: %(n)s %% (kommunens tærskel er %(t)s %%).") % {
            "station": record.station, "week": record.week_label, "n": record.absence_percent,
            "t": record.threshold_percent}})
    return render(request, "education/prompt.html", {
        "youth": youth, "tab": TAB, "record": record, "is_contact": is_contact, "answer_form": answer_form,
        "concern_form": concern_form}, status=status)


def prompt(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="attendance")
    return _prompt_page(request, youth, selectors.get_record_of(youth, pk))


@require_POST
def prompt_answer(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="attendance", action=Action.CONTACT_PERSON)
    record = selectors.get_record_of(youth, pk)
    form = forms.PromptAnswerForm(request.POST)
    if form.is_valid():
        ok, _r, form = run_service(form, lambda: services.attendance_answer(
            actor=request.user, record=record, answer=form.cleaned_data["answer"]))
        if ok:
            messages.success(request, _("Dit svar er gemt."))
            return redirect("education:youth", youth.pk)
    return _prompt_page(request, youth, record, answer_form=form, status=400)


@require_POST
def prompt_concern(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="attendance", action=Action.CONTACT_PERSON)
    record = selectors.get_record_of(youth, pk)
    form = forms.PromptConcernForm(request.POST)
    if form.is_valid():
        ok, concern, form = run_service(form, lambda: services.attendance_concern_raise(
            actor=request.user, record=record, **form.service_data))
        if ok:
            messages.success(request, _("Bekymringen er rejst."))
            return redirect("chain:concern_detail", concern.pk)
    return _prompt_page(request, youth, record, concern_form=form, status=400)


def deadlines(request: HttpRequest) -> HttpResponse:
    """Ansøgningsfrister: the coming deadlines of the places the user's young people are heading for."""
    today = timezone.localdate()
    rows = selectors.deadlines_for(request.user, today=today)
    if rows:
        from ungeforlob.audit.services import audit_record_list
        from ungeforlob.youth.models import Youth

        audit_record_list(actor=request.user, youths=Youth.objects.filter(pk__in={r.youth_id for r in rows}).only(
            "pk", "municipality_id"), purpose="ansøgningsfrister")
    return render(request, "education/deadlines.html", {"rows": rows, "today": today,
                                                        "days": selectors.DEADLINE_DAYS})
