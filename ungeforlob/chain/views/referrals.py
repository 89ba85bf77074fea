"""Referrals: the partner's form and their own list; intake's queue, accepting and declining."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record, audit_record_list, audit_search
from ungeforlob.chain import forms, selectors, services
from ungeforlob.chain.models import Referral, ReferralStatus
from ungeforlob.core.forms import run_service

PAGE_SIZE = 50


@require_http_methods(["GET", "POST"])
def referral_create(request: HttpRequest) -> HttpResponse:
    """The partner's two-minute form. Anyone on staff may refer; they see only the status afterwards."""
    if not policy.may_refer(request.user):
        raise PermissionDenied
    form = forms.ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, result, form = run_service(form, lambda: services.referral_submit(
            actor=request.user, first_name=d["first_name"], last_name=d["last_name"], cpr_number=d["cpr"],
            problem=d["problem"], youth_accepted=d["youth_accepted"], accepted_asked_by=d["accepted_asked_by"],
            accepted_on=d["accepted_on"], mobile=d["mobile"], email=d["email"], how_to_reach=d["how_to_reach"],
            idempotency_key=d["key"], birth_date=d["birth_date"]))
        if ok:
            _referral, created = result
            messages.success(request, _("Tak. Henvisningen er sendt til Ungeindsatsen.") if created
                             else _("Henvisningen var allerede sendt. Den er ikke sendt igen."))
            return redirect("chain:referral_mine")
    return render(request, "chain/referral_form.html", {"form": form})


def referral_mine(request: HttpRequest) -> HttpResponse:
    """The referrer's own referrals: the first name they wrote themselves and the status, nothing more."""
    page = Paginator(selectors.referrals_by(request.user), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "chain/referral_mine.html", {"page": page})


def referral_queue(request: HttpRequest) -> HttpResponse:
    """The intake queue, oldest first: the weekly meeting's list."""
    if not policy.is_intake(request.user):
        raise PermissionDenied
    status = request.GET.get("status", ReferralStatus.PENDING)
    if status not in ReferralStatus.values:
        status = ReferralStatus.PENDING
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.referral_queue(request.user, status=status, q=q), PAGE_SIZE).get_page(
        request.GET.get("side"))
    audit_search(actor=request.user, terms=q, object_type="referral_queue")
    audit_record(actor=request.user, action=AuditAction.LIST, object_type="referral_queue",
                 detail={"referrals": [r.pk for r in page.object_list]})
    # Referrals already accepted name a young person on record: their list rows go on that person's log.
    audit_record_list(actor=request.user, youths={r.youth_id: r.youth for r in page.object_list
                                                  if r.youth_id is not None}.values(), purpose="Henvisninger")
    return render(request, "chain/referral_queue.html", {"page": page, "status": status, "q": q,
                                                         "statuses": ReferralStatus.choices})


def _referral(request: HttpRequest, pk: Any) -> Referral:
    referral = selectors.access_referral(request.user, pk)
    audit_record(actor=request.user, action=AuditAction.READ, obj=referral, municipality=request.user.municipality)
    return referral


def _referral_page(request: HttpRequest, referral: Referral, accept_form: Any = None, decline_form: Any = None,
                   status: int = 200) -> HttpResponse:
    accept_form = accept_form or forms.ReferralAcceptForm(
        professionals=selectors.selectable_professionals(request.user).filter(role="professional"),
        initial={"contact_person": request.user.pk}, needs_cpr=not referral.has_cpr)
    return render(request, "chain/referral_detail.html", {
        "referral": referral, "accept_form": accept_form, "decline_form": decline_form or forms.ReasonForm()},
        status=status)


def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _referral_page(request, _referral(request, pk))


@require_POST
def referral_accept(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    form = forms.ReferralAcceptForm(request.POST, professionals=selectors.selectable_professionals(
        request.user).filter(role="professional"), needs_cpr=not referral.has_cpr)
    if form.is_valid():
        ok, youth, form = run_service(form, lambda: services.referral_accept(
            actor=request.user, referral=referral, **form.cleaned_data))
        if ok:
            messages.success(request, _("Henvisningen er modtaget, og %(name)s har fået en kontaktperson.")
                             % {"name": youth.full_name})
            return redirect("chain:referral_queue")
    return _referral_page(request, referral, accept_form=form, status=400)


@require_POST
def referral_decline(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    form = forms.ReasonForm(request.POST)
    if form.is_valid():
        ok, _declined, form = run_service(form, lambda: services.referral_decline(
            actor=request.user, referral=referral, reason=form.cleaned_data["reason"]))
        if ok:
            messages.success(request, _("Henvisningen er afvist. Henviseren kan se det."))
            return redirect("chain:referral_queue")
    return _referral_page(request, referral, decline_form=form, status=400)
