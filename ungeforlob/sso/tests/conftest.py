from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from ungeforlob.accounts.models import Role
from ungeforlob.sso.models import KOMBIT_PRIVILEGES, ClaimMapping, IdentityProvider, MappingKind, Protocol
from ungeforlob.sso.tests.saml_idp import LocalIdP, key_and_cert
from ungeforlob.testing import Personas

FAGPERSON = "http://kombit.dk/roles/usersystemrole/ungeforlob/fagperson/1"
LEDER = "http://kombit.dk/roles/usersystemrole/ungeforlob/leder/1"


@pytest.fixture(scope="session")
def sp_keys() -> tuple[str, str]:
    return key_and_cert(Path(tempfile.mkdtemp(prefix="sso-sp-")), "sp")


@pytest.fixture
def signed_sp(sp_keys: tuple[str, str]) -> Iterator[None]:
    with override_settings(SSO_SAML_KEY_FILE=sp_keys[0], SSO_SAML_CERT_FILE=sp_keys[1]):
        yield


@pytest.fixture
def idp() -> LocalIdP:
    return LocalIdP()


def saml_provider(p: Personas, idp: LocalIdP) -> IdentityProvider:
    provider = IdentityProvider.objects.create(
        municipality=p.municipality, protocol=Protocol.SAML, name="KOMBIT", metadata_xml=idp.metadata(),
        entity_id="https://kontekst.test/runtime/saml2/metadata.idp",
        username_claim="https://data.gov.dk/model/core/eid/professional/rid", name_claim="fullName",
        email_claim="mail", organisation_claim="", role_claim=KOMBIT_PRIVILEGES,
        default_organisation=p.organisation)
    ClaimMapping.objects.create(provider=provider, kind=MappingKind.ROLE, value=FAGPERSON, role=Role.PROFESSIONAL)
    ClaimMapping.objects.create(provider=provider, kind=MappingKind.ROLE, value=LEDER, role=Role.LEADER)
    return provider


@pytest.fixture
def kombit(p: Personas, idp: LocalIdP, signed_sp: None) -> IdentityProvider:
    return saml_provider(p, idp)
