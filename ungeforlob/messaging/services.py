"""Writes for SMS contact. Each is atomic, validates with Danish messages, and records its own audit row.

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
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.text import youth_language
from ungeforlob.messaging import conf
from ungeforlob.messaging.models import (
    CheckIn,
    CheckInStatus,
    ConsentWithdrawal,
    InboundMessage,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
    WakeUpStopReason,
)
from ungeforlob.messaging.rules import ContentWarning, check_content, quiet_shift

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


def consent_is_active(youth: Any) -> bool:
    return SmsConsent.objects.filter(youth=youth, given_at__isnull=False, withdrawn_at__isnull=True).exists()


def require_sendable(youth: Any) -> None:
    """Raise (Danish) unless the youth has consented to SMS contact and has a mobile number."""
    if not consent_is_active(youth):
        raise ValidationError(
            {"youth": ValidationError(
                _("%(name)s har ikke givet samtykke til SMS-kontakt, så der sendes ingen SMS. Registrér "
                  "samtykket under Beskeder først.") % {"name": youth.full_name}, code="no_consent")}
        )
    if not youth.mobile:
        raise ValidationError(
            {"youth": ValidationError(
                _("%(name)s har intet mobilnummer. Tilføj nummeret under Ret oplysninger.")
                % {"name": youth.full_name}, code="no_mobile")}
        )


def check_or_raise(*, youth: Any, body: str, accept_warnings: bool) -> bool:
    """Apply the content rules. Returns whether a warning was accepted."""
    result = check_content(youth=youth, body=body)
    if result.errors:
        raise ValidationError({"body": result.errors})
    if result.warnings and not accept_warnings:
        raise ContentWarning({"body": result.warnings}, code="warning")
    return bool(result.warnings)


def _aware(when: datetime.datetime) -> datetime.datetime:
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
) -> OutboundMessage:
    existing = OutboundMessage.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    body = clean_body(body)
    warned = check_or_raise(youth=youth, body=body, accept_warnings=accept_warnings)
    now = timezone.now()
    when = max(_aware(send_at), now) if send_at else now
    shifted = False
    if kind not in (MessageKind.WAKEUP, MessageKind.LOGIN_CODE):
        when, shifted = quiet_shift(when)
    message = OutboundMessage(
        youth=youth, kind=kind, body=body, send_at=when, due_at=when, quiet_shifted=shifted,
        idempotency_key=key, related_type=str(related_type or "")[:60], related_id=str(related_id or "")[:60],
        warning_accepted=warned, created_by=actor if getattr(actor, "is_authenticated", False) else None,
        series=series,
    )
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        # Another transaction enqueued the same key at the same moment: that one is the message.
        return OutboundMessage.objects.get(idempotency_key=key)
    if audit:
        audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=message,
                     detail={"kind": kind, "send_at": when.isoformat(), "warning_accepted": warned})
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
    """
    return _enqueue(
        youth=youth, body=body, kind=normalize_kind(kind), send_at=send_at, actor=actor,
        key=normalize_key(idempotency_key) if idempotency_key else f"sms:{uuid.uuid4().hex}",
        related_type=related_type, related_id=str(related_id or ""), accept_warnings=accept_warnings,
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
    when = max(_aware(send_at), timezone.now())
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
def consent_give(*, actor: Any, youth: Any, note: str = "") -> SmsConsent:
    """Record that the young person agrees to SMS contact (again, after a STOP)."""
    note = (note or "").strip()[:200]
    consent, _created = SmsConsent.objects.select_for_update(of=("self",)).get_or_create(youth=youth)
    consent.given_at = timezone.now()
    consent.recorded_by = actor
    consent.note = note
    consent.withdrawn_at = None
    consent.withdrawn_via = ""
    consent.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=consent, detail={"consent": True})
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Any, youth: Any, via: str = ConsentWithdrawal.STAFF) -> SmsConsent:
    """The youth no longer wants SMS: nothing queued goes out and every wake-up series stops."""
    now = timezone.now()
    consent, _created = SmsConsent.objects.select_for_update(of=("self",)).get_or_create(youth=youth)
    consent.withdrawn_at = now
    consent.withdrawn_via = via
    consent.save()
    by_youth = via in (ConsentWithdrawal.STOP, ConsentWithdrawal.PORTAL)
    reason = {
        ConsentWithdrawal.STOP: _("Ikke sendt: den unge svarede STOP."),
        ConsentWithdrawal.PORTAL: _("Ikke sendt: den unge trak samtykket til SMS tilbage på Min side."),
    }.get(via, _("Ikke sendt: samtykket til SMS er trukket tilbage."))
    OutboundMessage.objects.filter(youth=youth, status=MessageStatus.QUEUED).update(
        status=MessageStatus.CANCELLED, cancelled_at=now, status_reason=reason
    )
    stop_reason = WakeUpStopReason.YOUTH if by_youth else WakeUpStopReason.STAFF
    WakeUpSeries.objects.filter(youth=youth, stopped_at__isnull=True).update(
        stopped_at=now, stopped_reason=stop_reason, stopped_by=actor if _is_staff(actor) else None
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=consent,
                 actor_youth=youth if by_youth else None,
                 detail={"consent": False, "via": via})
    return consent


