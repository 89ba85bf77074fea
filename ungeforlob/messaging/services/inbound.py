"""What comes back from the provider: replies from young people (STOP, STOP VÆKNING, answers to check-ins)
and delivery receipts. Called by the webhooks and the development gateway page."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.messaging import conf
from ungeforlob.messaging.models import (
    CheckIn,
    CheckInStatus,
    ConsentWithdrawal,
    InboundMessage,
    MessageStatus,
    OutboundMessage,
    WakeUpSeries,
    WakeUpStopReason,
)
from ungeforlob.messaging.services.consent import consent_withdraw
from ungeforlob.messaging.services.outbound import normalize_key
from ungeforlob.messaging.services.series import wakeup_stop

STOP_WORDS = frozenset({"STOP", "STOPP", "AFMELD", "STOP SMS", "STOP ALT"})
STOP_WAKEUP_WORDS = frozenset({"STOP VÆKNING", "STOP VAEKNING", "STOP VÆK", "STOP VAEK", "STOP VÆKNINGEN"})


def normalize_number(raw: Any) -> str:
    """A sender's number in E.164 ("+4520123456"), or "" when it is not a number at all."""
    import phonenumbers

    text = str(raw or "").strip()
    if not text:
        return ""
    if text.isdigit() and len(text) > 8:
        text = "+" + text  # providers send MSISDNs without the plus: 4520123456
    try:
        parsed = phonenumbers.parse(text, "DK")
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def youths_with_number(number: str, *, limit: int = 20) -> list[Any]:
    """Everyone registered with this mobile number, the one we last wrote to first (siblings, or a parent's
    phone, can share a number)."""
    from django.db.models import Max

    from ungeforlob.youth.models import Youth

    if not number:
        return []
    variants = {number}
    if number.startswith("+45"):
        variants |= {number[3:], number[1:], f"0045{number[3:]}"}
    return list(
        Youth.objects.filter(mobile__in=variants)
        .annotate(last_sms=Max("sms_outbound__send_at"))
        .select_related("municipality")
        .order_by(models.F("last_sms").desc(nulls_last=True), "-created_at", "-pk")[:limit]
    )


def match_youth(number: str) -> Any:
    """The young person who has this mobile number; if several share it, the one we last wrote to."""
    found = youths_with_number(number, limit=1)
    return found[0] if found else None


def _command(body: str) -> str:
    return " ".join(body.replace(".", " ").replace("!", " ").upper().split())


@transaction.atomic
def inbound_receive(
    *,
    from_number: Any,
    body: str,
    gateway_message_id: Any = "",
    received_at: datetime.datetime | None = None,
) -> InboundMessage | None:
    """Record an SMS from a young person. None when the number matches nobody (nothing is stored then).

    STOP (or STOPP, AFMELD) withdraws the SMS consent: nothing more is sent. STOP VÆKNING stops only the
    wake-ups. Any other reply to an open check-in is recorded on it as the answer. A provider re-posting the
    same message id gets the first row back.
    """
    gateway_id = str(gateway_message_id or "")[:100]
    if gateway_id:
        existing = InboundMessage.objects.filter(gateway_message_id=gateway_id).first()
        if existing is not None:
            return existing
    number = normalize_number(from_number)
    candidates = youths_with_number(number)
    if not candidates:
        return None
    youth = candidates[0]
    text = str(body or "").strip()[:1600]
    now = timezone.now()
    # A shared number: the reply goes to the one we last wrote to, marked so the contact person checks who wrote.
    message = InboundMessage(youth=youth, from_number=number, body=text, received_at=received_at or now,
                             gateway_message_id=gateway_id, shared_number=len(candidates) > 1)
    command = _command(text)
    if command in STOP_WORDS:
        message.is_stop = True
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        return InboundMessage.objects.get(gateway_message_id=gateway_id)
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE, youth=youth, obj=message)
    if message.is_stop:
        # STOP is the phone's owner saying "no more SMS to this phone": it counts for everyone on the number.
        for each in candidates:
            consent_withdraw(actor=None, youth=each, via=ConsentWithdrawal.STOP)
    elif command in STOP_WAKEUP_WORDS:
        for series in WakeUpSeries.objects.filter(youth=youth, stopped_at__isnull=True):
            wakeup_stop(actor=None, series=series, reason=WakeUpStopReason.YOUTH)
    else:
        _answer_open_checkin(message, now)
    return message


