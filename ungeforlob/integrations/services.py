"""Writes of the integrations app: registering and revoking API clients (each writes its own audit row)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Organisation
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.integrations import tokens
from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.scopes import ALL_SCOPES

MAX_VALIDITY_DAYS = 3 * 365


@transaction.atomic
def apiclient_register(*, actor: Any, organisation: Organisation, name: str, scopes: list[str],
                       expires_at: datetime.datetime, token: str = "") -> tuple[ApiClient, str]:
    """Register an integration client of the actor's municipality acting as `organisation`; return it with its
    token in clear — the only time the token exists outside the caller (only its SHA-256 is kept). `token` is for
    the demo's fixed, documented token; otherwise a random one is made."""
    name = (name or "").strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Skriv systemets navn.")
    elif len(name) > 150:
        errors["name"] = _("Navnet må højst være 150 tegn.")
    if organisation.municipality_id != actor.municipality_id:
        errors["organisation"] = _("Vælg en organisation i din kommune.")
    unknown = sorted(set(scopes) - set(ALL_SCOPES))
    if unknown or not scopes:
        errors["scopes"] = _("Vælg mindst én rettighed.") if not scopes else _("Ukendt rettighed.")
    now = timezone.now()
    if expires_at <= now:
        errors["expires_at"] = _("Udløbsdatoen skal ligge efter i dag.")
    elif expires_at > now + datetime.timedelta(days=MAX_VALIDITY_DAYS):
        errors["expires_at"] = _("Et token kan højst gælde i tre år.")
    if not errors and ApiClient.objects.filter(municipality_id=actor.municipality_id, name__iexact=name).exists():
        errors["name"] = _("Der er allerede en klient med det navn.")
    if errors:
        raise ValidationError(errors)
    token = token or tokens.new_token()
    try:
        with transaction.atomic():
            client = ApiClient.objects.create(
                municipality_id=actor.municipality_id, organisation=organisation, name=name,
                scopes=[s for s in ALL_SCOPES if s in set(scopes)], token_prefix=tokens.prefix_of(token),
                token_hash=tokens.hash_token(token), expires_at=expires_at, created_by=actor)
    except IntegrityError:  # a second submission racing the first, or a prefix seen before
        raise ValidationError({"name": _("Der er allerede en klient med det navn.")}) from None
    audit_record(actor=actor, action=AuditAction.CREATE, obj=client, municipality=client.municipality,
                 detail={"name": client.name, "organisation": organisation.name, "scopes": client.scopes,
                         "expires_at": expires_at.isoformat()})
    return client, token


@transaction.atomic
def apiclient_revoke(*, actor: Any, client: ApiClient) -> ApiClient:
    """Revoke the client's token at once: its next call is answered 401. Revoking twice changes nothing."""
    locked = ApiClient.objects.select_for_update().get(pk=client.pk)
    if locked.revoked_at is not None:
        return locked
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=locked, municipality=locked.municipality,
                 detail={"revoked": True, "name": locked.name})
    return locked


def apiclient_note_use(*, client: ApiClient) -> None:
    """When the client last called (written at most once a minute, by the rate limiter's first call of a window)."""
    ApiClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
