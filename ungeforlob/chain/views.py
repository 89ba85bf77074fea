"""Chain pages. Each view: validate → `policy.get_youth_for` (child objects through `policy.access` or the
chain's `access_*` selectors) → one service (through `run_service`) or selector → redirect/render.
"Not visible" is a 404; role-restricted pages (leaders, intake) and object actions on a visible object a 403."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record, audit_record_list, audit_search
from ungeforlob.chain import forms, selectors, services
from ungeforlob.chain.models import Consent, Membership, PlanStop, Referral, ReferralStatus
from ungeforlob.core.decorators import leader_required
from ungeforlob.core.forms import run_service
from ungeforlob.policy import Action

PAGE_SIZE = 50


# --- Circle -----------------------------------------------------------------------------------------------

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
    audit_search(actor=request.user, terms=q, object_type="concern_list")
    audit_record_list(actor=request.user, youths={c.youth_id: c.youth for c in page.object_list}.values(),
                      purpose="Bekymringer")
    return render(request, "chain/concern_list.html", {"page": page, "status": status, "q": q, "sort": sort,
                                                       "today": timezone.localdate()})


def youth_concerns(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="concerns")
    concerns = list(selectors.concerns_for(request.user, status="alle", youth=youth)[:100])
    return render(request, "chain/youth_concerns.html", {"youth": youth, "concerns": concerns,
                                                         "tab": "chain:youth_concerns", "today": timezone.localdate()})


@require_http_methods(["GET", "POST"])
def concern_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Any member of the circle may raise a concern ("den der først ser problemet, tager initiativ")."""
    youth = policy.get_youth_for(request.user, youth_pk, what="concerns", action=Action.RAISE_CONCERN)
    form = forms.ConcernForm(request.POST or None, members=selectors.notifiable_members(request.user, youth))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, concern, form = run_service(form, lambda: services.concern_raise(
            actor=request.user, youth=youth, category=d["category"], severity=d["severity"],
            description=d["description"], notify=d["notify"]))
        if ok:
            messages.success(request, _("Bekymringen er sendt. Kontaktpersonen skal kvittere senest %(d)s.")
                             % {"d": concern.ack_due.strftime("%d.%m.%Y")})
            return redirect("chain:concern_detail", concern.pk)
    return render(request, "chain/concern_form.html", {"youth": youth, "form": form, "tab": "chain:youth_concerns"})


def _may_handle(request: HttpRequest, concern: Any) -> bool:
    return policy.can(request.user, Action.HANDLE_CONCERN, concern.youth, concern)


def _handled_concern(request: HttpRequest, pk: Any) -> Any:
    """A concern the user may see and handle: 404 when not visible, 403 when visible but not theirs to handle
    (only the contact person and the members who were notified acknowledge, act and close)."""
    concern = selectors.access_concern(request.user, pk)
    if not _may_handle(request, concern):
        raise PermissionDenied
    return concern


def _concern_page(request: HttpRequest, concern: Any, *, action_form: Any = None, status: int = 200) -> HttpResponse:
    context = {"concern": concern, "youth": concern.youth, "tab": "chain:youth_concerns",
               "can_handle": _may_handle(request, concern), "action_form": action_form or forms.TextForm(),
               "outcome_form": forms.OutcomeForm()}
    context.update(selectors.concern_detail(concern))
    return render(request, "chain/concern_detail.html", context, status=status)


def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _concern_page(request, selectors.access_concern(request.user, pk))


