from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record, audit_record_list
from ungeforlob.core.forms import apply_validation_error
from ungeforlob.youth import selectors, services
from ungeforlob.youth.forms import CourseEndForm, GuardianForm, RevealCprForm, YouthCreateForm, YouthForm
from ungeforlob.youth.sections import overview_cards
from ungeforlob.youth.timeline import timeline_for

PAGE_SIZE = 50


def caseload(request: HttpRequest) -> HttpResponse:
    """Mine unge: the contact person's caseload, searchable and sortable."""
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    if sort not in selectors.CASELOAD_SORTS:
        sort = "navn"
    scope = request.GET.get("vis", "kontaktperson")
    if scope not in {"kontaktperson", "kaede"}:
        scope = "kontaktperson"
    qs = selectors.caseload_for(request.user, scope=scope, q=q, sort=sort)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("side"))
    if q:
        # The search terms are logged; a CPR number typed as a search term is logged masked.
        logged = "CPR-søgning" if selectors._CPR_QUERY.match(q) else q
        audit_record(actor=request.user, action=AuditAction.SEARCH, object_type="caseload", detail={"q": logged})
    audit_record_list(actor=request.user, youths=page.object_list, purpose="Mine unge")
    template = "youth/_caseload_table.html" if request.htmx else "youth/caseload.html"
    return render(request, template, {"page": page, "q": q, "sort": sort, "scope": scope,
                                      "sorts": selectors.CASELOAD_SORTS})


@require_http_methods(["GET", "POST"])
def youth_create(request: HttpRequest) -> HttpResponse:
    if request.user.municipality_id is None or policy.is_administrator(request.user):
        raise Http404
    form = YouthCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            youth = services.youth_create(
                actor=request.user,
                first_name=data["first_name"],
                last_name=data["last_name"],
                preferred_name=data["preferred_name"],
                cpr_number=data["cpr"],
                mobile=data["mobile"],
                email=data["email"],
                course_start=data["course_start"],
                language=data["language"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(name)s er oprettet, og du er kontaktperson.") % {"name": youth.full_name})
            return redirect(youth)
    return render(request, "youth/youth_create.html", {"form": form})


def youth_detail(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="overview")
    context = {"youth": youth, "can_edit": policy.can_edit_youth(request.user, youth), "tab": "youth:detail"}
    context.update(selectors.youth_overview(youth))
    context["overview_cards"] = overview_cards(youth, today=timezone.localdate())
    context["reveal_form"] = RevealCprForm()
    return render(request, "youth/youth_detail.html", context)


@require_http_methods(["GET", "POST"])
def youth_edit(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="record", for_edit=True)
    initial = {f: getattr(youth, f) for f in ["first_name", "last_name", "preferred_name", "mobile", "email",
                                              "language"]}
    form = YouthForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.youth_update(actor=request.user, youth=youth, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Oplysningerne er gemt."))
            return redirect(youth)
    return render(request, "youth/youth_edit.html", {"youth": youth, "form": form, "tab": "youth:detail"})


@require_http_methods(["POST"])
def youth_reveal_cpr(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="cpr", audit=False)
    form = RevealCprForm(request.POST)
    number = None
    if form.is_valid():
        try:
            number = services.youth_reveal_cpr(actor=request.user, youth=youth, purpose=form.cleaned_data["purpose"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
    return render(request, "youth/_cpr.html", {"youth": youth, "reveal_form": form, "cpr_number": number},
                  status=200 if number else 400)


@require_http_methods(["GET", "POST"])
def guardian_add(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="guardians", for_edit=True)
    form = GuardianForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.guardian_add(actor=request.user, youth=youth, guardian=form.save(commit=False))
        messages.success(request, _("Kontakten er tilføjet."))
        return redirect(youth)
    return render(request, "youth/guardian_form.html", {"youth": youth, "form": form, "tab": "youth:detail"})


@require_http_methods(["GET", "POST"])
def guardian_delete(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="guardians", for_edit=True)
    guardian = get_object_or_404(youth.guardians, pk=pk)
    if request.method == "POST":
        services.guardian_remove(actor=request.user, youth=youth, guardian=guardian)
        messages.success(request, _("%(name)s er fjernet fra kontakterne.") % {"name": guardian.name})
        return redirect(youth)
    return render(request, "youth/guardian_delete.html", {"youth": youth, "guardian": guardian, "tab": "youth:detail"})


@require_http_methods(["GET", "POST"])
def course_end(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="course", for_edit=True)
    course = youth.courses.filter(end_date__isnull=True).first()
    if course is None:
        raise Http404
    form = CourseEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.course_end(actor=request.user, course=course, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Forløbet er afsluttet."))
            return redirect(youth)
    return render(request, "youth/course_end.html", {"youth": youth, "course": course, "form": form,
                                                      "tab": "youth:detail"})


def youth_timeline(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="timeline")
    return render(request, "youth/timeline.html", {"youth": youth, "entries": timeline_for(youth),
                                                   "tab": "youth:timeline"})
