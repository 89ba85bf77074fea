"""Handovers: writing one, the user's list, reading, accepting, declining and commenting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record, audit_record_list
from ungeforlob.chain import forms, selectors, services
from ungeforlob.core.forms import run_service
from ungeforlob.policy import Action


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
