"""Providers for the policy walks (outsider and success cases): made once per test, keys once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.test import RequestFactory

from ungeforlob.accounts.models import Role
from ungeforlob.portal.tests.fake_oidc_provider import FakeOIDCProvider
from ungeforlob.sso import saml
from ungeforlob.sso.models import ClaimMapping, IdentityProvider, MappingKind, Protocol
from ungeforlob.sso.services import encrypt_secret
from ungeforlob.sso.tests.saml_idp import PRIVILEGES, LocalIdP, privilege_list
from ungeforlob.testing import Personas

FAGPERSON = "http://kombit.dk/roles/usersystemrole/ungeforlob/fagperson/1"


@functools.cache
def local_idp() -> LocalIdP:
    idp = LocalIdP()
    idp.lifetime_minutes = 120  # the walks post the response minutes after making it, on a busy machine
    return idp


@functools.cache
def local_oidc() -> FakeOIDCProvider:
    """One OIDC provider for the whole test process (a daemon thread), for the walks' "Log ind med" case."""
    return FakeOIDCProvider().start()


@dataclass
class World:
    kombit: IdentityProvider
    entra: IdentityProvider
    off: IdentityProvider
    mapping: ClaimMapping


def world(p: Personas) -> World:
    idp = local_idp()
    kombit = IdentityProvider.objects.create(
        municipality=p.municipality, protocol=Protocol.SAML, name="KOMBIT", metadata_xml=idp.metadata(),
        entity_id="https://kontekst.test/runtime/saml2/metadata.idp", username_claim="uid", role_claim=PRIVILEGES,
        default_organisation=p.organisation)
    mapping = ClaimMapping.objects.create(provider=kombit, kind=MappingKind.ROLE, value=FAGPERSON,
                                          role=Role.PROFESSIONAL)
    oidc = local_oidc()
    entra = IdentityProvider.objects.create(
        municipality=p.municipality, protocol=Protocol.OIDC, name="Entra ID", discovery_url=oidc.discovery_url,
        client_id=oidc.client_id, client_secret_encrypted=encrypt_secret(oidc.client_secret))
    off = IdentityProvider.objects.create(municipality=p.municipality, protocol=Protocol.SAML, name="Slukket",
                                          metadata_xml=kombit.metadata_xml, entity_id=kombit.entity_id,
                                          is_active=False)
    return World(kombit, entra, off, mapping)


def signed_response(provider: IdentityProvider, uid: str = "sso-walk") -> str:
    """A SAMLResponse from the local IdP answering a fresh AuthnRequest of ours (as the ACS expects)."""
    request = RequestFactory().get("/")
    idp = local_idp()
    idp.sp_metadata = saml.metadata_xml(request, provider)
    idp.attributes = {"uid": [uid], PRIVILEGES: [privilege_list(FAGPERSON)]}
    return idp.answer(saml.login_redirect(request, provider))