@require_POST
def concern_ack(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _handled_concern(request, pk)
    if services.concern_acknowledge(actor=request.user, concern=concern):
        messages.success(request, _("Du har kvitteret for bekymringen."))
    else:
        messages.info(request, _("Bekymringen var allerede kvitteret."))
    return redirect("chain:concern_detail", concern.pk)


@require_POST
def concern_action(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _handled_concern(request, pk)
    form = forms.TextForm(request.POST)
    if form.is_valid():
        ok, _action, form = run_service(form, lambda: services.concern_add_action(
            actor=request.user, concern=concern, text=form.cleaned_data["text"]))
        if ok:
            messages.success(request, _("Handlingen er gemt."))
            return redirect("chain:concern_detail", concern.pk)
    return _concern_page(request, concern, action_form=form, status=400)


@require_http_methods(["GET", "POST"])
def concern_close(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _handled_concern(request, pk)
    form = forms.OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _closed, form = run_service(form, lambda: services.concern_close(
            actor=request.user, concern=concern, outcome=form.cleaned_data["outcome"]))
        if ok:
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


# --- Handovers --------------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def handover_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="handover", action=Action.MANAGE_CIRCLE)
    form = forms.HandoverForm(request.POST or None,
                              professionals=selectors.selectable_professionals(request.user).exclude(pk=request.user.pk),
                              consents=selectors.valid_consents(youth))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, handover, form = run_service(form, lambda: services.handover_create(
            actor=request.user, youth=youth, receiver=d["receiver"], role=d["role"], what_works=d["what_works"],
            watch_out=d["watch_out"], agreements=d["agreements"], plan=d["plan"], consent=d["consent"],
            legal_basis=d["legal_basis"], legal_basis_note=d["legal_basis_note"]))
        if ok:
            messages.success(request, _("Overleveringen er sendt til %(name)s, som skal acceptere den.")
                             % {"name": handover.receiver})
            return redirect("chain:circle", youth.pk)
    wish = selectors.circle_for(youth)["wish"]
    return render(request, "chain/handover_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                        "wish": wish})


def handover_list(request: HttpRequest) -> HttpResponse:
    lists = selectors.handovers_for_user(request.user)
    shown = {h.youth_id: h.youth for h in [*lists["incoming"], *lists["sent"]]}
    audit_record_list(actor=request.user, youths=shown.values(), purpose="Overleveringer")
    return render(request, "chain/handover_list.html", lists)


def _handover(request: HttpRequest, pk: Any) -> Any:
    handover = selectors.access_handover(request.user, pk)
    audit_record(actor=request.user, action=AuditAction.READ, youth=handover.youth, obj=handover)
    return handover


def _may_comment(request: HttpRequest, handover: Any) -> bool:
    """The sender and the receiver, and members who manage the circle; a read-only member reads only."""
    return request.user.pk in {handover.sender_id, handover.receiver_id} or policy.can(
        request.user, Action.MANAGE_CIRCLE, handover.youth)


def _handover_page(request: HttpRequest, handover: Any, *, status: int = 200, comment_form: Any = None,
                   decline_form: Any = None) -> HttpResponse:
    return render(request, "chain/handover_detail.html", {
        "handover": handover, "comments": list(handover.comments.select_related("author")),
        "is_receiver": handover.receiver_id == request.user.pk, "may_comment": _may_comment(request, handover),
        "comment_form": comment_form or forms.CommentForm(), "decline_form": decline_form or forms.ReasonForm(),
    }, status=status)


def handover_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _handover_page(request, _handover(request, pk))


def _received_handover(request: HttpRequest, pk: Any) -> Any:
    """Only the named receiver accepts or declines (403 for anyone else who may read it)."""
    handover = _handover(request, pk)
    if handover.receiver_id != request.user.pk:
        raise PermissionDenied
    return handover


@require_POST
def handover_accept(request: HttpRequest, pk: int) -> HttpResponse:
    handover = _received_handover(request, pk)
    form = forms.EmptyForm({})
    form.is_valid()
    ok, _accepted, form = run_service(form, lambda: services.handover_accept(actor=request.user, handover=handover))
    if not ok:
        messages.error(request, " ".join(form.non_field_errors()))
        return redirect("chain:handover_detail", handover.pk)
    messages.success(request, _("Du har accepteret overleveringen og er nu med i kæden som %(role)s.")
                     % {"role": handover.get_role_display()})
    return redirect("chain:circle", handover.youth_id)


@require_POST
def handover_decline(request: HttpRequest, pk: int) -> HttpResponse:
    handover = _received_handover(request, pk)
    form = forms.ReasonForm(request.POST)
    if form.is_valid():
        ok, _declined, form = run_service(form, lambda: services.handover_decline(
            actor=request.user, handover=handover, reason=form.cleaned_data["reason"]))
        if ok:
            messages.success(request, _("Overleveringen er afvist. Afsenderen har fået besked."))
            return redirect("chain:handover_list")
    return _handover_page(request, handover, status=400, decline_form=form)


@require_POST
def handover_comment(request: HttpRequest, pk: int) -> HttpResponse:
    handover = _handover(request, pk)
    if not _may_comment(request, handover):
        raise PermissionDenied
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        ok, _comment, form = run_service(form, lambda: services.handover_comment(
            handover=handover, text=form.cleaned_data["text"], actor=request.user))
        if ok:
            messages.success(request, _("Kommentaren er gemt."))
            return redirect("chain:handover_detail", handover.pk)
    return _handover_page(request, handover, status=400, comment_form=form)


# --- KUI legal deadlines ----------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def plan_stop_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_stop", action=Action.EDIT)
    form = forms.PlanStopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, stop, form = run_service(form, lambda: services.plan_stop_record(
            actor=request.user, youth=youth, stopped_on=d["stopped_on"], note=d["note"]))
        if ok:
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
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_stop", action=Action.EDIT)
    stop = policy.access(PlanStop, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
    form = forms.DayForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en gyldig dato."))
        return redirect("chain:circle", youth.pk)
    d = form.cleaned_data
    if step == "kontakt":
        ok, _stop, form = run_service(form, lambda: services.plan_stop_contact(
            actor=request.user, stop=stop, contacted_on=d["day"]))
    else:
        ok, _stop, form = run_service(form, lambda: services.plan_stop_offer(
            actor=request.user, stop=stop, offered_on=d["day"], offer=d["offer"]))
    if ok:
        messages.success(request, _("Gemt."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
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
    try:
        departing = policy.visible_professionals(request.user).filter(pk=int(user_pk)).first()
    except (TypeError, ValueError):
        departing = None
    if departing is None:
        raise Http404
    if departing.leader_id != request.user.pk and not policy.is_administrator(request.user):
        raise PermissionDenied
    form = forms.ReassignForm(request.POST or None, professionals=selectors.selectable_professionals(
        request.user).filter(role="professional").exclude(pk=departing.pk))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, done, form = run_service(form, lambda: services.caseload_reassign(
            actor=request.user, departing=departing, receivers=list(d["receivers"]), note=d["note"],
            end_other_roles=d["end_other_roles"]))
        if ok:
            messages.success(request, ngettext("%(n)s ung er flyttet. Overleveringen er gemt.",
                                               "%(n)s unge er flyttet. Hver overlevering er gemt.",
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
