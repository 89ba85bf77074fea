from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list
from ungeforlob.core.agenda import agenda_for
from ungeforlob.core.decorators import administrator_required, leader_required
from ungeforlob.core.forms import run_service
from ungeforlob.core.request_context import safe_next
from ungeforlob.policy import Action
from ungeforlob.transitions import selectors, services
from ungeforlob.transitions.forms import (
    FollowUpDoneForm,
    FollowUpMoveForm,
    FollowUpSkipForm,
    ProcedureCreateForm,
    ProcedureForm,
    StationEndForm,
    StationForm,
    StepCreateForm,
    StepForm,
    TransitionCancelForm,
    TransitionForm,
    TransitionMoveForm,
    service_data,
)
from ungeforlob.transitions.models import (
    FollowUp,
    Procedure,
    ProcedureStep,
    Station,
    StationEndReason,
    Transition,
)

TAB = "transitions:youth"
PAGE_SIZE = 50


def _back(request: HttpRequest, default: str) -> str:
    """Where to go after an action: a safe local `next`, else `default`."""
    return safe_next(request, default)


def _youth_page(youth_pk: int, anchor: str = "") -> str:
    return reverse(TAB, args=[youth_pk]) + (f"#{anchor}" if anchor else "")


# I dag -----------------------------------------------------------------------------------------------------

def today(request: HttpRequest) -> HttpResponse:
    """I dag: the contact person's follow-ups due today or overdue and every other agenda item, in one list."""
    day = timezone.localdate()
    items = agenda_for(request.user, today=day)
    upcoming = selectors.followups_upcoming(request.user, today=day)
    shown = sorted({i.youth_id for i in items if i.youth_id} | {f.youth_id for f in upcoming})
    audit_record_list(actor=request.user, purpose="I dag", youths=[
        SimpleNamespace(pk=pk, municipality_id=request.user.municipality_id) for pk in shown])
    return render(request, "transitions/today.html", {
        "items": items, "upcoming": upcoming, "today": day,
        "overdue_count": sum(1 for i in items if i.overdue),
        "done_form": FollowUpDoneForm(), "move_form": FollowUpMoveForm(), "skip_form": FollowUpSkipForm(),
    })


# A youth's transitions -------------------------------------------------------------------------------------

def youth_transitions(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="transitions")
    day = timezone.localdate()
    return render(request, "transitions/youth.html", {
        "youth": youth, "tab": TAB, "today": day, "can_edit": policy.can(request.user, Action.EDIT, youth),
        "data": selectors.youth_transitions(youth, today=day),
    })


@require_http_methods(["GET", "POST"])
def transition_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="transitions", action=Action.EDIT)
    procedures = selectors.procedures_in(youth.municipality_id).filter(is_active=True).prefetch_related("steps")
    current = selectors.current_station(list(selectors.live_stations(youth)), timezone.localdate())
    form = TransitionForm(request.POST or None, procedures=procedures, current=current)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, transition, form = run_service(form, lambda: services.transition_create(
            actor=request.user, youth=youth, kind=data["kind"], institution=data["institution"],
            date=data["date"], procedure=data["procedure"],
            previous_end_reason=data.get("previous_end_reason") or StationEndReason.SWITCHED,
        ))
        if ok:
            count = transition.followups.count()
            messages.success(request, ngettext("Overgangen er oprettet med %(n)s opfølgning.", "Overgangen er oprettet med %(n)s opfølgninger.",
                                      count) % {"n": count}
                             if transition.procedure_id else _("Overgangen er oprettet."))
            return redirect(_youth_page(youth.pk, f"overgang-{transition.pk}"))
    return render(request, "transitions/transition_form.html", {
        "youth": youth, "tab": TAB, "form": form, "procedures": procedures, "current": current})


def _transition(request: HttpRequest, youth: Any, pk: int) -> Transition:
    """One of the youth's transitions that is not cancelled, for someone who may edit the youth (else 404)."""
    live = Transition.objects.select_related("to_station", "procedure").filter(cancelled_at__isnull=True)
    return policy.access(live, user=request.user, youth=youth, pk=pk, action=Action.EDIT)


