"""Consent to SMS contact: whether a young person may be written to at all, and recording a yes or a STOP."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.messaging.models import (
    ConsentWithdrawal,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
    WakeUpStopReason,
)


def staff_or_none(actor: Any) -> Any:
    """The actor when it is a logged-in member of staff; None for the system, a webhook or the young person."""
    return actor if getattr(actor, "is_authenticated", False) else None


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
    """The youth no longer wants SMS: nothing queued goes out and every wake-up series stops.

    Withdrawing what is already withdrawn changes nothing (a second STOP, a double click): the first moment and
    way stay on record, and no second audit row is written. A login code she asked for is not cancelled: it
    goes out whatever the consent (see `MessageKind.LOGIN_CODE`)."""
    now = timezone.now()
    consent, _created = SmsConsent.objects.select_for_update(of=("self",)).get_or_create(youth=youth)
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = now
    consent.withdrawn_via = via
    consent.save()
    by_youth = via in (ConsentWithdrawal.STOP, ConsentWithdrawal.PORTAL)
    reason = {
        ConsentWithdrawal.STOP: _("Ikke sendt: den unge svarede STOP."),
        ConsentWithdrawal.PORTAL: _("Ikke sendt: den unge trak samtykket til SMS tilbage på Min side."),
    }.get(via, _("Ikke sendt: samtykket til SMS er trukket tilbage."))
    OutboundMessage.objects.filter(youth=youth, status=MessageStatus.QUEUED).exclude(
        kind=MessageKind.LOGIN_CODE).update(
        status=MessageStatus.CANCELLED, cancelled_at=now, status_reason=reason
    )
    stop_reason = WakeUpStopReason.YOUTH if by_youth else WakeUpStopReason.STAFF
    WakeUpSeries.objects.filter(youth=youth, stopped_at__isnull=True).update(
        stopped_at=now, stopped_reason=stop_reason, stopped_by=staff_or_none(actor)
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=consent,
                 actor_youth=youth if by_youth else None,
                 detail={"consent": False, "via": via})
    return consent
