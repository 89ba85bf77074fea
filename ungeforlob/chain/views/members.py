"""The circle page and its management: memberships, roles, the contact-person wish, consents."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.chain import forms, selectors, services
from ungeforlob.chain.models import ChainRole, Consent, Membership
from ungeforlob.core.forms import run_service
from ungeforlob.policy import Action


def circle(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Kæden: who is around the young person now, who has been, consents, handovers and KUI deadlines."""
    youth = policy.get_youth_for(request.user, youth_pk, what="circle")
    context = {"youth": youth, "tab": "chain:circle", "can_edit": policy.can(request.user, Action.MANAGE_CIRCLE, youth),
               "today": timezone.localdate()}
    context.update(selectors.circle_for(youth))
    return render(request, "chain/circle.html", context)


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", action=Action.MANAGE_CIRCLE)
    form = forms.MemberAddForm(request.POST or None, professionals=selectors.selectable_professionals(request.user),
                               consents=selectors.valid_consents(youth))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, m, form = run_service(form, lambda: services.member_add(
            actor=request.user, youth=youth, professional=d["professional"], role=d["role"],
            start_date=d["start_date"], consent=d["consent"], legal_basis=d["legal_basis"],
            legal_basis_note=d["legal_basis_note"], note=d["note"]))
        if ok:
            messages.success(request, _("%(name)s er med i kæden. Den unge har fået besked.") % {"name": m.holder_name})
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Tilføj til kæden")})


def _membership(request: HttpRequest, youth: Any, pk: Any) -> Membership:
    return policy.access(Membership.objects.select_related("professional", "team", "youth"), user=request.user,
                         youth=youth, pk=pk, action=Action.MANAGE_CIRCLE)


@require_http_methods(["GET", "POST"])
def member_role(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", action=Action.MANAGE_CIRCLE)
    membership = _membership(request, youth, pk)
    form = forms.RoleChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "submission"}
        ok, _new, form = run_service(form, lambda: services.member_change_role(actor=request.user,
                                                                              membership=membership, **data))
        if ok:
            messages.success(request, _("Rollen er ændret. Den tidligere rolle står i historikken."))
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "membership": membership, "title": _("Skift rolle")})


@require_http_methods(["GET", "POST"])
def member_extended(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """The contact person in the youth effort, or the extended Kontaktperson+: a choice of its own."""
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", action=Action.MANAGE_CIRCLE)
    membership = _membership(request, youth, pk)
    if membership.role != ChainRole.CONTACT_PERSON:
        raise Http404
    form = forms.ExtendedForm(request.POST or None, initial={"extended": membership.extended})
    if request.method == "POST" and form.is_valid():
        ok, _saved, form = run_service(form, lambda: services.member_set_extended(
            actor=request.user, membership=membership, extended=form.cleaned_data["extended"]))
        if ok:
            messages.success(request, _("Kontaktpersonens rolle er gemt."))
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {
        "youth": youth, "form": form, "tab": "chain:circle", "membership": membership,
        "title": _("Kontaktperson eller Kontaktperson+")})


@require_http_methods(["GET", "POST"])
def member_end(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", action=Action.MANAGE_CIRCLE)
    membership = _membership(request, youth, pk)
    other_roles = selectors.other_roles_count(membership)
    form = forms.MemberEndForm(request.POST or None, other_roles=other_roles)
    if request.method == "POST" and form.is_valid():
        ok, _ended, form = run_service(form, lambda: services.member_end(
            actor=request.user, membership=membership, note=form.cleaned_data["note"],
            end_other_roles=form.cleaned_data.get("end_other_roles", False)))
        if ok:
            messages.success(request, _("%(name)s er ikke længere med i kæden.") % {"name": membership.holder_name})
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_end.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                     "membership": membership, "other_roles": other_roles})


@require_http_methods(["GET", "POST"])
def contact_wish(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", action=Action.MANAGE_CIRCLE)
    form = forms.ContactWishForm(request.POST or None, professionals=selectors.selectable_professionals(request.user))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _wish, form = run_service(form, lambda: services.contact_wish_record(
            actor=request.user, youth=youth, wished_professional=d["wished_professional"], wish_text=d["wish_text"]))
        if ok:
            messages.success(request, _("Den unges ønske er gemt."))
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Den unges ønske om kontaktperson")})


@require_http_methods(["GET", "POST"])
def consent_add(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="consent", action=Action.MANAGE_CIRCLE)
    form = forms.ConsentForm(request.POST or None, municipality_id=youth.municipality_id)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _consent, form = run_service(form, lambda: services.consent_record(
            actor=request.user, youth=youth, purpose=d["purpose"], receiving_organisation=d["receiving_organisation"],
            scope=d["scope"], expires_on=d["expires_on"]))
        if ok:
            messages.success(request, _("Samtykket er registreret. Den unge kan se det i sin app."))
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Registrér samtykke")})


@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="consent", action=Action.MANAGE_CIRCLE)
    consent = policy.access(Consent.objects.select_related("receiving_organisation"), user=request.user, youth=youth,
                            pk=pk, action=Action.MANAGE_CIRCLE)
    if request.method == "POST":
        services.consent_withdraw(consent=consent, actor=request.user)
        messages.success(request, _("Samtykket er trukket tilbage. Adgangen er stoppet med det samme."))
        return redirect("chain:circle", youth.pk)
    return render(request, "chain/consent_withdraw.html", {"youth": youth, "consent": consent, "tab": "chain:circle"})
