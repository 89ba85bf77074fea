"""Writes of the sso app: providers and mappings (by an administrator), and the staff login itself (JIT)."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Organisation, Role
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.forms import StaleEdit
from ungeforlob.logins.services import sessions_end_all
from ungeforlob.sso.models import ClaimMapping, Identity, IdentityProvider, MappingKind, Protocol

# When a user holds several mapped roles, the strongest wins.
ROLE_ORDER = [Role.ADMINISTRATOR, Role.DPO, Role.LEADER, Role.PROFESSIONAL]


# -- the client secret, encrypted at rest ------------------------------------------------------------------
def _fernet() -> Fernet:
    material = getattr(settings, "SSO_ENCRYPTION_KEY", "") or getattr(settings, "CPR_ENCRYPTION_KEY", "") \
        or settings.SECRET_KEY
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(("sso-secret:" + material).encode()).digest()))


def encrypt_secret(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode() if secret else ""


def decrypt_secret(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""  # the key changed: the administrator types the secret again


# -- providers and mappings ----------------------------------------------------------------------------------
class StaleProvider(StaleEdit):
    pass


def _fetch_metadata(url: str) -> str:
    import requests

    try:
        response = requests.get(url, timeout=float(getattr(settings, "SSO_HTTP_TIMEOUT_SECONDS", 10)))
        response.raise_for_status()
    except requests.RequestException:
        raise ValidationError({"metadata_url": _("Metadata kunne ikke hentes fra adressen. Tjek adressen, "
                                                 "eller indsæt metadata som XML.")}) from None
    return response.text


def _check_saml_metadata(provider: IdentityProvider) -> None:
    from ungeforlob.sso import saml

    try:
        entity_id = saml.idp_entity_id(provider.metadata_xml, wanted=provider.entity_id)
    except saml.BadMetadata as exc:
        raise ValidationError({"metadata_xml": str(exc)}) from None
    provider.entity_id = entity_id


@transaction.atomic
def provider_save(*, actor: Any, provider: IdentityProvider, client_secret: str = "",
                  version: int | None = None) -> IdentityProvider:
    """Create or update a provider in the actor's municipality. SAML metadata is fetched (from its URL) and
    checked here, so a provider that cannot work is never saved. `version` detects a concurrent edit."""
    created = provider.pk is None
    provider.municipality_id = actor.municipality_id
    if not created and version is not None:
        current = IdentityProvider.objects.select_for_update().filter(pk=provider.pk).values_list(
            "version", flat=True).first()
        if current is not None and current != version:
            raise StaleProvider(_("En anden har gemt identitetsudbyderen, mens du skrev. Se den nye udgave, "
                                  "og gem igen, hvis dine ændringer stadig skal med."), current_version=current)
        provider.version = (current or 0) + 1
    if provider.protocol == Protocol.OIDC:
        if not provider.discovery_url or not provider.client_id:
            raise ValidationError({"discovery_url": _("OpenID Connect kræver discovery-adresse og klient-id.")})
        if client_secret:
            provider.client_secret_encrypted = encrypt_secret(client_secret)
    else:
        if provider.metadata_url:
            provider.metadata_xml = _fetch_metadata(provider.metadata_url)
        if not provider.metadata_xml.strip():
            raise ValidationError({"metadata_xml": _("SAML kræver identitetsudbyderens metadata (XML eller "
                                                     "adresse).")})
        _check_saml_metadata(provider)
    if provider.default_organisation_id and not Organisation.objects.filter(
            pk=provider.default_organisation_id, municipality_id=actor.municipality_id).exists():
        raise ValidationError({"default_organisation": _("Vælg en organisation i din kommune.")})
    provider.save()
    audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=provider,
                 detail={"protocol": provider.protocol, "secret_changed": bool(client_secret)})
    return provider


@transaction.atomic
def provider_delete(*, actor: Any, provider: IdentityProvider) -> None:
    """Delete a provider with its mappings and identities. Its users keep their accounts (and any password)."""
    audit_record(actor=actor, action=AuditAction.DELETE, obj=provider, detail={"name": provider.name})
    provider.delete()


@transaction.atomic
def mapping_save(*, actor: Any, mapping: ClaimMapping) -> ClaimMapping:
    provider = mapping.provider
    if provider.municipality_id != actor.municipality_id:
        raise ValidationError(_("Identitetsudbyderen findes ikke."))
    if mapping.kind == MappingKind.ORGANISATION:
        mapping.role = ""
        if mapping.organisation is None or mapping.organisation.municipality_id != actor.municipality_id:
            raise ValidationError({"organisation": _("Vælg en organisation i din kommune.")})
    else:
        mapping.organisation = None
        if mapping.role not in Role.values:
            raise ValidationError({"role": _("Vælg en rolle.")})
    mapping.value = mapping.value.strip()
    if not mapping.value:
        raise ValidationError({"value": _("Skriv den værdi, som claimet har.")})
    if ClaimMapping.objects.filter(provider=provider, kind=mapping.kind, value=mapping.value).exclude(
            pk=mapping.pk).exists():
        raise ValidationError({"value": _("Denne værdi er allerede mappet.")})
    created = mapping.pk is None
    mapping.save()
    audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=mapping,
                 detail={"provider": provider.pk, "kind": mapping.kind})
    return mapping


@transaction.atomic
def mapping_delete(*, actor: Any, mapping: ClaimMapping) -> None:
    audit_record(actor=actor, action=AuditAction.DELETE, obj=mapping, detail={"provider": mapping.provider_id})
    mapping.delete()


# -- claims ---------------------------------------------------------------------------------------------------
def _values(raw: Any) -> list[str]:
    """A claim's values as strings: a list stays a list, a single value becomes one, KOMBIT's privilege list
    (base64-encoded XML, or XML) becomes the privileges it holds."""
    items = raw if isinstance(raw, (list, tuple)) else [raw] if raw not in (None, "") else []
    values: list[str] = []
    for item in items:
        text = str(item).strip()
        values.extend(kombit_privileges(text) or [text])
    return [v for v in values if v]


def kombit_privileges(text: str) -> list[str]:
    """The privileges in a Fælleskommunal Adgangsstyring `Privileges_intermediate` value (OIOSAML basic privilege
    profile: base64 of a PrivilegeList with PrivilegeGroups of Privilege URIs); [] when it is not one."""
    from defusedxml import ElementTree

    xml = text
    if not text.startswith("<"):
        try:
            xml = base64.b64decode(text, validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return []
    if "PrivilegeList" not in xml:
        return []
    try:
        root = ElementTree.fromstring(xml)
    except Exception:  # noqa: BLE001 - defusedxml raises several kinds; a bad list gives no privileges
        return []
    return [el.text.strip() for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "Privilege" and el.text]


def _first(claims: dict[str, Any], name: str) -> str:
    if not name:
        return ""
    values = _values(claims.get(name))
    return values[0][:150] if values else ""


@dataclass
class Resolved:
    username: str
    first_name: str
    last_name: str
    email: str
    organisation: Organisation | None
    role: str | None


def resolve_claims(provider: IdentityProvider, claims: dict[str, Any]) -> Resolved:
    """What the provider's mapping makes of these claims. Organisation or role is None when nothing maps."""
    mappings = list(provider.mappings.select_related("organisation"))
    role_values = set(_values(claims.get(provider.role_claim))) if provider.role_claim else set()
    roles = {m.role for m in mappings if m.kind == MappingKind.ROLE and m.value in role_values}
    role = next((r for r in ROLE_ORDER if r in roles), None)
    organisation = None
    if provider.organisation_claim:
        org_values = _values(claims.get(provider.organisation_claim))
        by_value = {m.value: m.organisation for m in mappings if m.kind == MappingKind.ORGANISATION}
        organisation = next((by_value[v] for v in org_values if v in by_value), None)
    if organisation is None:
        organisation = provider.default_organisation
    if organisation is not None and (not organisation.is_active
                                     or organisation.municipality_id != provider.municipality_id):
        organisation = None
    full = _first(claims, provider.name_claim)
    first, _sep, last = full.rpartition(" ") if " " in full else (full, "", "")
    return Resolved(username=_first(claims, provider.username_claim), first_name=first[:150],
                    last_name=last[:150], email=_first(claims, provider.email_claim)[:254],
                    organisation=organisation, role=role)