def _is_staff(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


def _first_name(youth: Any) -> str:
    return youth.preferred_name or youth.first_name


WAKEUP_EARLIEST = datetime.time(5, 0)
WAKEUP_LATEST = datetime.time(11, 0)
WAKEUP_MAX_DAYS = 366


@transaction.atomic
def wakeup_create(
    *,
    actor: Any,
    youth: Any,
    time_of_day: datetime.time,
    weekdays: list[int],
    start_date: datetime.date,
    stop_date: datetime.date | None = None,
    body: str = "",
    accept_warnings: bool = False,
) -> WakeUpSeries:
    """Agree a morning wake-up: an SMS at `time_of_day` on `weekdays` (Monday=0) from `start_date` until
    `stop_date` (inclusive) or until the youth answers STOP VÆKNING (or STOP). The first days are queued now."""
    require_sendable(youth)
    days = sorted({int(d) for d in weekdays if str(d).isdigit() and 0 <= int(d) <= 6})
    if not days:
        raise ValidationError({"weekdays": _("Vælg mindst én ugedag.")})
    if not WAKEUP_EARLIEST <= time_of_day <= WAKEUP_LATEST:
        raise ValidationError({"time_of_day": _("En vækning skal ligge mellem kl. 5.00 og kl. 11.00.")})
    today = timezone.localdate(timezone.now(), conf.LOCAL_TZ)
    if start_date < today:
        raise ValidationError({"start_date": _("Startdatoen kan ikke ligge i fortiden.")})
    if stop_date is not None and stop_date < start_date:
        raise ValidationError({"stop_date": _("Slutdatoen kan ikke ligge før startdatoen.")})
    if stop_date is not None and (stop_date - start_date).days > WAKEUP_MAX_DAYS:
        raise ValidationError({"stop_date": _("En vækning kan højst aftales et år frem. Aftal en ny bagefter.")})
    body = clean_body(body or default_wakeup_body(youth))
    check_or_raise(youth=youth, body=body, accept_warnings=accept_warnings)
    weekdays_value = ",".join(str(d) for d in days)
    if WakeUpSeries.objects.filter(youth=youth, stopped_at__isnull=True, time_of_day=time_of_day,
                                   weekdays=weekdays_value).exists():
        raise ValidationError({"time_of_day": _("Den vækning er allerede aftalt.")})
    series = WakeUpSeries.objects.create(
        youth=youth, time_of_day=time_of_day, weekdays=weekdays_value, start_date=start_date,
        stop_date=stop_date, body=body, created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=series,
                 detail={"time": time_of_day.strftime("%H:%M"), "weekdays": series.weekdays})
    wakeup_materialize(now=timezone.now(), series=series)
    return series


def default_wakeup_body(youth: Any) -> str:
    return _("Godmorgen %(name)s! Tid til at stå op. Svar STOP VÆKNING, når du selv kan komme op.") % {
        "name": _first_name(youth)}


@transaction.atomic
def wakeup_stop(*, actor: Any, series: WakeUpSeries, reason: str = WakeUpStopReason.STAFF) -> WakeUpSeries:
    """Stop a wake-up series; the wake-ups still queued are cancelled."""
    if series.stopped_at is not None:
        return series
    now = timezone.now()
    series.stopped_at = now
    series.stopped_reason = reason
    series.stopped_by = actor if _is_staff(actor) else None
    series.save(update_fields=["stopped_at", "stopped_reason", "stopped_by"])
    OutboundMessage.objects.filter(series=series, status=MessageStatus.QUEUED).update(
        status=MessageStatus.CANCELLED, cancelled_at=now, status_reason=_("Vækningen er stoppet.")
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=series.youth, obj=series,
                 actor_youth=series.youth if reason == WakeUpStopReason.YOUTH else None,
                 detail={"stopped": reason})
    return series


@transaction.atomic
def wakeup_materialize(*, now: datetime.datetime, series: WakeUpSeries | None = None) -> int:
    """Queue the wake-ups of the coming days (SMS_WAKEUP_HORIZON_DAYS) for every active series, and end
    the series whose stop date has passed. Idempotent (one key per series and day); returns how many it added."""
    today = timezone.localtime(now, conf.LOCAL_TZ).date()
    horizon = today + datetime.timedelta(days=conf.wakeup_horizon_days())
    qs = WakeUpSeries.objects.filter(stopped_at__isnull=True)
    if series is not None:
        qs = qs.filter(pk=series.pk)
    wanted: dict[str, OutboundMessage] = {}
    for s in qs:
        if s.stop_date is not None and s.stop_date < today:
            WakeUpSeries.objects.filter(pk=s.pk, stopped_at__isnull=True).update(
                stopped_at=now, stopped_reason=WakeUpStopReason.STOP_DATE)
            continue
        last = min(horizon, s.stop_date) if s.stop_date else horizon
        day = max(today, s.start_date)
        days = s.weekday_list
        while day <= last:
            when = datetime.datetime.combine(day, s.time_of_day, tzinfo=conf.LOCAL_TZ)
            if day.weekday() in days and when > now:
                key = f"wakeup:{s.pk}:{day.isoformat()}"
                wanted[key] = OutboundMessage(
                    youth_id=s.youth_id, kind=MessageKind.WAKEUP, body=s.body, send_at=when, due_at=when,
                    idempotency_key=key, series=s, related_type="messaging.wakeupseries", related_id=str(s.pk),
                    created_by_id=s.created_by_id,
                )
            day += datetime.timedelta(days=1)
    if not wanted:
        return 0
    existing = set(OutboundMessage.objects.filter(idempotency_key__in=list(wanted)).values_list(
        "idempotency_key", flat=True))
    missing = [m for k, m in wanted.items() if k not in existing]
    OutboundMessage.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def _when_text(when: datetime.datetime) -> str:
    from django.utils.formats import date_format

    local = timezone.localtime(when, conf.LOCAL_TZ)
    today = timezone.localdate(timezone.now(), conf.LOCAL_TZ)
    clock = local.strftime("%H.%M")
    if local.date() == today:
        return _("i dag kl. %(clock)s") % {"clock": clock}
    if local.date() == today + datetime.timedelta(days=1):
        return _("i morgen kl. %(clock)s") % {"clock": clock}
    return _("%(day)s kl. %(clock)s") % {"day": date_format(local.date(), "l \\d. j. F"), "clock": clock}


@transaction.atomic
def reminder_schedule(
    *,
    actor: Any,
    youth: Any,
    appointment_at: datetime.datetime,
    lead_hours: int | None = None,
    place: str = "",
    related_type: str = "",
    related_id: Any = "",
    idempotency_key: str | None = None,
    accept_warnings: bool = False,
) -> OutboundMessage:
    """A reminder of an appointment, `lead_hours` before it (default SMS_REMINDER_LEAD_HOURS; sooner if
    that moment has passed). The text names time and place only — never what the appointment is about."""
    require_sendable(youth)
    appointment_at = _aware(appointment_at)
    now = timezone.now()
    if appointment_at <= now:
        raise ValidationError({"appointment_at": _("Aftalen ligger i fortiden.")})
    lead = conf.reminder_lead_hours() if lead_hours is None else int(lead_hours)
    if not 0 <= lead <= 24 * 14:
        raise ValidationError({"lead_hours": _("Påmindelsen kan sendes fra 0 timer til 14 dage før.")})
    place = " ".join((place or "").split())[:120]
    with youth_language(youth):  # the SMS is in the young person's language, not the sender's UI language
        text = _("Hej %(name)s. Husk vores aftale %(when)s.") % {"name": _first_name(youth),
                                                                 "when": _when_text(appointment_at)}
        if place:
            text = _("Hej %(name)s. Husk vores aftale %(when)s, %(place)s.") % {
                "name": _first_name(youth), "when": _when_text(appointment_at), "place": place}
        text += " " + _("Skriv, hvis du ikke kan komme.")
    return sms_enqueue(
        youth=youth, body=text, kind=MessageKind.REMINDER, send_at=appointment_at - datetime.timedelta(hours=lead),
        actor=actor, idempotency_key=idempotency_key, related_type=related_type, related_id=related_id,
        accept_warnings=accept_warnings,
    )


@transaction.atomic
def checkin_create(
    *,
    actor: Any,
    youth: Any,
    question: str,
    send_at: datetime.datetime | None = None,
    related_type: str = "",
    related_id: Any = "",
    idempotency_key: str | None = None,
    accept_warnings: bool = False,
) -> CheckIn:
    """Ask the youth a question by SMS (e.g. "Hvordan gik det i praktikken i dag?"), often about an activity
    (`related_type="plans.activity"`). The youth's first reply while it is open is recorded on it."""
    require_sendable(youth)
    question = clean_body(question)
    message = sms_enqueue(
        youth=youth, body=question, kind=MessageKind.CHECKIN, send_at=send_at, actor=actor,
        idempotency_key=idempotency_key, related_type=related_type, related_id=related_id,
        accept_warnings=accept_warnings,
    )
    existing = CheckIn.objects.filter(message=message).first()
    if existing is not None:
        return existing
    checkin = CheckIn.objects.create(
        youth=youth, question=question[:320], message=message, related_type=message.related_type,
        related_id=message.related_id, created_by=actor if _is_staff(actor) else None,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=checkin)
    return checkin


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
    if send_at is not None and _aware(send_at) <= timezone.now():
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


# --- Inbound replies and delivery receipts (called by the webhooks) ---------------------------------------

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
