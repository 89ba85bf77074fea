"""Consents: recorded by staff, withdrawn by the young person or staff (access ends at once), expired by the
worker."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Organisation
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import (
    Consent,
    Membership,
)
from ungeforlob.chain.services.circle import _end_on, _today
from ungeforlob.core.text import default_language
from ungeforlob.notifications.services import staff_notify
from ungeforlob.youth.models import Youth


@transaction.atomic
def consent_record(*, actor: Any, youth: Youth, purpose: str, receiving_organisation: Organisation, scope: str,
                   expires_on: datetime.date, given_at: datetime.datetime | None = None) -> Consent:
    """Record the young person's consent to share information with one organisation, for a purpose."""
    today = _today()
    purpose, scope = (purpose or "").strip(), (scope or "").strip()
    errors: dict[str, str] = {}
    if not purpose:
        errors["purpose"] = _("Skriv formålet med samtykket.")
    if not scope:
        errors["scope"] = _("Skriv hvilke oplysninger samtykket omfatter.")
    if receiving_organisation is None or receiving_organisation.municipality_id != youth.municipality_id:
        errors["receiving_organisation"] = _("Vælg en organisation i kommunens netværk.")
    if expires_on is None or expires_on < today:
        errors["expires_on"] = _("Udløbsdatoen skal ligge i dag eller senere.")
    elif expires_on > today + datetime.timedelta(days=3 * 365):
        errors["expires_on"] = _("Et samtykke kan højst gælde i tre år.")
    given = given_at or timezone.now()
    if given > timezone.now() + datetime.timedelta(minutes=5):
        errors["given_at"] = _("Samtykket kan ikke være givet i fremtiden.")
    if errors:
        raise ValidationError(errors)
    consent = Consent.objects.create(youth=youth, purpose=purpose[:300], receiving_organisation=receiving_organisation,
                                     scope=scope[:300], expires_on=expires_on, given_at=given, recorded_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=consent,
                 detail={"organisation": receiving_organisation.pk, "expires_on": str(expires_on)})
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, by_youth: bool = False, actor: Any = None) -> Consent:
    """Withdraw a consent. Access of every membership resting on it ends at once (the policy checks it, and
    the memberships are ended today so the history says so). Withdrawing twice changes nothing."""
    now = timezone.now()
    updated = Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by_youth=by_youth,
        withdrawn_by=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
    )
    consent.refresh_from_db()
    if not updated:
        return consent
    today = _today()
    affected = list(
        Membership.objects.select_for_update(of=("self",)).select_related("professional").filter(consent=consent)
        .not_ended(today)
    )
    for membership in affected:
        membership.end_date = _end_on(membership, today)
        membership.note = _("Samtykket blev trukket tilbage.")[:300]
        membership.save(update_fields=["end_date", "note"])
    staff = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    audit_record(actor=staff, actor_youth=consent.youth if by_youth else None, action=AuditAction.UPDATE,
                 youth=consent.youth, obj=consent,
                 detail={"withdrawn": True, "by_youth": by_youth, "memberships_ended": [m.pk for m in affected]})
    with default_language():
        staff_notify(recipients=[m.professional for m in affected if m.professional_id], kind="samtykke_tilbage",
                     text=_("Et samtykke er trukket tilbage. Din adgang til en ung persons oplysninger er ophørt."))
    return consent


@transaction.atomic
def consents_expire(*, today: datetime.date | None = None) -> int:
    """End the memberships whose consent has expired (access already stopped with the policy; this keeps the
    circle's history right). Run by the periodic chain command."""
    today = today or _today()
    memberships = list(Membership.objects.select_for_update(of=("self",)).open().filter(
        consent__expires_on__lt=today))
    for membership in memberships:
        membership.end_date = _end_on(membership, min(today, membership.consent.expires_on + datetime.timedelta(days=1)))
        membership.note = _("Samtykket udløb.")[:300]
        membership.save(update_fields=["end_date", "note"])
        audit_record(actor=None, action=AuditAction.UPDATE, youth=membership.youth, obj=membership,
                     detail={"ended": str(membership.end_date), "reason": "consent_expired"})
    return len(memberships)