# -- the login --------------------------------------------------------------------------------------------------
class Refused(Exception):
    """The login is refused; `message` is Danish and shown on a page, `reason` is a code for the log."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(reason)
        self.message, self.reason = message, reason


def _msg_no_access() -> str:
    return _("Du har ikke adgang til Ungeforløb. Din organisation eller rolle er ikke givet til Ungeforløb "
             "hos identitetsudbyderen. Kontakt din administrator.")


def sso_user_for(*, provider: IdentityProvider, subject: str, claims: dict[str, Any]) -> Any:
    """The member of staff these verified claims name: created or updated from the mapping (just in time).

    Refused (with a Danish message) when the mapping gives no role or no organisation. A user the provider has
    logged in before, who now comes without the claim, is deactivated at once and all their sessions end; the
    same user coming back with the claim is opened again. A user an administrator deactivated stays closed."""
    subject = (subject or "")[:300]
    if not subject:
        raise Refused(_msg_no_access(), "no subject")
    resolved = resolve_claims(provider, claims)
    if resolved.role is None or resolved.organisation is None:
        sso_access_withdraw(provider=provider, subject=subject)  # committed, then the refusal
        raise Refused(_msg_no_access(), "no mapped role" if resolved.role is None else "no mapped organisation")
    return _sso_user_update(provider=provider, subject=subject, resolved=resolved)


@transaction.atomic
def sso_access_withdraw(*, provider: IdentityProvider, subject: str) -> bool:
    """The provider returned this subject without the claim: a user it logged in before is deactivated and every
    session of theirs ends. Returns whether someone lost access."""
    identity = (Identity.objects.select_for_update().select_related("user")
                .filter(provider=provider, subject=subject).first())
    if identity is None or not identity.user.is_active:
        return False
    user = identity.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    identity.revoked = True
    identity.save(update_fields=["revoked"])
    audit_record(actor=None, action=AuditAction.UPDATE, obj=user, municipality=provider.municipality,
                 detail={"is_active": False, "reason": "sso_claim_lost", "provider": provider.pk})
    sessions_end_all(actor=None, user=user, reason="sso_claim_lost")
    return True


@transaction.atomic
def _sso_user_update(*, provider: IdentityProvider, subject: str, resolved: Resolved) -> Any:
    User = get_user_model()
    identity = (Identity.objects.select_for_update().select_related("user")
                .filter(provider=provider, subject=subject).first())
    if identity is not None:
        user = identity.user
    else:
        if not resolved.username:
            raise Refused(_msg_no_access(), "no username claim")
        user = User.objects.filter(username__iexact=resolved.username).first()
        if user is not None and user.municipality_id != provider.municipality_id:
            raise Refused(_("Brugernavnet findes allerede i en anden kommune. Kontakt din administrator."),
                          "username taken in another municipality")
        if user is None:
            user = User(username=resolved.username, municipality_id=provider.municipality_id)
            user.set_unusable_password()
        identity = Identity(provider=provider, subject=subject, user=user)
    if not user.is_active and not identity.revoked:
        raise Refused(_("Din konto er lukket. Kontakt din administrator."), "deactivated by an administrator")
    created = user.pk is None
    moved = not created and user.organisation_id != resolved.organisation.pk
    user.is_active = True
    user.organisation = resolved.organisation
    user.role = resolved.role
    if resolved.first_name or resolved.last_name:
        user.first_name, user.last_name = resolved.first_name, resolved.last_name
    if resolved.email:
        user.email = resolved.email
    user.save()
    identity.user = user
    identity.revoked = False
    identity.last_login_at = timezone.now()
    identity.save()
    audit_record(actor=user, action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=user,
                 detail={"sso_provider": provider.pk, "role": user.role, "organisation": user.organisation_id})
    if moved:  # a new organisation: the sessions of the old one end, as when an administrator moves them
        sessions_end_all(actor=None, user=user, reason="organisation")
    return user
