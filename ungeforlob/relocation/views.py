"""Views of moving municipality: the sending side on the young person's page, the receiving side under /flytninger/."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.forms import run_service
from ungeforlob.policy import Action
from ungeforlob.relocation import package, selectors, services
from ungeforlob.relocation.forms import EmptyForm, SendForm, UploadForm
from ungeforlob.relocation.models import Relocation

INBOX_FILTERS = ("venter", "importeret", "alle")


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


# --- Sending ------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def youth_relocation(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """The young person's moves: the packages sent, and for the contact person the form to hand over."""
    action = Action.CONTACT_PERSON if request.method == "POST" else Action.VIEW
    youth = policy.get_youth_for(request.user, youth_pk, what="relocation", action=action)
    may_send = policy.can(request.user, Action.CONTACT_PERSON, youth)
    form = SendForm(_posted(request), user=request.user) if may_send else None
    if request.method == "POST" and form is not None and form.is_valid():
        ok, relocation, form = run_service(form, lambda: services.relocation_send(
            actor=request.user, youth=youth, **form.service_data))
        if ok:
            messages.success(request, _("Forløbet er overdraget til %(to)s.") % {"to": relocation.receiver_name})
            return redirect("relocation:youth", youth.pk)
    return render(request, "relocation/youth_relocation.html", {
        "youth": youth, "form": form, "tab": "relocation:youth", "today": timezone.localdate(),
        "relocations": list(selectors.relocations_of(youth)),
        "has_open_course": youth.courses.filter(end_date__isnull=True).exists(),
    })


@require_GET
def download(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """The sealed package as a file (an export in the log)."""
    youth = policy.get_youth_for(request.user, youth_pk, what="relocation", action=Action.CONTACT_PERSON)
    relocation = policy.access(Relocation, user=request.user, youth=youth, pk=pk, action=Action.CONTACT_PERSON)
    try:
        text = services.relocation_download(actor=request.user, relocation=relocation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("relocation:youth", youth.pk)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="flyttepakke-{relocation.package_id}.json"'
    return response


@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """The young person withdrew the consent: asked on a page first, done by the button."""
    youth = policy.get_youth_for(request.user, youth_pk, what="relocation", action=Action.CONTACT_PERSON)
    relocation = policy.access(Relocation, user=request.user, youth=youth, pk=pk, action=Action.CONTACT_PERSON)
    if request.method == "POST":
        services.relocation_withdraw_consent(actor=request.user, relocation=relocation)
        messages.success(request, _("Samtykket er trukket tilbage. Pakken kan ikke længere hentes eller importeres."))
        return redirect("relocation:youth", youth.pk)
    return render(request, "relocation/withdraw.html", {"youth": youth, "relocation": relocation,
                                                        "tab": "relocation:youth"})


# --- Receiving ----------------------------------------------------------------------------------------------


def _receiver_or_403(user: Any) -> None:
    if not services.may_receive(user):
        raise PermissionDenied


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """Packages addressed to the municipality. Leaders see the list (no names); the youth effort imports."""
    user = request.user
    if not (services.may_receive(user) or (policy.is_leader(user) and user.municipality_id)):
        raise PermissionDenied
    show = request.GET.get("vis", "venter")
    if show not in INBOX_FILTERS:
        show = "venter"
    return render(request, "relocation/inbox.html", {
        "packages": list(selectors.inbox(user, show=show)[:200]), "show": show,
        "may_receive": services.may_receive(user),
    })


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """A package file from another installation: checked on arrival, then previewed before it is imported."""
    _receiver_or_403(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        ok, incoming, form = run_service(form, lambda: services.package_receive_file(
            actor=request.user, text=form.cleaned_data["file"]))
        if ok:
            return redirect("relocation:incoming", incoming.pk)
    return render(request, "relocation/upload.html", {"form": form})


def _preview(request: HttpRequest, incoming: Any, form: Any) -> HttpResponse:
    """The dry run: what the package holds and what an import would create, without writing any of it."""
    document, error, problems = None, "", []
    if not incoming.is_imported:  # an imported package's content is in the record now, not here
        try:
            document = services.package_open(actor=request.user, incoming=incoming)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if document is not None:
        problems = services.import_problems(actor=request.user, incoming=incoming, document=document)
    audit_record(actor=request.user, action=AuditAction.READ, obj=incoming, object_type="relocation_package",
                 purpose="Flytning", detail={"package_id": str(incoming.package_id)})
    return render(request, "relocation/incoming.html", {
        "incoming": incoming, "document": document, "error": error, "problems": problems, "form": form,
        "summary": package.summary(document) if document else None, "dates": _dates(document),
    })


def _dates(document: dict[str, Any] | None) -> dict[str, datetime.date | None]:
    """The document's dates (ISO text) as dates, for the page to write them the Danish way."""
    if not document:
        return {}
    consent = document.get("consent") or {}
    found = {"born": (document.get("youth") or {}).get("birth_date"), "given": consent.get("given_on"),
             "until": consent.get("valid_until")}
    dates: dict[str, datetime.date | None] = {}
    for key, value in found.items():
        try:
            dates[key] = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            dates[key] = None
    return dates


@require_GET
def incoming(request: HttpRequest, pk: int) -> HttpResponse:
    _receiver_or_403(request.user)
    return _preview(request, selectors.incoming_or_404(request.user, pk), EmptyForm())


@require_POST
def import_package(request: HttpRequest, pk: int) -> HttpResponse:
    """Import: the young person, a new course and the consented parts. A package imported once stays so."""
    _receiver_or_403(request.user)
    received = selectors.incoming_or_404(request.user, pk)
    form = EmptyForm(request.POST)
    form.is_valid()
    ok, done, form = run_service(form, lambda: services.package_import(actor=request.user, incoming=received))
    if not ok:
        return _preview(request, received, form)
    if done.youth_id is None:
        raise Http404
    messages.success(request, _("Den unge er importeret, og du er kontaktperson."))
    return redirect("youth:detail", done.youth_id)
