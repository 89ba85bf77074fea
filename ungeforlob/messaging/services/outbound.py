"""The outbox: putting an SMS in it, moving or cancelling it, and the contact person's own messages.

Other apps put an SMS in the outbox with `sms_enqueue` inside their own transaction: the message exists
exactly when the change that caused it does. Give it a stable `idempotency_key` (e.g.
"transitions:followup:42:day1") and calling again returns the same row instead of a second message; cancel
or move it later by that key.
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.messaging import conf
from ungeforlob.messaging.models import MessageKind, MessageStatus, OutboundMessage
from ungeforlob.messaging.rules import ContentWarning, check_content, quiet_shift
from ungeforlob.messaging.services.consent import require_sendable, staff_or_none

_KIND_ALIASES = {
    "reminder": MessageKind.REMINDER,
    "appointment": MessageKind.REMINDER,
    "paamindelse": MessageKind.REMINDER,
    "wakeup": MessageKind.WAKEUP,
    "wake_up": MessageKind.WAKEUP,
    "vaekning": MessageKind.WAKEUP,
    "scheduled": MessageKind.SCHEDULED,
    "one_off": MessageKind.SCHEDULED,
    "planlagt": MessageKind.SCHEDULED,
    "checkin": MessageKind.CHECKIN,
    "check_in": MessageKind.CHECKIN,
    "conversation": MessageKind.CONVERSATION,
    "samtale": MessageKind.CONVERSATION,
}


def normalize_kind(kind: Any) -> str:
    """A MessageKind value from a MessageKind, its value or an alias ("wake-up"); anything else is a notice."""
    value = str(kind).strip().lower().replace("-", "_")
    if value in MessageKind.values:
        return value
    return _KIND_ALIASES.get(value, MessageKind.NOTICE).value


def normalize_key(key: str) -> str:
    """Keys longer than the column are replaced by a stable hash, so the same long key still deduplicates."""
    key = str(key).strip()
    if len(key) <= 120:
        return key
    return "h:" + hashlib.sha256(key.encode()).hexdigest()


def clean_body(body: str) -> str:
    body = "\n".join(line.rstrip() for line in str(body or "").strip().splitlines())
    if not body:
        raise ValidationError({"body": _("Skriv en besked.")})
    if len(body) > conf.MAX_BODY_LENGTH:
        raise ValidationError(
            {"body": _("Beskeden må højst være %(max)s tegn (nu %(n)s).") % {"max": conf.MAX_BODY_LENGTH,
                                                                             "n": len(body)}}
        )
    return body



def check_or_raise(*, youth: Any, body: str, accept_warnings: bool) -> bool:
    """Apply the content rules. Returns whether a warning was accepted."""
    result = check_content(youth=youth, body=body)
    if result.errors:
        raise ValidationError({"body": result.errors})
    if result.warnings and not accept_warnings:
        raise ContentWarning({"body": result.warnings}, code="warning")
    return bool(result.warnings)


def local_aware(when: datetime.datetime) -> datetime.datetime:
    if timezone.is_naive(when):
        return timezone.make_aware(when, conf.LOCAL_TZ)
    return when


def _enqueue(
    *,
    youth: Any,
    body: str,
    kind: str,
    send_at: datetime.datetime | None,
    actor: Any,
    key: str,
    related_type: str,
    related_id: str,
    accept_warnings: bool,
    series: Any = None,
    audit: bool = True,
    guardian: Any = None,
    consent: Any = None,
) -> OutboundMessage:
    existing = OutboundMessage.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    body = clean_body(body)
    warned = check_or_raise(youth=youth, body=body, accept_warnings=accept_warnings)
    now = timezone.now()
    when = max(local_aware(send_at), now) if send_at else now
    shifted = False
    if kind not in (MessageKind.WAKEUP, MessageKind.LOGIN_CODE):
        when, shifted = quiet_shift(when)
    message = OutboundMessage(
        youth=youth, kind=kind, body=body, send_at=when, due_at=when, quiet_shifted=shifted,
        idempotency_key=key, related_type=str(related_type or "")[:60], related_id=str(related_id or "")[:60],
        warning_accepted=warned, created_by=staff_or_none(actor),
        series=series, guardian=guardian, consent=consent,
    )
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        # Another transaction enqueued the same key at the same moment: that one is the message.
        return OutboundMessage.objects.get(idempotency_key=key)
    if audit:
        detail = {"kind": kind, "send_at": when.isoformat(), "warning_accepted": warned}
        if guardian is not None:
            detail["guardian"] = guardian.pk
        audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=message, detail=detail)
    return message


@transaction.atomic
def sms_enqueue(
    *,
    youth: Any,
    body: str,
    kind: Any,
    send_at: datetime.datetime | None = None,
    actor: Any = None,
    idempotency_key: str | None = None,
    related_type: str = "",
    related_id: Any = "",
    accept_warnings: bool = False,
    guardian: Any = None,
    consent: Any = None,
) -> OutboundMessage:
    """Put one SMS to `youth` in the outbox, to be sent at `send_at` (default: now).

    * An existing `idempotency_key` returns the existing row unchanged (no duplicate, no new checks).
    * Raises ValidationError (Danish, keyed "body") for an empty or over-long text, a CPR number or another
      young person's name. A word that may reveal health or crime raises `ContentWarning` (a
      ValidationError) unless `accept_warnings=True`.
    * Consent is checked when the message is due: without an active SMS consent (or without a mobile
      number) at that moment it is not sent but cancelled with the reason shown in the conversation. So a
      follow-up queued before the youth consents still goes if they consent in time. Pages that send
      right away call `require_sendable(youth)` first to tell the user.
    * A time in the quiet hours 22–07 (Europe/Copenhagen) moves to 07:00, except for a wake-up; a time in
      the past means now.
    * `kind` is a MessageKind (or "reminder", "wakeup", "scheduled", "checkin", "conversation"); any other
      value is stored as a notice.
    * `related_type`/`related_id` loosely link the message to its cause, e.g. ("plans.activity", 42).
    * `guardian` sends it about `youth` to one of her guardians (their number; her SMS consent does not apply,
      and it is not part of her conversation); `consent` is the consent of hers it rests on, checked again
      when the message is due (a withdrawn or expired consent cancels it).
    """
    if guardian is not None and guardian.youth_id != youth.pk:
        raise ValidationError(_("Vælg en af den unges forældre eller værger."))
    return _enqueue(
        youth=youth, body=body, kind=normalize_kind(kind), send_at=send_at, actor=actor,
        key=normalize_key(idempotency_key) if idempotency_key else f"sms:{uuid.uuid4().hex}",
        related_type=related_type, related_id=str(related_id or ""), accept_warnings=accept_warnings,
        guardian=guardian, consent=consent,
    )


@transaction.atomic
def sms_cancel(*, idempotency_key: str, actor: Any = None) -> OutboundMessage | None:
    """Cancel a message that is still waiting in the outbox. Returns the row (None if the key is unknown).

    A message the worker has already claimed or sent is left as it is; check `.status` on the result.
    """
    key = normalize_key(idempotency_key)
    now = timezone.now()
    changed = OutboundMessage.objects.filter(idempotency_key=key, status=MessageStatus.QUEUED).update(
        status=MessageStatus.CANCELLED, cancelled_at=now, status_reason=_("Annulleret før afsendelse.")
    )
    message = OutboundMessage.objects.filter(idempotency_key=key).select_related("youth__municipality").first()
    if changed and message is not None:
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=message.youth, obj=message,
                     detail={"status": MessageStatus.CANCELLED})
    return message


@transaction.atomic
def sms_reschedule(
    *,
    idempotency_key: str,
    send_at: datetime.datetime,
    actor: Any = None,
    body: str | None = None,
    accept_warnings: bool = False,
) -> OutboundMessage | None:
    """Move a message that is still waiting to `send_at` (quiet hours apply as in `sms_enqueue`), and
    replace its text when `body` is given (the content rules apply as in `sms_enqueue`).

    Returns the row (None if the key is unknown); one already claimed, sent or cancelled is left unchanged.
    """
    key = normalize_key(idempotency_key)
    message = OutboundMessage.objects.filter(idempotency_key=key).select_related("youth__municipality").first()
    if message is None:
        return None
    when = max(local_aware(send_at), timezone.now())
    shifted = False
    if message.kind != MessageKind.WAKEUP:
        when, shifted = quiet_shift(when)
    fields: dict[str, Any] = {"send_at": when, "due_at": when, "quiet_shifted": shifted}
    if body is not None and message.status == MessageStatus.QUEUED:
        fields["body"] = clean_body(body)
        fields["warning_accepted"] = check_or_raise(youth=message.youth, body=fields["body"],
                                                    accept_warnings=accept_warnings)
    changed = OutboundMessage.objects.filter(pk=message.pk, status=MessageStatus.QUEUED).update(**fields)
    if changed:
        message.refresh_from_db()
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=message.youth, obj=message,
                     detail={"send_at": when.isoformat()})
    return message



@transaction.atomic
def conversation_send(
    *,
    actor: Any,
    youth: Any,
    body: str,
    send_at: datetime.datetime | None = None,
    submission: str = "",
    accept_warnings: bool = False,
) -> OutboundMessage:
    """A message from the contact person in the conversation, now or at a chosen time (a one-off).

    `submission` is the form's one-time token: submitting the same form twice sends one message."""
    require_sendable(youth)
    if send_at is not None and local_aware(send_at) <= timezone.now():
        raise ValidationError({"send_at": _("Tidspunktet er passeret. Vælg et tidspunkt i fremtiden, eller send nu.")})
    key = f"conversation:{youth.pk}:{submission}" if submission else None
    return sms_enqueue(
        youth=youth, body=body, kind=MessageKind.SCHEDULED if send_at else MessageKind.CONVERSATION,
        send_at=send_at, actor=actor, idempotency_key=key, accept_warnings=accept_warnings,
    )


