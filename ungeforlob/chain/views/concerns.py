"""Concerns: the list of the user's circles, one young person's concerns, raising and handling one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list, audit_search
from ungeforlob.chain import forms, selectors, services
from ungeforlob.core.forms import run_service
from ungeforlob.policy import Action

PAGE_SIZE = 50


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
