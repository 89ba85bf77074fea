"""Chain pages. Each view: validate → `policy.get_youth_for` (or a chain.permissions queryset) → one service
or selector → redirect/render. "Not visible" is a 404, role-restricted pages (leaders, intake) a 403."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record, audit_record_list
from ungeforlob.chain import forms, permissions, selectors, services
from ungeforlob.chain.models import ChainRole, Membership, PlanStop, Referral, ReferralStatus
from ungeforlob.core.decorators import leader_required
from ungeforlob.core.forms import apply_validation_error

PAGE_SIZE = 50


def _pk(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def _try(form: Any, call: Any) -> Any:
    """Run a service; a ValidationError lands on the form and None is returned."""
    try:
        return call()
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return None


# --- Circle -----------------------------------------------------------------------------------------------

def circle(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Kæden: who is around the young person now, who has been, consents, handovers and KUI deadlines."""
    youth = policy.get_youth_for(request.user, youth_pk, what="circle")
    context = {"youth": youth, "tab": "chain:circle", "can_edit": permissions.may_manage_circle(request.user, youth),
               "today": timezone.localdate()}
    context.update(selectors.circle_for(youth))
    return render(request, "chain/circle.html", context)


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", for_edit=True)
    form = forms.MemberAddForm(request.POST or None, professionals=selectors.selectable_professionals(request.user),
                               consents=selectors.valid_consents(youth))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        m = _try(form, lambda: services.member_add(
            actor=request.user, youth=youth, professional=d["professional"], role=d["role"],
            start_date=d["start_date"], consent=d["consent"], legal_basis=d["legal_basis"],
            legal_basis_note=d["legal_basis_note"], note=d["note"]))
        if m is not None:
            messages.success(request, _("%(name)s er med i kæden. Den unge har fået besked.") % {"name": m.holder_name})
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Tilføj til kæden")})


def _membership(youth: Any, pk: Any) -> Membership:
    return get_object_or_404(Membership.objects.select_related("professional", "team", "youth"), youth=youth, pk=_pk(pk))


@require_http_methods(["GET", "POST"])
def member_role(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", for_edit=True)
    membership = _membership(youth, pk)
    form = forms.RoleChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _try(form, lambda: services.member_change_role(actor=request.user, membership=membership,
                                                          **form.cleaned_data)) is not None:
            messages.success(request, _("Rollen er ændret. Den tidligere rolle står i historikken."))
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "membership": membership, "title": _("Skift rolle")})


@require_http_methods(["GET", "POST"])
def member_end(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", for_edit=True)
    membership = _membership(youth, pk)
    form = forms.MemberEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _try(form, lambda: services.member_end(actor=request.user, membership=membership,
                                                  note=form.cleaned_data["note"], end_other_roles=form.cleaned_data["end_other_roles"])) is not None:
            messages.success(request, _("%(name)s er ikke længere med i kæden.") % {"name": membership.holder_name})
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_end.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                     "membership": membership})


@require_http_methods(["GET", "POST"])
def contact_wish(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="circle", for_edit=True)
    form = forms.ContactWishForm(request.POST or None, professionals=selectors.selectable_professionals(request.user))
    if request.method == "POST" and form.is_valid():
        if _try(form, lambda: services.contact_wish_record(actor=request.user, youth=youth,
                                                           **form.cleaned_data)) is not None:
            messages.success(request, _("Den unges ønske er gemt."))
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Den unges ønske om kontaktperson")})


@require_http_methods(["GET", "POST"])
def consent_add(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="consent", for_edit=True)
    form = forms.ConsentForm(request.POST or None, municipality_id=youth.municipality_id)
    if request.method == "POST" and form.is_valid():
        if _try(form, lambda: services.consent_record(actor=request.user, youth=youth,
                                                      **form.cleaned_data)) is not None:
            messages.success(request, _("Samtykket er registreret. Den unge kan se det i sin app."))
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Registrér samtykke")})