@require_http_methods(["GET", "POST"])
def transition_move(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="transitions", action=Action.EDIT)
    transition = _transition(request, youth, pk)
    form = TransitionMoveForm(request.POST or None, initial={"date": transition.date})
    if request.method == "POST" and form.is_valid():
        ok, _moved, form = run_service(form, lambda: services.transition_move(
            actor=request.user, transition=transition, date=form.cleaned_data["date"]))
        if ok:
            messages.success(request, _("Startdatoen er flyttet, og opfølgningerne er flyttet med."))
            return redirect(_youth_page(youth.pk, f"overgang-{transition.pk}"))
    return render(request, "transitions/transition_move.html", {
        "youth": youth, "tab": TAB, "form": form, "transition": transition})


@require_http_methods(["GET", "POST"])
def transition_cancel(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="transitions", action=Action.EDIT)
    transition = _transition(request, youth, pk)
    form = TransitionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _cancelled, form = run_service(form, lambda: services.transition_cancel(
            actor=request.user, transition=transition, reason=form.cleaned_data["reason"]))
        if ok:
            messages.success(request, _("Overgangen er aflyst, og dens opfølgninger er aflyst."))
            return redirect(_youth_page(youth.pk))
    open_count = transition.followups.filter(status="aaben").count()
    return render(request, "transitions/transition_cancel.html", {
        "youth": youth, "tab": TAB, "form": form, "transition": transition, "open_count": open_count})


# Stations --------------------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def station_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="transitions", action=Action.EDIT)
    form = StationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _station, form = run_service(form, lambda: services.station_create(
            actor=request.user, youth=youth, **service_data(form)))
        if ok:
            messages.success(request, _("Stationen er tilføjet."))
            return redirect(_youth_page(youth.pk, "vejen"))
    return render(request, "transitions/station_form.html", {"youth": youth, "tab": TAB, "form": form})


def _station(request: HttpRequest, youth: Any, pk: int) -> Station:
    """One station on the youth's path, for someone who may edit the youth (else 404)."""
    return policy.access(selectors.live_stations(youth), user=request.user, youth=youth, pk=pk, action=Action.EDIT)


