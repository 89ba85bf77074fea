"""Choosing and saying (issue 17, points 5–6): she proposes a contact person and asks about offers on Min side;
the contact person answers her proposals and reads her check-ins; a professional writes their presentation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.core.forms import apply_validation_error, run_service
from ungeforlob.portal import choose, services
from ungeforlob.portal.auth import youth_required
from ungeforlob.portal.forms import (
    ContactProposalForm,
    OfferInterestForm,
    PresentationForm,
    ProposalHandleForm,
    ReachedAnswerForm,
)
from ungeforlob.portal.models import StaffPresentation
from ungeforlob.portal.selectors import pk_or_404

# --- Min side -----------------------------------------------------------------------------------------------


@youth_required
@require_http_methods(["GET", "POST"])
def choose_contact(request: HttpRequest) -> HttpResponse:
    """"Vælg din kontaktperson": the people she may choose among, and the status of what she proposed."""
    page = choose.choose_contact_page(request.youth)
    form = ContactProposalForm(request.POST or None, people=page["people"])
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: services.contact_proposal_create(
            youth=request.youth, **form.service_data))
        if ok:
            messages.success(request, _("Dit forslag er sendt. Du kan se svaret her."))
            return redirect("portal:choose_contact")
    if request.method == "GET":
        services.portal_read(youth=request.youth, what="contact_proposals")
    return render(request, "portal/choose_contact.html", {"youth": request.youth, "form": form, **page},
                  status=400 if form.errors else 200)


@youth_required
@require_http_methods(["GET", "POST"])
def offers(request: HttpRequest) -> HttpResponse:
    """Offers suggested for her level and needs, each with "Det vil jeg gerne høre mere om"."""
    form = OfferInterestForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            ok, _result, form = run_service(form, lambda: services.offer_interest(
                youth=request.youth, offer_id=form.cleaned_data["offer"]))
            if ok:
                messages.success(request, _("Fint. Din kontaktperson fortæller dig mere om tilbuddet."))
                return redirect("portal:offers")
    else:
        services.portal_read(youth=request.youth, what="offers")
    return render(request, "portal/offers.html", {"youth": request.youth, "form": form,
                                                  "token": OfferInterestForm()["submission"],
                                                  **choose.offers_page(request.youth)},
                  status=400 if form.errors else 200)


# --- The contact person's side ---------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def staff_checkins(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Her check-ins from Min side in her own words: mark them seen, and confirm or decline a sub-goal she
    marked reached (changing the plan needs EDIT)."""
    action = policy.Action.EDIT if request.method == "POST" else policy.Action.VIEW
    youth = policy.get_youth_for(request.user, youth_pk, what="checkins", action=action)
    bound = None
    if request.method == "POST":
        if request.POST.get("seen"):
            services.checkins_seen(actor=request.user, youth=youth)
            messages.success(request, _("Markeret som set. Tjek ind forsvinder fra I dag."))
            return redirect("portal:staff_checkins", youth.pk)
        checkin = policy.access(choose.waiting_reached(youth), user=request.user, youth=youth,
                                pk=pk_or_404(request.POST.get("checkin")), action=action)
        bound = ReachedAnswerForm(request.POST, checkin=checkin)
        if bound.is_valid():
            try:
                services.reached_answer(actor=request.user, youth=youth, checkin=checkin, **bound.cleaned_data)
            except (ValidationError, PermissionDenied) as exc:
                if isinstance(exc, PermissionDenied):
                    exc = ValidationError(_("Du kan ikke ændre denne unges plan."))
                apply_validation_error(bound, exc)
            else:
                messages.success(request, _("Svaret er gemt. Den unge kan se det på Min side."))
                return redirect("portal:staff_checkins", youth.pk)
    rows = [(c, bound if bound is not None and bound.prefix == f"c{c.pk}" else ReachedAnswerForm(checkin=c))
            for c in choose.staff_checkins(youth)]
    return render(request, "portal/staff/checkins.html",
                  {"youth": youth, "rows": rows, "unseen": any(c.seen_at is None for c, _f in rows),
                   "tab": "plans:plan"}, status=400 if bound is not None else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def staff_proposals(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Her proposals of a contact person; answering them is managing the circle."""
    action = policy.Action.MANAGE_CIRCLE if request.method == "POST" else policy.Action.VIEW
    youth = policy.get_youth_for(request.user, youth_pk, what="contact_proposals", action=action)
    bound = None
    if request.method == "POST":
        proposal = policy.access(choose.proposals_for(youth), user=request.user, youth=youth,
                                 pk=pk_or_404(request.POST.get("proposal")), action=action)
        bound = ProposalHandleForm(request.POST, proposal=proposal)
        if bound.is_valid():
            ok, _result, bound = run_service(bound, lambda: services.contact_proposal_handle(
                actor=request.user, youth=youth, proposal=proposal, **bound.cleaned_data))
            if ok:
                messages.success(request, _("Svaret er gemt. Den unge kan se det på Min side."))
                return redirect("portal:staff_proposals", youth.pk)
    rows = [(p, bound if bound is not None and bound.prefix == f"p{p.pk}" else ProposalHandleForm(proposal=p))
            for p in choose.proposals_for(youth)[:30]]
    return render(request, "portal/staff/proposals.html", {"youth": youth, "rows": rows, "tab": "chain:circle"},
                  status=400 if bound is not None else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def presentation(request: HttpRequest) -> HttpResponse:
    """A professional's own presentation for young people, and whether they can be chosen as contact person."""
    if not policy.is_staff_user(request.user) or policy.is_administrator(request.user):
        raise PermissionDenied
    current = StaffPresentation.objects.filter(user=request.user).first()
    initial = {"choosable": current.choosable, "good_at": current.good_at} if current else {}
    form = PresentationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: services.presentation_save(
            actor=request.user, **form.cleaned_data))
        if ok:
            messages.success(request, _("Din præsentation er gemt."))
            return redirect("portal:presentation")
    return render(request, "portal/staff/presentation.html", {"form": form, "current": current},
                  status=400 if form.errors else 200)