@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="consent", for_edit=True)
    consent = get_object_or_404(youth.consents.select_related("receiving_organisation"), pk=_pk(pk))
    if request.method == "POST":
        services.consent_withdraw(consent=consent, actor=request.user)
        messages.success(request, _("Samtykket er trukket tilbage. Adgangen er stoppet med det samme."))
        return redirect("chain:circle", youth.pk)
    return render(request, "chain/consent_withdraw.html", {"youth": youth, "consent": consent, "tab": "chain:circle"})


# --- Concerns ---------------------------------------------------------------------------------------------

def _concern_list_params(request: HttpRequest) -> tuple[str, str, str]:
    status = request.GET.get("status", "aabne")
    if status not in {"aabne", "mine", "afsluttede", "alle"}:
        status = "aabne"
    sort = request.GET.get("sort", "-rejst")
    if sort not in selectors.CONCERN_SORTS:
        sort = "-rejst"
    return status, request.GET.get("q", "").strip()[:100], sort


def concern_list(request: HttpRequest) -> HttpResponse:
    """Bekymringer in the user's circles; those waiting on the user's acknowledgement first in 'mine'."""
    status, q, sort = _concern_list_params(request)
    page = Paginator(selectors.concerns_for(request.user, status=status, q=q, sort=sort), PAGE_SIZE).get_page(
        request.GET.get("side"))
    audit_record_list(actor=request.user, youths=[c.youth for c in page.object_list], purpose="Bekymringer")
    return render(request, "chain/concern_list.html", {"page": page, "status": status, "q": q, "sort": sort,
                                                       "today": timezone.localdate()})


def youth_concerns(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="concerns")
    concerns = list(selectors.concerns_for(request.user, status="alle", youth=youth)[:100])
    return render(request, "chain/youth_concerns.html", {"youth": youth, "concerns": concerns,
                                                         "tab": "chain:youth_concerns", "today": timezone.localdate()})


@require_http_methods(["GET", "POST"])
def concern_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="concerns")
    members = selectors.selectable_professionals(request.user).filter(
        memberships__in=Membership.objects.filter(youth=youth, end_date__isnull=True)
        .exclude(role=ChainRole.CONTACT_PERSON)).exclude(pk=request.user.pk).distinct()
    form = forms.ConcernForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        concern = _try(form, lambda: services.concern_raise(actor=request.user, youth=youth, **form.cleaned_data))
        if concern is not None:
            messages.success(request, _("Bekymringen er sendt. Kontaktpersonen skal kvittere senest %(d)s.")
                             % {"d": concern.ack_due.strftime("%d.%m.%Y")})
            return redirect("chain:concern_detail", concern.pk)
    return render(request, "chain/concern_form.html", {"youth": youth, "form": form, "tab": "chain:youth_concerns"})


def _concern(request: HttpRequest, pk: Any) -> Any:
    concern = get_object_or_404(permissions.concerns_visible(request.user).select_related(
        "youth", "raised_by", "acknowledged_by", "closed_by", "escalated_to"), pk=_pk(pk))
    policy.get_youth_for(request.user, concern.youth_id, what="concern")
    return concern


def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _concern(request, pk)
    context = {"concern": concern, "youth": concern.youth, "tab": "chain:youth_concerns",
               "can_handle": permissions.may_handle_concern(request.user, concern),
               "action_form": forms.TextForm(), "outcome_form": forms.OutcomeForm()}
    context.update(selectors.concern_detail(concern))
    return render(request, "chain/concern_detail.html", context)


def _require_handler(request: HttpRequest, concern: Any) -> None:
    if not permissions.may_handle_concern(request.user, concern):
        raise PermissionDenied


