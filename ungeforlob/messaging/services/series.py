"""Messages in a series or at a set time: morning wake-ups, appointment reminders and check-in questions."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.text import youth_language
from ungeforlob.messaging import conf
from ungeforlob.messaging.models import (
    CheckIn,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    WakeUpSeries,
    WakeUpStopReason,
)
from ungeforlob.messaging.services.consent import require_sendable, staff_or_none
from ungeforlob.messaging.services.outbound import check_or_raise, clean_body, local_aware, sms_enqueue


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
    series.stopped_by = staff_or_none(actor)
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
    appointment_at = local_aware(appointment_at)
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
        related_id=message.related_id, created_by=staff_or_none(actor),
    )
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=checkin)
    return checkin
