"""The administrator's pages for identity providers and claim mappings."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Municipality, Organisation, Role, Sector
from ungeforlob.sso.models import ClaimMapping, IdentityProvider, Protocol
from ungeforlob.sso.services import decrypt_secret
from ungeforlob.sso.tests.saml_idp import LocalIdP
from ungeforlob.testing import Personas, client_for, make_user

ADMIN = "/administration/single-sign-on"


def _oidc(**extra: Any) -> dict[str, Any]:
    return {"protocol": "oidc", "name": "Entra ID", "is_active": "on", "scopes": "openid profile",
            "discovery_url": "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration",
            "client_id": "ungeforlob", "client_secret": "super-hemmelig", "username_claim": "preferred_username",
            "role_claim": "roles", "organisation_claim": "groups", **extra}


def _saml(metadata: str, **extra: Any) -> dict[str, Any]:
    return {"protocol": "saml", "name": "KOMBIT", "is_active": "on", "metadata_xml": metadata,
            "username_claim": "uid", "role_claim": "dk:gov:saml:attribute:Privileges_intermediate", **extra}


def test_an_administrator_adds_an_oidc_provider_with_the_secret_stored_encrypted(p: Personas) -> None:
    response = client_for(p.administrator).post(f"{ADMIN}/ny/", _oidc())
    assert response.status_code == 302
    provider = IdentityProvider.objects.get(name="Entra ID")
    assert provider.municipality == p.municipality
    assert "super-hemmelig" not in provider.client_secret_encrypted
    assert decrypt_secret(provider.client_secret_encrypted) == "super-hemmelig"
    page = client_for(p.administrator).get(f"/administration/single-sign-on/{provider.pk}/").content.decode()
    assert "super-hemmelig" not in page and f"/sso/{provider.pk}/oidc/callback/" in page


def test_saving_without_a_new_secret_keeps_the_stored_one(p: Personas) -> None:
    client = client_for(p.administrator)
    client.post(f"{ADMIN}/ny/", _oidc())
    provider = IdentityProvider.objects.get(name="Entra ID")
    client.post(f"{ADMIN}/{provider.pk}/", _oidc(client_secret="", name="Entra", version=provider.version))
    provider.refresh_from_db()
    assert provider.name == "Entra" and decrypt_secret(provider.client_secret_encrypted) == "super-hemmelig"


def test_an_administrator_adds_a_saml_provider_from_metadata(p: Personas) -> None:
    idp = LocalIdP()
    response = client_for(p.administrator).post(f"{ADMIN}/ny/", _saml(idp.metadata()))
    assert response.status_code == 302
    provider = IdentityProvider.objects.get(name="KOMBIT")
    assert provider.protocol == Protocol.SAML and provider.entity_id == "https://kontekst.test/runtime/saml2/metadata.idp"


@pytest.mark.parametrize("metadata, message", [
    ("det er ikke xml", "Metadata er ikke XML"),
    ("<EntityDescriptor", "Metadata kunne ikke læses"),
    ("<html><body>Log ind</body></html>", "ingen identitetsudbyder"),
    ("<EntityDescriptor xmlns='urn:oasis:names:tc:SAML:2.0:metadata' entityID='x'/>", "ingen identitetsudbyder"),
    ("", "SAML kræver identitetsudbyderens metadata"),
])
def test_bad_saml_metadata_gives_a_danish_error_and_saves_nothing(p: Personas, metadata: str, message: str) -> None:
    response = client_for(p.administrator).post(f"{ADMIN}/ny/", _saml(metadata))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IdentityProvider.objects.exists()


def test_metadata_that_cannot_be_fetched_gives_a_danish_error(p: Personas) -> None:
    response = client_for(p.administrator).post(f"{ADMIN}/ny/", _saml("", metadata_url="http://127.0.0.1:9/md.xml"))
    assert response.status_code == 200 and "Metadata kunne ikke hentes" in response.content.decode()
    assert not IdentityProvider.objects.exists()


def test_an_oidc_provider_without_discovery_is_refused(p: Personas) -> None:
    response = client_for(p.administrator).post(f"{ADMIN}/ny/", _oidc(discovery_url=""))
    assert response.status_code == 200 and "kræver discovery-adresse" in response.content.decode()


def test_a_double_submitted_provider_is_saved_once(p: Personas) -> None:
    client = client_for(p.administrator)
    token = "a" * 32
    client.post(f"{ADMIN}/ny/", _oidc(submission=token))
    second = client.post(f"{ADMIN}/ny/", _oidc(submission=token))
    assert "allerede sendt" in second.content.decode()
    assert IdentityProvider.objects.count() == 1


def test_a_concurrent_edit_is_detected_and_the_form_kept(p: Personas) -> None:
    client = client_for(p.administrator)
    client.post(f"{ADMIN}/ny/", _oidc())
    provider = IdentityProvider.objects.get()
    client.post(f"{ADMIN}/{provider.pk}/", _oidc(name="Først", version=provider.version))
    response = client.post(f"{ADMIN}/{provider.pk}/", _oidc(name="Bagefter", version=provider.version))
    assert response.status_code == 200 and "En anden har gemt" in response.content.decode()
    provider.refresh_from_db()
    assert provider.name == "Først"


def test_an_administrator_maps_a_privilege_to_a_role_and_deletes_it_after_confirming(p: Personas) -> None:
    client = client_for(p.administrator)
    client.post(f"{ADMIN}/ny/", _oidc())
    provider = IdentityProvider.objects.get()
    client.post(f"{ADMIN}/{provider.pk}/mapning/", {"kind": "role", "value": "Ungeforloeb.Leder", "role": "leader"})
    mapping = ClaimMapping.objects.get(provider=provider)
    assert mapping.role == Role.LEADER
    assert "Slet mapningen?" in client.get(f"{ADMIN}/mapning/{mapping.pk}/slet/").content.decode()
    client.post(f"{ADMIN}/mapning/{mapping.pk}/slet/")
    assert not ClaimMapping.objects.exists()


def test_a_mapping_to_another_municipalitys_organisation_is_refused(p: Personas) -> None:
    client = client_for(p.administrator)
    client.post(f"{ADMIN}/ny/", _oidc())
    provider = IdentityProvider.objects.get()
    response = client.post(f"{ADMIN}/{provider.pk}/mapning/", {"kind": "organisation", "value": "g",
                                                               "organisation": str(p.other_organisation.pk)})
    assert response.status_code == 200 and not ClaimMapping.objects.exists()


def test_a_provider_is_deleted_after_confirming(p: Personas) -> None:
    client = client_for(p.administrator)
    client.post(f"{ADMIN}/ny/", _oidc())
    provider = IdentityProvider.objects.get()
    assert "Slet Entra ID?" in client.get(f"{ADMIN}/{provider.pk}/slet/").content.decode()
    assert IdentityProvider.objects.exists()
    client.post(f"{ADMIN}/{provider.pk}/slet/")
    assert not IdentityProvider.objects.exists()


def test_another_municipalitys_administrator_cannot_see_or_change_the_provider(p: Personas) -> None:
    client_for(p.administrator).post(f"{ADMIN}/ny/", _oidc())
    provider = IdentityProvider.objects.get()
    other = Municipality.objects.get(code="nabo")
    stranger_admin = make_user("nabo-admin", other, p.other_organisation, role=Role.ADMINISTRATOR)
    TOTPDevice.objects.create(user=stranger_admin, name="test", confirmed=True)
    client = client_for(stranger_admin)
    assert "Entra ID" not in client.get(f"{ADMIN}/").content.decode()
    assert client.get(f"{ADMIN}/{provider.pk}/").status_code == 404
    assert client.post(f"{ADMIN}/{provider.pk}/slet/").status_code == 404
    assert client.post(f"{ADMIN}/{provider.pk}/mapning/", {"kind": "role", "value": "x", "role": "administrator"}
                       ).status_code == 404
    assert IdentityProvider.objects.filter(pk=provider.pk, name="Entra ID").exists()


@pytest.mark.parametrize("who", ["leader", "contact_person", "outsider"])
def test_everyone_but_the_administrator_is_refused_the_pages(p: Personas, who: str) -> None:
    client = client_for(getattr(p, who))
    assert client.get(f"{ADMIN}/").status_code == 403
    assert client.post(f"{ADMIN}/ny/", _oidc()).status_code == 403
    assert not IdentityProvider.objects.exists()


def test_the_list_costs_the_same_queries_with_many_providers(p: Personas, count_queries: Any) -> None:
    client = client_for(p.administrator)
    client.get(f"{ADMIN}/")

    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            provider = IdentityProvider.objects.create(municipality=p.municipality, protocol="oidc", name=f"P{i}",
                                                       discovery_url="https://x.test/", client_id="c")
            ClaimMapping.objects.create(provider=provider, kind="role", value=f"r{i}", role=Role.PROFESSIONAL)

    add(1, 0)
    small = count_queries(lambda: client.get(f"{ADMIN}/"))
    add(30, 1)
    large = count_queries(lambda: client.get(f"{ADMIN}/"))
    assert small == large


def test_the_login_page_shows_a_button_per_switched_on_provider(p: Personas, client: Any) -> None:
    on = IdentityProvider.objects.create(municipality=p.municipality, protocol="oidc", name="Entra ID",
                                         discovery_url="https://x.test/", client_id="c")
    IdentityProvider.objects.create(municipality=p.municipality, protocol="oidc", name="Gammel ADFS",
                                    discovery_url="https://x.test/", client_id="c", is_active=False)
    page = client.get("/login/").content.decode()
    assert "Log ind med Entra ID" in page and f"/sso/{on.pk}/oidc/" in page
    assert "Gammel ADFS" not in page
    assert 'name="password"' in page  # the local password stays


def test_organisations_of_the_form_are_the_municipalitys_own(p: Personas) -> None:
    Organisation.objects.create(municipality=p.other_organisation.municipality, name="Fremmed", sector=Sector.FGU)
    page = client_for(p.administrator).get(f"{ADMIN}/ny/").content.decode()
    assert "Ungeindsatsen" in page and "Fremmed" not in page and "Nabo UU" not in page