@require_http_methods(["GET", "POST"])
def station_end(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="transitions", action=Action.EDIT)
    station = _station(request, youth, pk)
    if station.end_date is not None:
        raise Http404
    form = StationEndForm(request.POST or None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ok, _ended, form = run_service(form, lambda: services.station_end(
            actor=request.user, station=station, **form.cleaned_data))
        if ok:
            messages.success(request, _("Stationen er afsluttet."))
            return redirect(_youth_page(youth.pk, "vejen"))
    return render(request, "transitions/station_end.html", {
        "youth": youth, "tab": TAB, "form": form, "station": station})


@require_http_methods(["GET", "POST"])
def station_delete(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="transitions", action=Action.EDIT)
    station = _station(request, youth, pk)
    error = ""
    if request.method == "POST":
        try:
            services.station_delete(actor=request.user, station=station)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Stationen er slettet."))
            return redirect(_youth_page(youth.pk, "vejen"))
    return render(request, "transitions/station_delete.html", {
        "youth": youth, "tab": TAB, "station": station, "error": error}, status=400 if error else 200)


# Follow-ups ------------------------------------------------------------------------------------------------

def _followup(request: HttpRequest, youth_pk: int, pk: int) -> tuple[Any, FollowUp]:
    """The youth and one of their follow-ups the user may act on (an editing role, or the responsible role)."""
    youth = policy.get_youth_for(request.user, youth_pk, what="followup", action=Action.ACT_ON_FOLLOWUP)
    live: QuerySet[FollowUp] = FollowUp.objects.select_related("transition__to_station").filter(
        transition__cancelled_at__isnull=True)
    return youth, policy.access(live, user=request.user, youth=youth, pk=pk, action=Action.ACT_ON_FOLLOWUP)


def _followup_write(request: HttpRequest, followup: FollowUp, verb: str, data: dict[str, Any]) -> str:
    """Run the follow-up's write for `verb`; return the success message."""
    if verb == "done":
        services.followup_complete(actor=request.user, followup=followup, note=data["note"])
        return _("%(title)s er markeret som udført.") % {"title": followup.title}
    if verb == "move":
        services.followup_move(actor=request.user, followup=followup, due_date=data["due_date"])
        return _("%(title)s er flyttet.") % {"title": followup.title}
    services.followup_skip(actor=request.user, followup=followup, reason=data["reason"])
    return _("%(title)s er sprunget over.") % {"title": followup.title}


def _followup_action(request: HttpRequest, youth_pk: int, pk: int, *, form_class: type, verb: str) -> HttpResponse:
    youth, followup = _followup(request, youth_pk, pk)
    form = form_class(request.POST or None, initial={"due_date": followup.due_date})
    if request.method == "POST" and form.is_valid():
        ok, message, form = run_service(form, lambda: _followup_write(request, followup, verb, form.cleaned_data))
        if ok:
            messages.success(request, message)
            return redirect(_back(request, _youth_page(youth.pk, f"overgang-{followup.transition_id}")))
    # The context names the step `verb`, not `action`: the footer's language form reads `action` as its target.
    return render(request, "transitions/followup_action.html", {
        "youth": youth, "tab": TAB, "form": form, "followup": followup, "verb": verb,
        "next": _back(request, ""),
    })


@require_http_methods(["GET", "POST"])
def followup_done(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    return _followup_action(request, youth_pk, pk, form_class=FollowUpDoneForm, verb="done")


@require_http_methods(["GET", "POST"])
def followup_move(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    return _followup_action(request, youth_pk, pk, form_class=FollowUpMoveForm, verb="move")


@require_http_methods(["GET", "POST"])
def followup_skip(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    return _followup_action(request, youth_pk, pk, form_class=FollowUpSkipForm, verb="skip")


# Procedures (administrators) -------------------------------------------------------------------------------

PROCEDURE_SORTS = {"navn": ["name"], "-navn": ["-name"], "trin": ["step_count", "name"],
                   "-trin": ["-step_count", "name"]}


def _procedure(request: HttpRequest, pk: int) -> Procedure:
    return get_object_or_404(Procedure, pk=pk, municipality_id=request.user.municipality_id)


@administrator_required
def procedure_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    if sort not in PROCEDURE_SORTS:
        sort = "navn"
    qs = selectors.procedures_for_admin(request.user.municipality_id, q=q).order_by(*PROCEDURE_SORTS[sort], "pk")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "transitions/procedure_list.html", {"page": page, "q": q, "sort": sort})


@administrator_required
@require_POST
def procedure_defaults(request: HttpRequest) -> HttpResponse:
    made = services.procedure_defaults_install(actor=request.user)
    if made:
        messages.success(request, ngettext("%(n)s standardprocedure er oprettet.", "%(n)s standardprocedurer er oprettet.", len(made))
                         % {"n": len(made)})
    else:
        messages.info(request, _("Standardprocedurerne findes allerede."))
    return redirect("transitions:procedure_list")


@administrator_required
@require_http_methods(["GET", "POST"])
def procedure_create(request: HttpRequest) -> HttpResponse:
    form = ProcedureCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, procedure, form = run_service(form, lambda: services.procedure_create(
            actor=request.user, **service_data(form)))
        if ok:
            messages.success(request, _("Proceduren er oprettet. Tilføj nu dens trin."))
            return redirect("transitions:procedure_edit", procedure.pk)
    return render(request, "transitions/procedure_form.html", {"form": form})


@administrator_required
@require_http_methods(["GET", "POST"])
def procedure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    procedure = _procedure(request, pk)
    initial = {f: getattr(procedure, f) for f in ("name", "description", "is_active", "is_default")}
    form = ProcedureForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _saved, form = run_service(form, lambda: services.procedure_update(
            actor=request.user, procedure=procedure, **form.cleaned_data))
        if ok:
            messages.success(request, _("Proceduren er gemt."))
            return redirect("transitions:procedure_edit", procedure.pk)
    return render(request, "transitions/procedure_form.html", {
        "form": form, "procedure": procedure, "steps": list(procedure.steps.all()),
        "used": procedure.transitions.count()})


@administrator_required
@require_http_methods(["GET", "POST"])
def procedure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    procedure = _procedure(request, pk)
    error = ""
    if request.method == "POST":
        try:
            services.procedure_delete(actor=request.user, procedure=procedure)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Proceduren er slettet."))
            return redirect("transitions:procedure_list")
    return render(request, "transitions/procedure_delete.html", {"procedure": procedure, "error": error},
                  status=400 if error else 200)


def _step_initial(step: ProcedureStep) -> dict[str, Any]:
    fields = ("title", "kind", "offset_days", "working_days", "at_time", "responsible_role", "description",
              "sms_template", "repeat_every_days", "repeat_until_days")
    return {f: getattr(step, f) for f in fields}


@administrator_required
@require_http_methods(["GET", "POST"])
def step_create(request: HttpRequest, pk: int) -> HttpResponse:
    procedure = _procedure(request, pk)
    form = StepCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _step, form = run_service(form, lambda: services.step_create(
            actor=request.user, procedure=procedure, **service_data(form)))
        if ok:
            messages.success(request, _("Trinnet er tilføjet."))
            return redirect("transitions:procedure_edit", procedure.pk)
    return render(request, "transitions/step_form.html", {"form": form, "procedure": procedure})


@administrator_required
@require_http_methods(["GET", "POST"])
def step_edit(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    procedure = _procedure(request, pk)
    step = get_object_or_404(procedure.steps, pk=step_pk)
    form = StepForm(request.POST or None, initial=_step_initial(step))
    if request.method == "POST" and form.is_valid():
        ok, _step, form = run_service(form, lambda: services.step_update(
            actor=request.user, step=step, **form.cleaned_data))
        if ok:
            messages.success(request, _("Trinnet er gemt."))
            return redirect("transitions:procedure_edit", procedure.pk)
    return render(request, "transitions/step_form.html", {"form": form, "procedure": procedure, "step": step})


@administrator_required
@require_http_methods(["GET", "POST"])
def step_delete(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    procedure = _procedure(request, pk)
    step = get_object_or_404(procedure.steps, pk=step_pk)
    if request.method == "POST":
        services.step_delete(actor=request.user, step=step)
        messages.success(request, _("Trinnet er slettet."))
        return redirect("transitions:procedure_edit", procedure.pk)
    return render(request, "transitions/step_delete.html", {"procedure": procedure, "step": step})


# Leaders ---------------------------------------------------------------------------------------------------

@leader_required
def leader_overview(request: HttpRequest) -> HttpResponse:
    """Retention and compliance per procedure: counts and shares, never a name."""
    day = timezone.localdate()
    municipality_id = request.user.municipality_id
    procedures = list(selectors.procedures_in(municipality_id).order_by("name"))
    chosen = next((p for p in procedures if str(p.pk) == request.GET.get("procedure", "")), None)
    # An unknown period (a hand-edited address) falls back to the first: the page never refuses a figure.
    period = next((m for m in selectors.COMPLIANCE_PERIODS if str(m) == request.GET.get("periode", "")),
                  selectors.COMPLIANCE_PERIODS[0])
    since = selectors.compliance_since(day, period)
    return render(request, "transitions/leader.html", {
        "retention": selectors.retention(municipality_id, today=day),
        "compliance": selectors.compliance(municipality_id, today=day, procedure_id=chosen.pk if chosen else None,
                                           since=since),
        "procedures": procedures, "chosen": chosen, "months": selectors.RETENTION_MONTHS,
        "periods": selectors.COMPLIANCE_PERIODS, "period": period, "since": since,
        "min_group": selectors.MIN_GROUP, "today": day,
    })
