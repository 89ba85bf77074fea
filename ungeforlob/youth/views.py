from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list, audit_search
from ungeforlob.chain.selectors import valid_consents
from ungeforlob.core.forms import run_service
from ungeforlob.core.prepared import ahead
from ungeforlob.logins.sessions import reauth_required
from ungeforlob.policy import Action
from ungeforlob.vocabulary.selectors import explanations_read
from ungeforlob.youth import access_requests, selectors, services
from ungeforlob.youth.forms import (
    AccessDecisionForm,
    CourseEndForm,
    GuardianForm,
    RevealCprForm,
    YouthCreateForm,
    YouthForm,
)
from ungeforlob.youth.models import AccessRequest, Guardian
from ungeforlob.youth.sections import overview_cards, overview_reads
from ungeforlob.youth.timeline import page_number, timeline_page

PAGE_SIZE = 50


def caseload(request: HttpRequest) -> HttpResponse:
    """Mine unge: the contact person's caseload, searchable and sortable. The data protection officer holds no
    caseload: they are sent to the log review."""
    if policy.is_dpo(request.user):
        return redirect("logreview:index")
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    if sort not in selectors.CASELOAD_SORTS:
        sort = "navn"
    scope = request.GET.get("vis", "kontaktperson")
    if scope not in {"kontaktperson", "kaede"}:
        scope = "kontaktperson"
    qs = selectors.caseload_for(request.user, scope=scope, q=q, sort=sort)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("side"))
    page.object_list = selectors.caseload_rows(page.object_list)
    audit_search(actor=request.user, terms=q, object_type="caseload")
    audit_record_list(actor=request.user, youths=page.object_list, purpose="Mine unge")
    template = "youth/_caseload_table.html" if request.htmx else "youth/caseload.html"
    return render(request, template, {"page": page, "q": q, "sort": sort, "scope": scope,
                                      "sorts": selectors.CASELOAD_SORTS})


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
def youth_create(request: HttpRequest) -> HttpResponse:
    """Register a young person; a CPR number already registered becomes a request to their contact person
    (see `youth.access_requests`). Leaders and administrators see no persons, so they register none; nor does
    the data protection officer, who sees the log, not the records."""
    if request.user.municipality_id is None or policy.is_leader(request.user) or policy.is_dpo(request.user):
        raise Http404
    form = YouthCreateForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, done, form = run_service(form, lambda: access_requests.youth_register(
            actor=request.user, first_name=d["first_name"], last_name=d["last_name"],
            preferred_name=d["preferred_name"], cpr_number=d["cpr"], mobile=d["mobile"], email=d["email"],
            course_start=d["course_start"], language=d["language"], reason=d["reason"]))
        if ok and done.created:
            messages.success(request, _("%(name)s er oprettet, og du er kontaktperson.") % {"name": done.youth.full_name})
            return redirect(done.youth)
        if ok and done.youth is not None:
            messages.info(request, _("Den unge er allerede i Ungeindsatsen, og du er med i den unges kæde."))
            return redirect(done.youth)
        if ok:
            messages.info(request, _("Den unge findes allerede. Vi har bedt den unges kontaktperson om at tage "
                                     "stilling til, om du skal med i kæden."))
            return redirect("youth:caseload")
    return render(request, "youth/youth_create.html", {"form": form})


def youth_detail(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="overview")
    context = {"youth": youth, "can_edit": policy.can(request.user, Action.EDIT, youth), "tab": "youth:detail"}
    today = timezone.localdate()
    # Her circle, guardians, what the cards ask first and the glossary her chain's roles are explained by go to
    # the database together (one round trip).
    with ahead(selectors.youth_overview_reads(youth, today=today) + overview_reads(youth, today=today)
               + explanations_read(request.user.municipality_id)):
        context.update(selectors.youth_overview(youth, today=today))
        context["overview_cards"] = overview_cards(youth, today=today)
        context["reveal_form"] = RevealCprForm()
        return render(request, "youth/youth_detail.html", context)  # the labels' glossary is read in the template


