"""Progression pages for staff in the young person's circle: the step chart, team assessments and their
corrections, the youth's own placement, the plain-language view, and the contact person's reassessments."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list, audit_search
from ungeforlob.core.forms import run_service
from ungeforlob.policy import Action
from ungeforlob.progression import selectors, services
from ungeforlob.progression.forms import CorrectionForm, NewAssessmentForm, PlacementForm, UpvForm
from ungeforlob.progression.models import Assessment, IndicatorSet

TAB = "progression:overview"
WRITE = Action.WRITE_PROGRESSION


def _may_write(request: HttpRequest, youth: Any) -> bool:
    return policy.can(request.user, WRITE, youth)


def _assessment(request: HttpRequest, youth: Any, pk: int, *, action: Action = Action.VIEW) -> Assessment:
    """One of the youth's assessments (404 for another youth's, or when `action` is not allowed)."""
    return policy.access(Assessment.objects.select_related("youth__municipality"), user=request.user, youth=youth,
                         pk=pk, action=action)


def overview(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """The step chart of levels over time, the data behind it, and every assessment."""
    youth = policy.get_youth_for(request.user, youth_pk, what="progression")
    context: dict[str, Any] = selectors.progression_for(youth, today=timezone.localdate())
    context.update(youth=youth, tab=TAB, subtab="trappen", can_write=_may_write(request, youth),
                   upv=youth.education_readiness.select_related(None).first())
    return render(request, "progression/overview.html", context)


def _form_kwargs(youth: Any, indicator_set: IndicatorSet) -> dict[str, Any]:
    return {"indicator_groups": selectors.indicators_by_level(indicator_set),
            "participant_choices": selectors.circle_professionals(youth)}


@require_http_methods(["GET", "POST"])
def assessment_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="progression", action=WRITE)
    indicator_set = services.indicator_set_current(municipality=youth.municipality, actor=request.user)
    initial = {"assessed_on": timezone.localdate(), "participants": [str(request.user.pk)]}
    form = NewAssessmentForm(request.POST or None, initial=initial, **_form_kwargs(youth, indicator_set))
    if request.method == "POST" and form.is_valid():
        if request.POST.get("indicator_set_version") != str(indicator_set.version):
            form.add_error(None, _("Kommunens indikatorer er blevet ændret, mens du skrev. Tjek dine valg, og gem igen."))
        else:
            ok, _made, form = run_service(form, lambda: services.assessment_create(
                actor=request.user, youth=youth, indicator_set=indicator_set, **form.service_kwargs()))
            if ok:
                messages.success(request, _("Vurderingen er gemt."))
                return redirect("progression:overview", youth.pk)
    return render(request, "progression/assessment_form.html",
                  {"youth": youth, "form": form, "indicator_set": indicator_set, "tab": TAB, "subtab": "trappen"})


def assessment_detail(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """An assessment with every version: what was changed, by whom and why."""
    youth = policy.get_youth_for(request.user, youth_pk, what="progression")
    assessment = _assessment(request, youth, pk)
    return render(request, "progression/assessment_detail.html", {
        "youth": youth, "assessment": assessment, "versions": selectors.assessment_history(assessment),
        "can_write": _may_write(request, youth), "tab": TAB, "subtab": "trappen",
    })


@require_http_methods(["GET", "POST"])
def assessment_correct(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="progression", action=WRITE)
    assessment = _assessment(request, youth, pk, action=WRITE)
    current = selectors.assessment_history(assessment)[0]
    initial: dict[str, Any] = {
        "assessed_on": current.assessed_on, "level": current.level, "overlap_level": current.overlap_level,
        "rationale": current.rationale, "youth_took_part": current.youth_took_part,
        "other_participants": current.other_participants, "based_on_version": current.version,
        "participants": [str(u.pk) for u in current.participants.all()],
    }
    for obs in current.observations.all():
        initial[f"ind_{obs.indicator_id}"] = True
        initial[f"evidence_{obs.indicator_id}"] = obs.evidence
    form = CorrectionForm(request.POST or None, initial=initial, **_form_kwargs(youth, current.indicator_set))
    if request.method == "POST" and form.is_valid():
        ok, _version, form = run_service(form, lambda: services.assessment_correct(
            actor=request.user, assessment=assessment, **form.service_kwargs()))
        if ok:
            messages.success(request, _("Vurderingen er rettet. Den tidligere version er bevaret."))
            return redirect("progression:assessment_detail", youth.pk, assessment.pk)
    return render(request, "progression/assessment_form.html", {
        "youth": youth, "form": form, "indicator_set": current.indicator_set, "assessment": assessment,
        "current": current, "tab": TAB, "subtab": "trappen",
    })


@require_http_methods(["GET", "POST"])
def placement_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Record where the young person sees themselves, outside a team assessment."""
    youth = policy.get_youth_for(request.user, youth_pk, what="progression", action=WRITE)
    form = PlacementForm(request.POST or None, initial={"placed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ok, _placement, form = run_service(form, lambda: services.youth_placement_record(
            youth=youth, actor=request.user, **form.service_kwargs()))
        if ok:
            messages.success(request, _("Den unges egen placering er gemt."))
            return redirect("progression:overview", youth.pk)
    return render(request, "progression/placement_form.html", {"youth": youth, "form": form, "tab": TAB, "subtab": "trappen"})


@require_http_methods(["GET", "POST"])
def upv_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Record a formal uddannelsesparathedsvurdering (UPV): beside the level on the step chart, not a level."""
    youth = policy.get_youth_for(request.user, youth_pk, what="progression", action=WRITE)
    form = UpvForm(request.POST or None, initial={"assessed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ok, _upv, form = run_service(form, lambda: services.upv_record(
            youth=youth, actor=request.user, **form.service_kwargs()))
        if ok:
            messages.success(request, _("Uddannelsesparathedsvurderingen er gemt ved siden af niveauet."))
            return redirect("progression:overview", youth.pk)
    return render(request, "progression/upv_form.html", {"youth": youth, "form": form, "tab": TAB, "subtab": "trappen"})


def journey(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """The plain-language version the young person sees ("her er du på vej"), to look at together."""
    youth = policy.get_youth_for(request.user, youth_pk, what="progression")
    return render(request, "progression/journey.html",
                  {"youth": youth, "journey": selectors.youth_journey(youth), "tab": TAB, "subtab": "vej"})


def reassessments(request: HttpRequest) -> HttpResponse:
    """Revurderinger: due and overdue reassessments for the young people the user is contact person for."""
    if policy.is_administrator(request.user):
        raise Http404
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "forfald")
    if sort not in selectors.REASSESSMENT_SORTS:
        sort = "forfald"
    rows = selectors.reassessments_due_for(request.user, today=timezone.localdate(), q=q, sort=sort)
    audit_search(actor=request.user, terms=q, object_type="reassessments", purpose="Revurderinger")
    audit_record_list(actor=request.user, purpose="Revurderinger", youths=[
        SimpleNamespace(pk=r.youth_id, municipality_id=request.user.municipality_id) for r in rows])
    return render(request, "progression/reassessments.html", {
        "rows": rows, "q": q, "sort": sort, "overdue": sum(1 for r in rows if r.overdue),
    })

