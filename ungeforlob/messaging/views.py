"""Pages for SMS contact with a young person, the provider's webhooks, and the development gateway.

Reading the conversation is for everyone in the circle (`Action.VIEW`); writing to the young person, agreeing
wake-ups, reminders and check-ins and recording consent is `Action.SEND_SMS` (the policy's editing roles).

The webhooks (`/sms/indgaaende/` for replies, `/sms/kvittering/` for delivery receipts) are called by the
provider, not a user. They take the shared secret `SMS_INBOUND_TOKEN` in a header only —
`Authorization: Bearer <token>`, or `X-Inbound-Token: <token>` where the provider cannot set Authorization —
compared in constant time. A token in the URL's query string would end up in access logs and proxies'
logs: such a request is refused and nothing is recorded, so the provider's configuration gets fixed.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any
from urllib.parse import unquote_plus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list
from ungeforlob.core.forms import run_service
from ungeforlob.messaging import conf, selectors, services
from ungeforlob.messaging.forms import (
    CheckInForm,
    ConsentForm,
    DevReplyForm,
    ReminderForm,
    SendForm,
    WakeUpForm,
)
from ungeforlob.messaging.gateways import dev_log_path
from ungeforlob.messaging.models import MessageStatus, OutboundMessage, WakeUpSeries
from ungeforlob.messaging.rules import ContentWarning
from ungeforlob.messaging.services import default_wakeup_body
from ungeforlob.policy import Action

TAB = "messaging:conversation"
log = logging.getLogger(__name__)


def _sms_youth(request: HttpRequest, youth_pk: int) -> Any:
    """The young person, when the user may write to them by SMS (404 otherwise, as for anyone not in the circle)."""
    return policy.get_youth_for(request.user, youth_pk, what="sms", action=Action.SEND_SMS)


def _run(form: Any, call: Any) -> tuple[bool, Any, Any]:
    """`run_service`, and when the content rules only warn (not refuse), offer the "send anyway" box."""

    def offer_accept(exc: Any) -> None:
        form.show_accept = isinstance(exc, ContentWarning)

    return run_service(form, call, on_error=offer_accept)


def _page(request: HttpRequest, youth: Any, form: SendForm | None = None, status: int = 200) -> HttpResponse:
    thread, more = selectors.conversation_thread(youth, show_all=request.GET.get("alle") == "1")
    can_send = policy.can(request.user, Action.SEND_SMS, youth)
    context = {"youth": youth, "tab": TAB, "thread": thread, "more": more, "can_send": can_send,
               "form": form or SendForm(), **selectors.conversation_page(youth)}
    return render(request, "messaging/conversation.html", context, status=status)


def conversation(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="sms")
    return _page(request, youth)


@require_POST
def send(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    form = SendForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        ok, message, form = _run(form, lambda: services.conversation_send(
            actor=request.user, youth=youth, body=data["body"], send_at=data["send_at"],
            submission=data["submission"], accept_warnings=data["accept_warnings"],
        ))
        if ok:
            if message.status == MessageStatus.QUEUED and message.quiet_shifted:
                messages.info(request, _("Det er nattero (kl. 22–7). Beskeden sendes kl. 7.00."))
            elif data["send_at"]:
                messages.success(request, _("Beskeden er planlagt."))
            else:
                messages.success(request, _("Beskeden sendes nu."))
            return redirect("messaging:conversation", youth.pk)
    return _page(request, youth, form, status=400)


@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    current = selectors.conversation_page(youth)["consent"]
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        give = form.cleaned_data["action"] == "give"
        if give:
            ok, _consent, form = run_service(form, lambda: services.consent_give(
                actor=request.user, youth=youth, note=form.cleaned_data["note"]))
        else:
            ok, _consent, form = run_service(form, lambda: services.consent_withdraw(actor=request.user, youth=youth))
        if ok:
            messages.success(request, _("Samtykket til SMS-kontakt er registreret.") if give else
                             _("Samtykket er trukket tilbage. Der sendes ingen SMS'er, og planlagte beskeder og "
                               "vækninger er stoppet."))
            return redirect("messaging:conversation", youth.pk)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "messaging/consent.html", {"youth": youth, "tab": TAB, "form": form, "consent": current},
                  status=status)


def _key(prefix: str, youth: Any, data: dict[str, Any]) -> str | None:
    """The idempotency key of a form's one submission (posting it twice makes one message)."""
    return f"{prefix}:{youth.pk}:{data['submission']}" if data.get("submission") else None


