"""Writes for municipalities, organisations and staff. Each is atomic and audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import LoginFailure, Organisation, User
from ungeforlob.accounts.selectors import login_name_key
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.logins.services import sessions_end_all


@transaction.atomic
def login_failure_record(*, username: str, ip_address: str | None) -> None:
    """Count a failed staff login against the username (normalised, see `login_name_key`) and the client address."""
    key = login_name_key(username)
    LoginFailure.objects.create(username=key, ip_address=ip_address)
    audit_record(actor=None, action=AuditAction.LOGIN_FAILED, object_type="login", detail={"username": key})


def login_failures_clear(*, username: str) -> None:
    LoginFailure.objects.filter(username=login_name_key(username)).delete()


def login_failures_prune(*, older_than: timedelta = timedelta(hours=24)) -> int:
    """Delete failed-login rows older than `older_than` (never younger than the lockout window, so pruning
    cannot lift a lockout). Run by the worker; returns how many rows went."""
    keep = max(older_than, timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS))
    deleted, _ = LoginFailure.objects.filter(created_at__lt=timezone.now() - keep).delete()
    return deleted


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
    moved = not created and User.objects.filter(pk=professional.pk).exclude(
        organisation_id=professional.organisation_id).exists()
    professional.municipality_id = actor.municipality_id
    if password:
        professional.set_password(password)
    elif created:
        professional.set_unusable_password()
    professional.save()
    audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=professional)
    if moved:  # removed from their organisation: every session ends at once
        sessions_end_all(actor=actor, user=professional, reason="organisation")
    return professional


@transaction.atomic
def professional_set_active(*, actor: User, professional: User, active: bool) -> User:
    """Staff are deactivated, never deleted: the audit log keeps pointing at them."""
    professional.is_active = active
    professional.save(update_fields=["is_active"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=professional, detail={"is_active": active})
    if not active:  # a closed account loses every session at once, not at its next timeout
        sessions_end_all(actor=actor, user=professional, reason="deactivated")
    return professional


def totp_device_start(*, user: Any) -> TOTPDevice:
    """An unconfirmed authenticator device (replacing an earlier unconfirmed one)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def totp_device_confirm(*, device: TOTPDevice) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