@require_POST
def concern_ack(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _concern(request, pk)
    _require_handler(request, concern)
    if services.concern_acknowledge(actor=request.user, concern=concern):
        messages.success(request, _("Du har kvitteret for bekymringen."))
    else:
        messages.info(request, _("Bekymringen var allerede kvitteret."))
    return redirect("chain:concern_detail", concern.pk)


@require_POST
def concern_action(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _concern(request, pk)
    _require_handler(request, concern)
    form = forms.TextForm(request.POST)
    if form.is_valid() and _try(form, lambda: services.concern_add_action(
            actor=request.user, concern=concern, text=form.cleaned_data["text"])) is not None:
        messages.success(request, _("Handlingen er gemt."))
        return redirect("chain:concern_detail", concern.pk)
    context = {"concern": concern, "youth": concern.youth, "tab": "chain:youth_concerns", "can_handle": True,
               "action_form": form, "outcome_form": forms.OutcomeForm()}
    context.update(selectors.concern_detail(concern))
    return render(request, "chain/concern_detail.html", context, status=400)


@require_http_methods(["GET", "POST"])
def concern_close(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _concern(request, pk)
    _require_handler(request, concern)
    form = forms.OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _try(form, lambda: services.concern_close(actor=request.user, concern=concern,
                                                     outcome=form.cleaned_data["outcome"])) is not None:
            messages.success(request, _("Bekymringen er afsluttet."))
            return redirect("chain:concern_detail", concern.pk)
    return render(request, "chain/member_form.html", {"youth": concern.youth, "form": form,
                                                      "tab": "chain:youth_concerns",
                                                      "title": _("Afslut bekymringen"),
                                                      "back": reverse("chain:concern_detail", args=[concern.pk])})


# --- Referrals --------------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def referral_create(request: HttpRequest) -> HttpResponse:
    """The partner's two-minute form. Anyone on staff may refer; they see only the status afterwards."""
    if not permissions.may_refer(request.user):
        raise PermissionDenied
    form = forms.ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        result = _try(form, lambda: services.referral_submit(
            actor=request.user, first_name=d["first_name"], last_name=d["last_name"], cpr_number=d["cpr"],
            problem=d["problem"], youth_accepted=d["youth_accepted"], accepted_asked_by=d["accepted_asked_by"],
            accepted_on=d["accepted_on"], mobile=d["mobile"], email=d["email"], how_to_reach=d["how_to_reach"],
            idempotency_key=d["key"], birth_date=d["birth_date"]))
        if result is not None:
            _referral, created = result
            messages.success(request, _("Tak. Henvisningen er sendt til Ungeindsatsen.") if created
                             else _("Henvisningen var allerede sendt. Den er ikke sendt igen."))
            return redirect("chain:referral_mine")
    return render(request, "chain/referral_form.html", {"form": form})


def referral_mine(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.referrals_by(request.user), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "chain/referral_mine.html", {"page": page})


def _intake(request: HttpRequest) -> None:
    if not permissions.is_intake(request.user):
        raise PermissionDenied


def referral_queue(request: HttpRequest) -> HttpResponse:
    """The intake queue, oldest first: the weekly meeting's list."""
    _intake(request)
    status = request.GET.get("status", ReferralStatus.PENDING)
    if status not in ReferralStatus.values:
        status = ReferralStatus.PENDING
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.referral_queue(request.user, status=status, q=q), PAGE_SIZE).get_page(
        request.GET.get("side"))
    audit_record(actor=request.user, action=AuditAction.LIST, object_type="referral_queue",
                 detail={"referrals": [r.pk for r in page.object_list]})
    return render(request, "chain/referral_queue.html", {"page": page, "status": status, "q": q,
                                                         "statuses": ReferralStatus.choices})


def _referral(request: HttpRequest, pk: Any) -> Referral:
    _intake(request)
    referral = get_object_or_404(Referral.objects.select_related("submitted_by__organisation", "decided_by", "youth"),
                                 municipality_id=request.user.municipality_id, pk=_pk(pk))
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
        youth = _try(form, lambda: services.referral_accept(actor=request.user, referral=referral,
                                                            **form.cleaned_data))
        if youth is not None:
            messages.success(request, _("Henvisningen er modtaget, og %(name)s har fået en kontaktperson.")
                             % {"name": youth.full_name})
            return redirect("chain:referral_queue")
    return _referral_page(request, referral, accept_form=form, status=400)


@require_POST
def referral_decline(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    form = forms.ReasonForm(request.POST)
    if form.is_valid() and _try(form, lambda: services.referral_decline(
            actor=request.user, referral=referral, reason=form.cleaned_data["reason"])) is not None:
        messages.success(request, _("Henvisningen er afvist. Henviseren kan se det."))
        return redirect("chain:referral_queue")
    return _referral_page(request, referral, decline_form=form, status=400)


# --- Handovers --------------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def handover_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="handover", for_edit=True)
    form = forms.HandoverForm(request.POST or None,
                              professionals=selectors.selectable_professionals(request.user).exclude(pk=request.user.pk),
                              consents=selectors.valid_consents(youth))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        handover = _try(form, lambda: services.handover_create(
            actor=request.user, youth=youth, receiver=d["receiver"], role=d["role"], what_works=d["what_works"],
            watch_out=d["watch_out"], agreements=d["agreements"], plan=d["plan"], consent=d["consent"],
            legal_basis=d["legal_basis"], legal_basis_note=d["legal_basis_note"]))
        if handover is not None:
            messages.success(request, _("Overleveringen er sendt til %(name)s, som skal acceptere den.")
                             % {"name": handover.receiver})
            return redirect("chain:circle", youth.pk)
    wish = selectors.circle_for(youth)["wish"]
    return render(request, "chain/handover_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                        "wish": wish})


def handover_list(request: HttpRequest) -> HttpResponse:
    return render(request, "chain/handover_list.html", selectors.handovers_for_user(request.user))


def _handover(request: HttpRequest, pk: Any) -> Any:
    handover = get_object_or_404(permissions.handovers_visible(request.user).select_related(
        "youth__municipality", "sender__organisation", "receiver__organisation", "consent__receiving_organisation"),
        pk=_pk(pk))
    audit_record(actor=request.user, action=AuditAction.READ, youth=handover.youth, obj=handover)
    return handover


def handover_detail(request: HttpRequest, pk: int, *, status: int = 200, comment_form: Any = None,
                    decline_form: Any = None) -> HttpResponse:
    handover = _handover(request, pk)
    return render(request, "chain/handover_detail.html", {
        "handover": handover, "comments": list(handover.comments.select_related("author")),
        "is_receiver": handover.receiver_id == request.user.pk,
        "comment_form": comment_form or forms.CommentForm(), "decline_form": decline_form or forms.ReasonForm(),
    }, status=status)


@require_POST
def handover_accept(request: HttpRequest, pk: int) -> HttpResponse:
    handover = _handover(request, pk)
    try:
        services.handover_accept(actor=request.user, handover=handover)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("chain:handover_detail", handover.pk)
    messages.success(request, _("Du har accepteret overleveringen og er nu med i kæden som %(role)s.")
                     % {"role": handover.get_role_display()})
    return redirect("chain:circle", handover.youth_id)


@require_POST
def handover_decline(request: HttpRequest, pk: int) -> HttpResponse:
    handover = _handover(request, pk)
    form = forms.ReasonForm(request.POST)
    if form.is_valid() and _try(form, lambda: services.handover_decline(
            actor=request.user, handover=handover, reason=form.cleaned_data["reason"])) is not None:
        messages.success(request, _("Overleveringen er afvist. Afsenderen har fået besked."))
        return redirect("chain:handover_list")
    return handover_detail(request, pk, status=400, decline_form=form)


@require_POST
def handover_comment(request: HttpRequest, pk: int) -> HttpResponse:
    handover = _handover(request, pk)
    form = forms.CommentForm(request.POST)
    if form.is_valid() and _try(form, lambda: services.handover_comment(
            handover=handover, text=form.cleaned_data["text"], actor=request.user)) is not None:
        messages.success(request, _("Kommentaren er gemt."))
        return redirect("chain:handover_detail", handover.pk)
    return handover_detail(request, pk, status=400, comment_form=form)


# --- KUI legal deadlines ----------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def plan_stop_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_stop", for_edit=True)
    form = forms.PlanStopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        stop = _try(form, lambda: services.plan_stop_record(actor=request.user, youth=youth, **form.cleaned_data))
        if stop is not None:
            messages.success(request, _("Stoppet er registreret. Kontakt senest %(c)s, nyt tilbud senest %(o)s.")
                             % {"c": stop.contact_due.strftime("%d.%m.%Y"), "o": stop.offer_due.strftime("%d.%m.%Y")})
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Den unge følger ikke længere sin uddannelsesplan"),
                                                      "intro": _("For unge på 15–17 år skal kommunen tage kontakt "
                                                                 "inden for 5 arbejdsdage og tilbyde en ny aktivitet "
                                                                 "inden for 30 dage.")})


@require_POST
def plan_stop_done(request: HttpRequest, youth_pk: int, pk: int, step: str) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_stop", for_edit=True)
    stop = get_object_or_404(PlanStop.objects.filter(youth=youth), pk=_pk(pk))
    form = forms.DayForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en gyldig dato."))
        return redirect("chain:circle", youth.pk)
    try:
        if step == "kontakt":
            services.plan_stop_contact(actor=request.user, stop=stop, contacted_on=form.cleaned_data["day"])
        else:
            services.plan_stop_offer(actor=request.user, stop=stop, offered_on=form.cleaned_data["day"],
                                     offer=form.cleaned_data["offer"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Gemt."))
    return redirect("chain:circle", youth.pk)


# --- Leaders ----------------------------------------------------------------------------------------------

@leader_required
def capacity(request: HttpRequest) -> HttpResponse:
    """Kapacitet: caseloads against the band, concerns open and overdue. Aggregates only — no youth names."""
    sort = request.GET.get("sort", "navn")
    q = request.GET.get("q", "").strip()[:100]
    rows = selectors.capacity_for(request.user, sort=sort, q=q)
    teams = selectors.team_capacity_for(request.user)
    low, high = selectors.caseload_band()
    return render(request, "chain/capacity.html", {"rows": rows, "teams": teams,
                                                   "totals": selectors.capacity_totals(rows, teams),
                                                   "low": low, "high": high, "sort": sort, "q": q})


@leader_required
@require_http_methods(["GET", "POST"])
def reassign(request: HttpRequest, user_pk: int) -> HttpResponse:
    departing = get_object_or_404(policy.visible_professionals(request.user), pk=_pk(user_pk))
    if departing.leader_id != request.user.pk and not policy.is_administrator(request.user):
        raise PermissionDenied
    form = forms.ReassignForm(request.POST or None, professionals=selectors.selectable_professionals(
        request.user).filter(role="professional").exclude(pk=departing.pk))
    if request.method == "POST" and form.is_valid():
        done = _try(form, lambda: services.caseload_reassign(
            actor=request.user, departing=departing, receivers=list(form.cleaned_data["receivers"]),
            note=form.cleaned_data["note"]))
        if done is not None:
            messages.success(request, ngettext("%(n)s ung er flyttet. Overleveringen er gemt.", "%(n)s unge er flyttet. Hver overlevering er gemt.",
                                               len(done)) % {"n": len(done)})
            return redirect("chain:capacity")
    return render(request, "chain/reassign.html", {"form": form, "departing": departing,
                                                   **selectors.reassign_preview(request.user, departing)})


# --- Notifications ----------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    """The user's own in-app notifications (nothing about anyone else)."""
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        return redirect("chain:notifications")
    return render(request, "chain/notifications.html", {"items": selectors.notifications_for(request.user)})