@transaction.atomic
def outbound_retry(*, actor: Any, message: OutboundMessage) -> OutboundMessage:
    """Try a failed message again (after the number was corrected, say), with the same idempotency key."""
    if message.status != MessageStatus.FAILED:
        raise ValidationError(_("Kun beskeder, der ikke kunne sendes, kan prøves igen."))
    when = timezone.now()
    if message.kind != MessageKind.WAKEUP:
        when, _shifted = quiet_shift(when)
    OutboundMessage.objects.filter(pk=message.pk, status=MessageStatus.FAILED).update(
        status=MessageStatus.QUEUED, attempts=0, due_at=when, failed_at=None, failure_acknowledged_at=None,
        status_reason="",
    )
    message.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=message.youth, obj=message, detail={"retry": True})
    return message


@transaction.atomic
def outbound_acknowledge_failure(*, actor: Any, message: OutboundMessage) -> OutboundMessage:
    """The contact person has seen that the message failed: it leaves their list of things to look at."""
    if message.status == MessageStatus.FAILED and message.failure_acknowledged_at is None:
        message.failure_acknowledged_at = timezone.now()
        message.save(update_fields=["failure_acknowledged_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=message.youth, obj=message,
                     detail={"failure_acknowledged": True})
    return message


@transaction.atomic
def outbound_cancel(*, actor: Any, message: OutboundMessage) -> OutboundMessage:
    if message.status != MessageStatus.QUEUED:
        raise ValidationError(_("Beskeden er allerede sendt eller annulleret."))
    result = sms_cancel(idempotency_key=message.idempotency_key, actor=actor)
    assert result is not None
    return result
