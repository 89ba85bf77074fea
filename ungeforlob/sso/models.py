"""Staff single sign-on: the identity providers an administrator configures, their claim mappings, and the
link between a provider's subject and a member of staff.

A provider belongs to one municipality. Its claim mapping names the claims (OpenID Connect) or attributes
(SAML) that carry the username, name, e-mail, organisation and role, and maps claim *values* to an
Organisation or a Role (for Fælleskommunal Adgangsstyring: KOMBIT's brugersystemroller in
`dk:gov:saml:attribute:Privileges_intermediate`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Municipality, Organisation, Role, User

# OIOSAML 3 / KOMBIT attribute names, offered as defaults for a SAML provider.
KOMBIT_PRIVILEGES = "dk:gov:saml:attribute:Privileges_intermediate"
OIOSAML_EMAIL = "https://data.gov.dk/model/core/eid/email"
OIOSAML_NAME = "https://data.gov.dk/model/core/eid/fullName"


class Protocol(models.TextChoices):
    OIDC = "oidc", _("OpenID Connect")
    SAML = "saml", _("SAML 2.0")


class IdentityProvider(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="identity_providers")
    protocol = models.CharField(_("protokol"), max_length=4, choices=Protocol.choices)
    name = models.CharField(_("navn på knappen"), max_length=80,
                            help_text=_("Vises som »Log ind med …« på login-siden, fx »Entra ID« eller »KOMBIT«."))
    is_active = models.BooleanField(_("slået til"), default=True)
    # OpenID Connect
    discovery_url = models.URLField(_("discovery-adresse (OIDC)"), max_length=500, blank=True,
                                    help_text=_("Fx https://login.microsoftonline.com/<tenant>/v2.0/"
                                                ".well-known/openid-configuration"))
    client_id = models.CharField(_("klient-id (OIDC)"), max_length=200, blank=True)
    client_secret_encrypted = models.TextField(blank=True, editable=False)
    scopes = models.CharField(_("scopes (OIDC)"), max_length=200, blank=True, default="openid profile email")
    # SAML 2.0
    metadata_url = models.URLField(_("metadata-adresse (SAML)"), max_length=500, blank=True)
    metadata_xml = models.TextField(_("metadata (SAML)"), blank=True,
                                    help_text=_("Identitetsudbyderens metadata som XML. Hentes fra adressen, "
                                                "hvis den er udfyldt."))
    entity_id = models.CharField(_("entity id for identitetsudbyderen (SAML)"), max_length=500, blank=True)
    # The claim mapping: which claim or attribute carries what.
    username_claim = models.CharField(_("claim med brugernavn"), max_length=200, default="preferred_username")
    name_claim = models.CharField(_("claim med navn"), max_length=200, blank=True, default="name")
    email_claim = models.CharField(_("claim med e-mail"), max_length=200, blank=True, default="email")
    organisation_claim = models.CharField(_("claim med organisation"), max_length=200, blank=True)
    role_claim = models.CharField(_("claim med rolle"), max_length=200, default="roles")
    default_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("organisation, når ingen claim passer"),
        help_text=_("Tom: en bruger uden en kendt organisation bliver afvist."))
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("identitetsudbyder")
        verbose_name_plural = _("identitetsudbydere")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="sso_provider_unique_name")]

    def __str__(self) -> str:
        return self.name


class MappingKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    ROLE = "role", _("Rolle")


class ClaimMapping(models.Model):
    """One claim value and what it gives: an organisation, or a role."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="mappings")
    kind = models.CharField(_("slags"), max_length=12, choices=MappingKind.choices)
    value = models.CharField(_("værdi i claim"), max_length=300)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="+", verbose_name=_("organisation"))
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, blank=True)

    class Meta:
        verbose_name = _("claim-mapning")
        verbose_name_plural = _("claim-mapninger")
        ordering = ["kind", "value"]
        constraints = [models.UniqueConstraint(fields=["provider", "kind", "value"], name="sso_mapping_unique")]

    def __str__(self) -> str:
        return f"{self.value} → {self.organisation or self.get_role_display()}"


class Identity(models.Model):
    """A provider's subject (OIDC `sub`, SAML NameID) bound to a member of staff.

    `revoked` is set when the provider last returned the user without a mapped role or organisation: the
    user was deactivated for that reason (not by an administrator), so a later login with the claim back
    opens the account again."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="identities")
    subject = models.CharField(max_length=300)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sso_identities")
    revoked = models.BooleanField(default=False)
    last_login_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("single sign-on-identitet")
        verbose_name_plural = _("single sign-on-identiteter")
        constraints = [models.UniqueConstraint(fields=["provider", "subject"], name="sso_identity_unique")]

    def __str__(self) -> str:
        return f"{self.provider_id}:{self.subject}"


class SamlRequest(models.Model):
    """An AuthnRequest we sent and have not yet seen answered: the ACS accepts only a response to one of these
    (InResponseTo), once. Kept in the database rather than the session, because the IdP's POST to the ACS is
    cross-site and the session cookie (SameSite=Lax) does not come with it."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="+")
    request_id = models.CharField(max_length=100, unique=True)
    next_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.request_id