def _form_page(request: HttpRequest, youth: Any, form: Any, template: str, **extra: Any) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"youth": youth, "tab": TAB, "form": form, **extra}, status=status)


@require_http_methods(["GET", "POST"])
def wakeup_new(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    initial = {"weekdays": [0, 1, 2, 3, 4], "start_date": timezone.localdate(), "body": default_wakeup_body(youth)}
    form = WakeUpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _series, form = _run(form, lambda: services.wakeup_create(
            actor=request.user, youth=youth, time_of_day=data["time_of_day"], weekdays=data["weekdays"],
            start_date=data["start_date"], stop_date=data["stop_date"], body=data["body"],
            accept_warnings=data["accept_warnings"]))
        if ok:
            messages.success(request, _("Vækningen er aftalt."))
            return redirect("messaging:conversation", youth.pk)
    return _form_page(request, youth, form, "messaging/wakeup_form.html")


@require_http_methods(["GET", "POST"])
def wakeup_stop(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    series = policy.access(WakeUpSeries.objects.filter(stopped_at__isnull=True), user=request.user, youth=youth,
                           pk=pk, action=Action.SEND_SMS)
    if request.method == "POST":
        services.wakeup_stop(actor=request.user, series=series)
        messages.success(request, _("Vækningen er stoppet."))
        return redirect("messaging:conversation", youth.pk)
    return render(request, "messaging/wakeup_stop.html", {"youth": youth, "tab": TAB, "series": series})


@require_http_methods(["GET", "POST"])
def reminder_new(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    form = ReminderForm(request.POST or None, initial={"lead_hours": conf.reminder_lead_hours()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _message, form = _run(form, lambda: services.reminder_schedule(
            actor=request.user, youth=youth, appointment_at=data["appointment_at"], lead_hours=data["lead_hours"],
            place=data["place"], accept_warnings=data["accept_warnings"],
            idempotency_key=_key("reminder", youth, data)))
        if ok:
            messages.success(request, _("Påmindelsen er planlagt."))
            return redirect("messaging:conversation", youth.pk)
    return _form_page(request, youth, form, "messaging/reminder_form.html")


def _activities(youth: Any) -> list[tuple[str, str]]:
    """The youth's plan activities, if the plans app has them (linked loosely by type and id)."""
    from django.apps import apps

    try:
        activity = apps.get_model("plans", "Activity")
    except LookupError:
        return []
    rows = activity.objects.filter(subgoal__goal__youth=youth).order_by("title").values_list("pk", "title")[:200]
    return [(str(pk), title) for pk, title in rows]


@require_http_methods(["GET", "POST"])
def checkin_new(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    activities = _activities(youth)
    form = CheckInForm(request.POST or None, activities=activities,
                       initial={"activity": request.GET.get("aktivitet", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        activity = data.get("activity") or ""
        ok, _checkin, form = _run(form, lambda: services.checkin_create(
            actor=request.user, youth=youth, question=data["question"], send_at=data["send_at"],
            related_type="plans.activity" if activity else "", related_id=activity,
            accept_warnings=data["accept_warnings"], idempotency_key=_key("checkin", youth, data)))
        if ok:
            messages.success(request, _("Spørgsmålet er sendt. Svaret kommer her."))
            return redirect("messaging:conversation", youth.pk)
    return _form_page(request, youth, form, "messaging/checkin_form.html")


def _message(request: HttpRequest, youth: Any, pk: int) -> OutboundMessage:
    """One of this young person's messages (404 for another's, or for a user who may not write to them)."""
    return policy.access(OutboundMessage, user=request.user, youth=youth, pk=pk, action=Action.SEND_SMS)


@require_http_methods(["GET", "POST"])
def message_cancel(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    message = _message(request, youth, pk)
    if request.method == "POST":
        try:
            services.outbound_cancel(actor=request.user, message=message)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Beskeden er annulleret."))
        return redirect("messaging:conversation", youth.pk)
    return render(request, "messaging/message_cancel.html", {"youth": youth, "tab": TAB, "message": message})


@require_POST
def message_retry(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    message = _message(request, youth, pk)
    try:
        services.outbound_retry(actor=request.user, message=message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Beskeden prøves sendt igen."))
    return redirect("messaging:conversation", youth.pk)


@require_POST
def message_acknowledge(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = _sms_youth(request, youth_pk)
    message = _message(request, youth, pk)
    services.outbound_acknowledge_failure(actor=request.user, message=message)
    return redirect("messaging:conversation", youth.pk)


# --- the provider's webhooks ------------------------------------------------------------------------------

def _header_token(request: HttpRequest) -> str:
    auth = request.headers.get("Authorization", "")
    scheme, _sep, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("X-Inbound-Token", "").strip()


def _token_in_url(request: HttpRequest, expected: str) -> bool:
    """A token in the query string (under any name) is in every access log it passed through."""
    if "token" in request.GET:
        return True
    return bool(expected) and expected in unquote_plus(request.META.get("QUERY_STRING", ""))


def _refusal(request: HttpRequest) -> HttpResponse | None:
    """None when the provider's request carries the right token in a header; else the 403 to answer."""
    expected = str(getattr(settings, "SMS_INBOUND_TOKEN", "") or "")
    if _token_in_url(request, expected):
        log.warning("SMS webhook %s refused: the token was sent in the URL; send it in the Authorization header",
                    request.path)
        return JsonResponse({"error": "the token belongs in the Authorization header, not the URL"}, status=403)
    if not expected:
        return JsonResponse({"error": "forbidden"}, status=403)  # no token configured: the webhooks are closed
    if not hmac.compare_digest(_header_token(request).encode(), expected.encode()):
        return JsonResponse({"error": "forbidden"}, status=403)
    return None


def _payload(request: HttpRequest) -> dict[str, Any] | None:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
    return request.POST.dict()


def _first(data: dict[str, Any], *names: str) -> Any:
    for name in names:
        if data.get(name) not in (None, ""):
            return data[name]
    return ""


@csrf_exempt
@login_not_required
@require_POST
def inbound_webhook(request: HttpRequest) -> HttpResponse:
    """A reply from a young person, posted by the provider: {"msisdn", "message", "id"} (or from/text)."""
    if (refused := _refusal(request)) is not None:
        return refused
    data = _payload(request)
    if data is None:
        return JsonResponse({"error": "invalid JSON"}, status=400)
    number = _first(data, "msisdn", "from", "sender")
    body = _first(data, "message", "text", "body")
    if not number or body == "" or not isinstance(body, str | int | float):
        return JsonResponse({"error": "msisdn and message are required"}, status=400)
    inbound = services.inbound_receive(from_number=number, body=str(body),
                                       gateway_message_id=_first(data, "id", "message_id"))
    if inbound is None:
        return JsonResponse({"status": "unmatched"}, status=202)
    return JsonResponse({"status": "ok", "id": inbound.pk})


@csrf_exempt
@login_not_required
@require_POST
def receipt_webhook(request: HttpRequest) -> HttpResponse:
    """A delivery receipt posted by the provider: {"id", "status", "userref"}."""
    if (refused := _refusal(request)) is not None:
        return refused
    data = _payload(request)
    if data is None:
        return JsonResponse({"error": "invalid JSON"}, status=400)
    message = services.receipt_apply(status=_first(data, "status"), gateway_message_id=_first(data, "id"),
                                     idempotency_key=_first(data, "userref", "reference"))
    return JsonResponse({"status": "ok" if message is not None else "unknown"})


# --- the development gateway (DEBUG only) ----------------------------------------------------------------

def _debug_only() -> None:
    if not settings.DEBUG:
        raise Http404


def dev_gateway(request: HttpRequest) -> HttpResponse:
    """What the development gateway "delivered" — only to young people the user may see."""
    _debug_only()
    rows = selectors.dev_gateway_messages(request.user)
    audit_record_list(actor=request.user, youths={m.youth.pk: m.youth for _r, m in rows if m}.values(),
                      purpose="SMS i udviklings-gatewayen")
    return render(request, "messaging/dev_gateway.html", {"rows": rows, "log_path": dev_log_path(),
                                                          "reply_form": DevReplyForm()})


@require_POST
def dev_reply(request: HttpRequest) -> HttpResponse:
    """Answer a delivered message as the young person would, through the same service as the webhook."""
    _debug_only()
    form = DevReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv et svar."))
        return redirect("messaging:dev_gateway")
    rows = dict((r.pk, m) for r, m in selectors.dev_gateway_messages(request.user, limit=500))
    message = rows.get(form.cleaned_data["message"])
    # Answering as the young person is a write: only for those who may write to them, like the conversation.
    if message is None or not policy.can(request.user, Action.SEND_SMS, message.youth):
        raise Http404
    services.inbound_receive(from_number=message.to_number or message.youth.mobile, body=form.cleaned_data["body"])
    messages.success(request, _("Svaret er modtaget som SMS fra %(name)s.") % {"name": message.youth.full_name})
    return redirect("messaging:dev_gateway")
