from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.core.forms import run_service
from ungeforlob.logins.sessions import reauth_required_on_post
from ungeforlob.serviceplatform import adapters, selectors, services
from ungeforlob.serviceplatform.adapters import ServiceUnavailable
from ungeforlob.serviceplatform.forms import CprLookupForm, SendForm

NAME_FIELDS = ("first_name", "last_name")


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


@require_POST
def cpr_lookup(request: HttpRequest) -> HttpResponse:
    """"Hent fra CPR" on the form that registers a young person: fills in the name and shows the address from the
    register. With htmx only the name fields and the answer are swapped in; without, the whole form comes back."""
    from ungeforlob.youth.forms import YouthCreateForm

    if not services.may_register_youth(request.user):
        raise Http404
    form = CprLookupForm(request.POST)
    form.is_valid()
    person, error = None, ""
    try:
        person = services.cpr_lookup(actor=request.user, cpr_number=form.cleaned_data.get("cpr", ""),
                                     purpose=services.PURPOSE_CREATE)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    except ServiceUnavailable as exc:
        error = str(exc)
    initial = {k: v for k, v in request.POST.items() if k in YouthCreateForm.base_fields and k != "submission"}
    if person is not None:
        initial.update(first_name=person.first_name, last_name=person.last_name)
    youth_form = YouthCreateForm(initial=initial)
    context = {"form": youth_form, "cpr_person": person, "cpr_error": error, "cpr_looked_up": True}
    if request.htmx:
        if person is not None:
            for name in NAME_FIELDS:
                youth_form.fields[name].widget.attrs["hx-swap-oob"] = "true"
        return render(request, "serviceplatform/_cpr_result.html", context)
    return render(request, "youth/youth_create.html", context)


@require_http_methods(["GET", "POST"])
@reauth_required_on_post
def plan_send(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Send Min plan (PDF) to Digital Post: a confirmation page naming the recipients, then the sending."""
    youth = policy.get_youth_for(request.user, youth_pk, what="digital_post", for_edit=True)
    form = SendForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, letters, form = run_service(form, lambda: services.plan_send(actor=request.user, youth=youth))
        if ok:
            messages.success(request, ngettext("Min plan er sendt til Digital Post (%(n)s modtager).",
                                               "Min plan er sendt til Digital Post (%(n)s modtagere).",
                                               len(letters)) % {"n": len(letters)})
            return redirect("plans:share", youth.pk)
    return render(request, "serviceplatform/send.html", {
        "youth": youth, "form": form, "what": _("Min plan som PDF"), "back": "plans:share", "tab": "plans:plan",
        "under_18": youth.age < services.ADULT_AGE, "letters": selectors.letters_for(youth)})


def _meeting_send(request: HttpRequest, youth_pk: int, *, kind: str, pk: int) -> HttpResponse:
    from ungeforlob.plans.models import PlanMeeting
    from ungeforlob.transitions.models import FollowUp

    youth = policy.get_youth_for(request.user, youth_pk, what="digital_post", for_edit=True)
    model = PlanMeeting if kind == "planmoede" else FollowUp
    meeting = policy.access(model, user=request.user, youth=youth, pk=pk, action=policy.Action.EDIT)
    target = {"plan_meeting": meeting} if kind == "planmoede" else {"followup": meeting}
    form = SendForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, letters, form = run_service(form, lambda: services.meeting_invitation_send(
            actor=request.user, youth=youth, **target))
        if ok:
            messages.success(request, ngettext("Invitationen er sendt til Digital Post (%(n)s modtager).",
                                               "Invitationen er sendt til Digital Post (%(n)s modtagere).",
                                               len(letters)) % {"n": len(letters)})
            return redirect("meetings:youth", youth.pk)
    what = _("Invitationen til planmødet") if kind == "planmoede" else _("Invitationen til opfølgningen")
    return render(request, "serviceplatform/send.html", {
        "youth": youth, "form": form, "what": what, "back": "meetings:youth", "tab": "meetings:youth",
        "under_18": youth.age < services.ADULT_AGE, "letters": selectors.letters_for(youth)})


@require_http_methods(["GET", "POST"])
@reauth_required_on_post
def plan_meeting_send(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    return _meeting_send(request, youth_pk, kind="planmoede", pk=pk)


@require_http_methods(["GET", "POST"])
@reauth_required_on_post
def followup_send(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    return _meeting_send(request, youth_pk, kind="opfoelgning", pk=pk)


# --- Development: the fake mailbox -------------------------------------------------------------------------------


def _development_only(request: HttpRequest) -> None:
    """The fake mailbox opens in development (DEBUG) to staff, and to administrators also when DEBUG is off, as
    long as the fake adapter is the one in use."""
    if not policy.is_staff_user(request.user) or adapters.adapter_name() != "fake":
        raise Http404
    if not (settings.DEBUG or policy.is_administrator(request.user)):
        raise Http404


def mailbox(request: HttpRequest) -> HttpResponse:
    _development_only(request)
    return render(request, "serviceplatform/mailbox.html", {
        "rows": selectors.fake_mailbox(request.user), "test_persons": selectors.test_persons()})


def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    _development_only(request)
    found = selectors.fake_attachment(request.user, policy.pk_or_404(pk))
    if found is None:
        raise Http404
    response = HttpResponse(bytes(found.content), content_type=found.mime_type)
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
