"""Writes for municipalities, organisations and staff. Each is atomic and audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import LoginFailure, Organisation, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record


def login_failure_record(*, username: str, ip_address: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        object_type="login",
        detail={"username": username[:150]},
    )


def login_failures_clear(*, username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()


@transaction.atomic
def organisation_save(*, actor: User, organisation: Organisation) -> Organisation:
    """Create or update an organisation in the actor's municipality."""
    created = organisation.pk is None
    organisation.municipality_id = actor.municipality_id
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=organisation,
    )
    return organisation


@transaction.atomic
def professional_save(*, actor: User, professional: User, password: str | None = None) -> User:
    """Create or update a member of staff in the actor's municipality; a new one gets `password`."""
    created = professional.pk is None
    professional.municipality_id = actor.municipality_id
    if password:
        professional.set_password(password)
    elif created:
        professional.set_unusable_password()
    professional.save()
    audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=professional)
    return professional


@transaction.atomic
def professional_set_active(*, actor: User, professional: User, active: bool) -> User:
    """Staff are deactivated, never deleted: the audit log keeps pointing at them."""
    professional.is_active = active
    professional.save(update_fields=["is_active"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=professional, detail={"is_active": active})
    return professional


def totp_device_start(*, user: Any) -> TOTPDevice:
    """An unconfirmed authenticator device (replacing an earlier unconfirmed one)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def totp_device_confirm(*, device: TOTPDevice) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