@require_http_methods(["GET", "POST"])
def youth_edit(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="record", for_edit=True)
    initial = {f: getattr(youth, f) for f in ["first_name", "last_name", "preferred_name", "mobile", "email",
                                              "language"]}
    form = YouthForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _youth, form = run_service(form, lambda: services.youth_update(
            actor=request.user, youth=youth, **form.cleaned_data))
        if ok:
            messages.success(request, _("Oplysningerne er gemt."))
            return redirect(youth)
    return render(request, "youth/youth_edit.html", {"youth": youth, "form": form, "tab": "youth:detail"})


@require_http_methods(["POST"])
@reauth_required
def youth_reveal_cpr(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="cpr", audit=False)
    form = RevealCprForm(request.POST)
    number = None
    if form.is_valid():
        _ok, number, form = run_service(form, lambda: services.youth_reveal_cpr(
            actor=request.user, youth=youth, purpose=form.cleaned_data["purpose"]))
    return render(request, "youth/_cpr.html", {"youth": youth, "reveal_form": form, "cpr_number": number},
                  status=200 if number else 400)


@require_http_methods(["GET", "POST"])
def guardian_add(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="guardians", for_edit=True)
    form = GuardianForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, _guardian, form = run_service(form, lambda: services.guardian_add(
            actor=request.user, youth=youth, guardian=form.save(commit=False)))
        if ok:
            messages.success(request, _("Kontakten er tilføjet."))
            return redirect(youth)
    return render(request, "youth/guardian_form.html", {"youth": youth, "form": form, "tab": "youth:detail"})


@require_http_methods(["GET", "POST"])
def guardian_delete(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="guardians", for_edit=True)
    guardian = policy.access(Guardian, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
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
    form = CourseEndForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, _course, form = run_service(form, lambda: services.course_end(
            actor=request.user, course=course, **form.cleaned_data))
        if ok:
            messages.success(request, _("Forløbet er afsluttet."))
            return redirect(youth)
    return render(request, "youth/course_end.html", {"youth": youth, "course": course, "form": form,
                                                      "tab": "youth:detail"})


def youth_timeline(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Newest first, a page at a time; "Vis ældre" adds the next page below (htmx) or opens it."""
    youth = policy.get_youth_for(request.user, youth_pk, what="timeline")
    page = timeline_page(youth, number=page_number(request.GET.get("side")))
    template = "youth/_timeline_entries.html" if request.htmx else "youth/timeline.html"
    return render(request, template, {"youth": youth, "page": page, "tab": "youth:timeline"})


@require_http_methods(["GET", "POST"])
def access_request(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """The contact person answers a request to join the circle: yes with a role (and grounds), or no."""
    youth = policy.get_youth_for(request.user, youth_pk, what="access_request", action=Action.CONTACT_PERSON)
    asked = policy.access(AccessRequest.objects.select_related("asker__organisation", "decided_by"),
                          user=request.user, youth=youth, pk=pk, action=Action.CONTACT_PERSON)
    form = AccessDecisionForm(_posted(request), consents=valid_consents(youth))
    if request.method == "POST" and asked.is_open and form.is_valid():
        d = form.cleaned_data
        if d["decision"] == "ja":
            ok, _done, form = run_service(form, lambda: access_requests.access_request_accept(
                actor=request.user, request=asked, role=d["role"], consent=d["consent"],
                legal_basis=d["legal_basis"], legal_basis_note=d["legal_basis_note"], note=d["note"]))
            done = _("%(name)s er kommet med i kæden.") % {"name": asked.asker.get_full_name()}
        else:
            ok, _done, form = run_service(form, lambda: access_requests.access_request_decline(
                actor=request.user, request=asked, note=d["note"]))
            done = _("Anmodningen er afvist. Personen får besked uden den unges navn.")
        if ok:
            messages.success(request, done)
            return redirect("youth:access_request", youth.pk, asked.pk)
    return render(request, "youth/access_request.html", {"youth": youth, "asked": asked, "form": form,
                                                         "tab": "youth:detail"})