def _answer_open_checkin(message: InboundMessage, now: datetime.datetime) -> None:
    since = now - datetime.timedelta(days=conf.checkin_open_days())
    checkin = (
        CheckIn.objects.select_for_update(of=("self",))
        .filter(youth=message.youth, status=CheckInStatus.OPEN,
                message__status__in=[MessageStatus.SENT, MessageStatus.DELIVERED], message__sent_at__gte=since)
        .order_by("-message__sent_at")
        .first()
    )
    if checkin is None:
        return
    checkin.status = CheckInStatus.ANSWERED
    checkin.answer = message.body
    checkin.answered_at = message.received_at
    checkin.save(update_fields=["status", "answer", "answered_at"])
    message.checkin = checkin
    message.save(update_fields=["checkin"])
    _tell_contact_people(message.youth)


def _tell_contact_people(youth: Any) -> None:
    """A reply to a check-in reaches someone: a notice to the contact person(s), besides *I dag*'s "Ny SMS fra den
    unge". No personal details in the text; the link opens the conversation."""
    from django.urls import reverse

    from ungeforlob.chain.selectors import contact_people
    from ungeforlob.notifications.services import staff_notify

    staff_notify(recipients=contact_people(youth), kind="sms_svar",
                 text=_("En ung har svaret på et tjek ind på sms."),
                 url=reverse("messaging:conversation", args=[youth.pk]))


@transaction.atomic
def checkin_answer(*, youth: Any, related_type: str, related_id: Any, answer: str,
                   answered_in: str = "portal") -> CheckIn | None:
    """The young person answered elsewhere (e.g. a check-in on Min side): the open SMS check-in about the same
    thing gets that answer, so the contact person does not wait for an SMS reply. None when none is open."""
    checkin = (CheckIn.objects.select_for_update(of=("self",))
               .filter(youth=youth, status=CheckInStatus.OPEN, related_type=related_type, related_id=str(related_id))
               .order_by("-pk").first())
    if checkin is None:
        return None
    checkin.status = CheckInStatus.ANSWERED
    checkin.answer = answer[:1600]
    checkin.answered_at = timezone.now()
    checkin.save(update_fields=["status", "answer", "answered_at"])
    audit_record(actor=None, actor_youth=youth, action=AuditAction.UPDATE, youth=youth, obj=checkin,
                 detail={"answered_in": answered_in})
    return checkin


RECEIPT_DELIVERED = frozenset({"DELIVERED", "DELIVRD"})
RECEIPT_FAILED = frozenset({"UNDELIVERED", "UNDELIV", "REJECTED", "EXPIRED", "FAILED", "SKIPPED"})


@transaction.atomic
def receipt_apply(*, status: Any, gateway_message_id: Any = "", idempotency_key: Any = "") -> OutboundMessage | None:
    """A delivery receipt from the provider: DELIVERED marks the message delivered; UNDELIVERED, REJECTED,
    EXPIRED mark it failed (shown to the contact person). Intermediate states change nothing."""
    code = str(status or "").strip().upper()
    qs = OutboundMessage.objects.select_related("youth__municipality")
    message = None
    if idempotency_key:
        message = qs.filter(idempotency_key=normalize_key(str(idempotency_key))).first()
    if message is None and gateway_message_id:
        message = qs.filter(gateway_message_id=str(gateway_message_id)[:100]).first()
    if message is None:
        return None
    now = timezone.now()
    live = OutboundMessage.objects.filter(pk=message.pk, status__in=[MessageStatus.SENDING, MessageStatus.SENT])
    if code in RECEIPT_DELIVERED:
        changed = live.update(status=MessageStatus.DELIVERED, delivered_at=now)
    elif code in RECEIPT_FAILED:
        changed = live.update(
            status=MessageStatus.FAILED, failed_at=now, last_error=f"receipt {code}"[:300],
            status_reason=(_("Telefonselskabet kunne ikke levere beskeden (%(code)s). Tjek mobilnummeret.")
                           % {"code": code})[:200],
        )
    else:
        return message
    if changed:
        message.refresh_from_db()
    return message
