from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list, audit_search
from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.forms import apply_validation_error, run_service
from ungeforlob.emergency import banner, rules, selectors, services
from ungeforlob.emergency.forms import ReviewForm, SearchForm, SettingsForm, StartForm
from ungeforlob.emergency.models import Review


@administrator_required
@require_http_methods(["GET", "POST"])
def settings_edit(request: HttpRequest) -> HttpResponse:
    """The municipality turns emergency access on and chooses who may use it."""
    current = rules.settings_for(request.user.municipality_id)
    initial = {"enabled": bool(current and current.enabled), "sectors": current.sectors if current else []}
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _row, form = run_service(form, lambda: services.emergency_settings_save(
            actor=request.user, **form.cleaned_data))
        if ok:
            messages.success(request, _("Indstillingerne for nødadgang er gemt."))
            return redirect("emergency:settings")
    return render(request, "emergency/settings.html", {"form": form})


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "emergency/not_available.html", status=403)


def search(request: HttpRequest) -> HttpResponse:
    """Find a young person outside one's circles by CPR number or name: a minimal match only."""
    if not rules.may_break_glass(request.user):
        return _refused(request)
    form = SearchForm(request.GET or None)
    matches, more, q = [], False, ""
    if form.is_valid():
        q = form.cleaned_data["q"]
        matches, more = selectors.search(request.user, q)
        audit_search(actor=request.user, terms=q, object_type="emergency_search", purpose=_("Nødadgang: søgning"))
        audit_record_list(actor=request.user, youths=[m["youth"] for m in matches],
                          purpose=_("Nødadgang: søgning"))
    return render(request, "emergency/search.html", {
        "form": form, "q": q, "matches": matches, "more": more, "own": selectors.own_accesses(request.user)})


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """The reason (from the list, plus free text), then read access until the end of the next working day."""
    if not rules.may_break_glass(request.user):
        return _refused(request)
    youth = selectors.candidate(request.user, policy.pk_or_404(youth_pk))
    if youth is None:
        raise Http404
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, access, form = run_service(form, lambda: services.emergency_access_start(
            actor=request.user, youth=youth, **form.service_data))
        if ok:
            banner.remember(request.session, access_id=access.pk, until=access.ends_at.timestamp())
            return redirect("emergency:record", access.pk)
    return render(request, "emergency/start.html", {
        "form": form, "name": youth.full_name, "born": youth.birth_date.year,
        "ends_at": rules.access_ends_at(timezone.now())}, status=400 if form.errors else 200)


def record(request: HttpRequest, pk: int) -> HttpResponse:
    """The record an emergency opens, read through the policy's narrow grant; every view is audited with the
    reason as its purpose (the young person sees it on "Hvem har kigget")."""
    access = selectors.active_access(request.user, policy.pk_or_404(pk))
    if access is None:
        banner.forget(request.session, access_id=policy.pk_or_404(pk))
        raise Http404
    youth = policy.get_granted_youth(request.user, access.youth_id, granted=policy.emergency_youth(request.user),
                                     what="emergency_record", purpose=services.purpose_for(access))
    banner.remember(request.session, access_id=access.pk, until=access.ends_at.timestamp())
    return render(request, "emergency/record.html", {"access": access, **selectors.emergency_record(youth)})


@require_POST
def end(request: HttpRequest, pk: int) -> HttpResponse:
    access = selectors.active_access(request.user, policy.pk_or_404(pk))
    if access is None:
        raise Http404
    services.emergency_access_end(actor=request.user, access=access)
    banner.forget(request.session, access_id=access.pk)
    messages.success(request, _("Nødadgangen er afsluttet."))
    return redirect("emergency:search")


def _leader(request: HttpRequest) -> None:
    if not rules.may_review(request.user):
        raise PermissionDenied


def review_list(request: HttpRequest) -> HttpResponse:
    """The leader's list of emergency accesses to review: who, when, why — no young person."""
    _leader(request)
    status = request.GET.get("status", "")
    status = status if status in Review.values else ""
    page = Paginator(selectors.review_queue(request.user, status=status), 25).get_page(request.GET.get("side"))
    return render(request, "emergency/review_list.html", {
        "page": page, "status": status, "statuses": Review.choices,
        "pending": selectors.pending_count(request.user)})


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    _leader(request)
    access = selectors.review_item(request.user, policy.pk_or_404(pk))
    if access is None:
        raise Http404
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and access.review == Review.PENDING and form.is_valid():
        try:
            services.emergency_access_review(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Gennemgangen er gemt."))
            return redirect("emergency:review_list")
        access = selectors.review_item(request.user, access.pk) or access
    return render(request, "emergency/review.html", {"access": access, "form": form},
                  status=400 if form.errors else 200)
