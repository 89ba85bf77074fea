"""Ungerådet: the young people's page on Min side, and the leader's pages that keep it.

Young people: their own portal session (`youth_required`); they see their municipality's council. Leaders (and
administrators) of a municipality: `policy.is_leader`; they see how many members there are, never who.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.core.forms import keep_on_stale, run_service
from ungeforlob.portal.auth import youth_required
from ungeforlob.voice.selectors import comment_shown
from ungeforlob.youthcouncil import selectors, services
from ungeforlob.youthcouncil.forms import EmptyForm, JoinForm, MeetingForm, ProposalForm, ShowForm

# --- Min side ---------------------------------------------------------------------------------------------


@youth_required
@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    """Ungerådet on Min side: what it is, its meetings, "I foreslog – vi gjorde", answers to comments; joining
    (or changing the name shown) is the form on this page."""
    youth = request.youth  # type: ignore[attr-defined]
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _m, form = run_service(form, lambda: services.council_join(youth=youth, **form.cleaned_data))
        if ok:
            messages.success(request, _("Du er med i Ungerådet. Velkommen!"))
            return redirect("youthcouncil:home")
    council = selectors.council_for_youth(youth, page=request.GET.get("side", 1))
    if council["me"] is not None and not form.is_bound:
        form = JoinForm(initial={"shown_name": council["me"].shown_name})
    return render(request, "youthcouncil/home.html", {"youth": youth, "form": form, **council})


@youth_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    """Leave Ungerådet: a question first, then the membership and the name shown are deleted."""
    youth = request.youth  # type: ignore[attr-defined]
    if request.method == "POST":
        if services.council_leave(youth=youth):
            messages.success(request, _("Du er ikke længere med i Ungerådet. Du kan altid melde dig ind igen."))
        return redirect("youthcouncil:home")
    return render(request, "youthcouncil/leave.html", {"youth": youth})


# --- The leader's pages -----------------------------------------------------------------------------------


def leader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A leader (or administrator) of a municipality: everything here is one municipality's council."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not policy.is_leader(request.user) or request.user.municipality_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@leader_required
def manage(request: HttpRequest) -> HttpResponse:
    return render(request, "youthcouncil/manage.html", selectors.council_for_leader(request.user))


@leader_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.service_data.items() if k != "version"}
        ok, _m, form = run_service(form, lambda: services.meeting_create(actor=request.user, **data))
        if ok:
            messages.success(request, _("Mødet er gemt. Medlemmerne kan se det på Min side."))
            return redirect("youthcouncil:manage")
    return render(request, "youthcouncil/meeting_form.html", {"form": form, "meeting": None})


@leader_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_of(request.user, pk)
    initial = {f: getattr(meeting, f) for f in ("held_on", "starts_at", "place", "agenda", "minutes", "version")}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.service_data
        ok, _m, form = run_service(form, lambda: services.meeting_update(actor=request.user, meeting=meeting, **data),
                                   on_error=keep_on_stale(form, MeetingForm))
        if ok:
            messages.success(request, _("Mødet er gemt."))
            return redirect("youthcouncil:manage")
    return render(request, "youthcouncil/meeting_form.html", {"form": form, "meeting": meeting})


@leader_required
@require_http_methods(["GET", "POST"])
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_of(request.user, pk)
    form = EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.meeting_delete(actor=request.user, meeting=meeting))
        if ok:
            messages.success(request, _("Mødet er slettet."))
            return redirect("youthcouncil:manage")
    return render(request, "youthcouncil/confirm_delete.html", {"form": form, "what": meeting, "kind": "meeting"})


@leader_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest) -> HttpResponse:
    mid = request.user.municipality_id
    form = ProposalForm(request.POST or None, municipality_id=mid)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.service_data.items() if k != "version"}
        ok, _p, form = run_service(form, lambda: services.proposal_create(actor=request.user, **data))
        if ok:
            messages.success(request, _("Forslaget er gemt. Alle unge kan se det på Min side."))
            return redirect("youthcouncil:manage")
    return render(request, "youthcouncil/proposal_form.html", {"form": form, "proposal": None})


@leader_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    mid = request.user.municipality_id
    proposal = selectors.proposal_of(request.user, pk)
    initial = {f: getattr(proposal, f) for f in ("text", "meeting", "status", "outcome", "version")}
    form = ProposalForm(request.POST or None, initial=initial, municipality_id=mid)
    if request.method == "POST" and form.is_valid():
        data = form.service_data
        ok, _p, form = run_service(form, lambda: services.proposal_update(actor=request.user, proposal=proposal,
                                                                          **data),
                                   on_error=keep_on_stale(form, lambda d: ProposalForm(d, municipality_id=mid)))
        if ok:
            messages.success(request, _("Forslaget er gemt."))
            return redirect("youthcouncil:manage")
    return render(request, "youthcouncil/proposal_form.html", {"form": form, "proposal": proposal})


@leader_required
@require_http_methods(["GET", "POST"])
def proposal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = selectors.proposal_of(request.user, pk)
    form = EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.proposal_delete(actor=request.user, proposal=proposal))
        if ok:
            messages.success(request, _("Forslaget er slettet."))
            return redirect("youthcouncil:manage")
    return render(request, "youthcouncil/confirm_delete.html", {"form": form, "what": proposal, "kind": "proposal"})


@leader_required
def comments(request: HttpRequest) -> HttpResponse:
    """The answered comments from "Hvordan går det?", each with the choice to show its text to the young people."""
    page = Paginator(selectors.answered(request.user.municipality_id), 20).get_page(request.GET.get("side"))
    rows = [{"comment": comment_shown(fb), "shown": selectors.shown_to_youth(fb),
             "form": ShowForm(initial={"show_text": "ja" if selectors.shown_to_youth(fb)["text"] else "nej"},
                              prefix=f"c{fb.pk}")}
            for fb in page]
    return render(request, "youthcouncil/comments.html", {"page": page, "rows": rows})


@leader_required
@require_POST
def comment_show(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.answered_of(request.user, pk)
    form = ShowForm(request.POST, prefix=f"c{feedback.pk}")
    if form.is_valid():
        services.comment_show_set(actor=request.user, feedback=feedback, show_text=form.cleaned_data["show_text"])
        messages.success(request, _("Kommentaren vises for de unge.") if form.cleaned_data["show_text"]
                         else _("De unge ser kun svaret."))
    else:
        messages.error(request, _("Vælg, om de unge må se kommentaren."))
    return redirect("youthcouncil:comments")
