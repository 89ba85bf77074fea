"""Log ind med KOMBIT (SAML 2.0, OIOSAML 3), end to end against pysaml2's IdP started by the test.

Our login builds a real AuthnRequest (HTTP-Redirect, signed RSA-SHA256); the IdP parses it and answers with a
real response whose assertion it signs with its own key; the response is posted to our ACS as a browser would.
Nothing in the protocol is mocked."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client

from ungeforlob.accounts.models import Role, User
from ungeforlob.sso.models import Identity, IdentityProvider, SamlRequest
from ungeforlob.sso.tests.conftest import FAGPERSON, LEDER
from ungeforlob.sso.tests.saml_idp import (
    PRIVILEGES,
    SIG_RSA_SHA256,
    SSO_URL,
    LocalIdP,
    key_and_cert,
    privilege_list,
)
from ungeforlob.testing import Personas, client_for

RID = "https://data.gov.dk/model/core/eid/professional/rid"


def _attributes(*privileges: str, rid: str = "12345678") -> dict[str, list[str]]:
    attrs = {RID: [rid], "fullName": ["Anna Fagperson"], "mail": ["anna@kommune.test"]}
    if privileges:
        attrs[PRIVILEGES] = [privilege_list(*privileges)]
    return attrs


def _login(client: Client, provider: IdentityProvider, idp: LocalIdP, next_url: str = "") -> object:
    if not idp.sp_metadata:
        idp.sp_metadata = client.get(f"/sso/{provider.pk}/saml/metadata/").content.decode()
    response = client.get(f"/sso/{provider.pk}/saml/" + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302, response.content.decode()[:500]
    location = response["Location"]
    assert location.startswith(SSO_URL)
    return client.post(f"/sso/{provider.pk}/saml/acs/", {"SAMLResponse": idp.answer(location)})


@pytest.mark.django_db
def test_a_professional_logs_in_with_kombit_and_is_created_with_the_mapped_role(
        p: Personas, idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    client = Client()
    response = _login(client, kombit, idp)
    assert response.status_code == 302, response.content.decode()[:800]
    user = User.objects.get(username="12345678")
    assert (user.role, user.organisation, user.municipality) == (Role.PROFESSIONAL, p.organisation, p.municipality)
    assert (user.first_name, user.last_name, user.email) == ("Anna", "Fagperson", "anna@kommune.test")
    assert not user.has_usable_password()
    assert Identity.objects.get(provider=kombit).subject == idp.subject
    assert client.get("/").wsgi_request.user == user


@pytest.mark.django_db
def test_the_authn_request_is_signed_with_rsa_sha256(idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    _login(Client(), kombit, idp)
    assert idp.requests[0]["SigAlg"] == SIG_RSA_SHA256 and idp.requests[0]["Signature"]


@pytest.mark.django_db
def test_the_strongest_mapped_privilege_gives_the_role(idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON, LEDER)
    _login(Client(), kombit, idp)
    assert User.objects.get(username="12345678").role == Role.LEADER


@pytest.mark.django_db
def test_a_user_without_a_mapped_privilege_is_refused_with_a_danish_page(
        idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes("http://kombit.dk/roles/usersystemrole/andet-system/1")
    response = _login(Client(), kombit, idp)
    assert response.status_code == 403
    assert "Du har ikke adgang til Ungeforløb" in response.content.decode()
    assert not User.objects.filter(username="12345678").exists()


@pytest.mark.django_db
def test_losing_the_privilege_ends_every_session_at_the_next_login(
        p: Personas, idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    first = Client()
    _login(first, kombit, idp)
    user = User.objects.get(username="12345678")
    second = client_for(user)  # another session of the same user (another browser)
    assert second.get("/").status_code == 302 and first.get("/om/").status_code == 200
    idp.attributes = _attributes()  # the privilege is taken away at KOMBIT
    response = _login(Client(), kombit, idp)
    assert response.status_code == 403
    user.refresh_from_db()
    assert not user.is_active
    for client in (first, second):
        assert client.get("/om/")["Location"].startswith("/login/")
    idp.attributes = _attributes(FAGPERSON)  # given back: the account opens again
    assert _login(Client(), kombit, idp).status_code == 302
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.django_db
def test_an_account_closed_by_an_administrator_stays_closed(idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    _login(Client(), kombit, idp)
    User.objects.filter(username="12345678").update(is_active=False)
    response = _login(Client(), kombit, idp)
    assert response.status_code == 403 and "Din konto er lukket" in response.content.decode()


@pytest.mark.django_db
def test_an_unsigned_assertion_is_refused(idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    idp.sign_assertion = False
    assert _login(Client(), kombit, idp).status_code == 403
    assert not User.objects.filter(username="12345678").exists()


@pytest.mark.django_db
def test_an_assertion_signed_with_another_key_is_refused(idp: LocalIdP, kombit: IdentityProvider, tmp_path) -> None:
    idp.attributes = _attributes(FAGPERSON)
    idp.other_key = key_and_cert(tmp_path, "impostor")
    assert _login(Client(), kombit, idp).status_code == 403
    assert not User.objects.filter(username="12345678").exists()


@pytest.mark.django_db
def test_a_response_is_accepted_once(idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    client = Client()
    idp.sp_metadata = client.get(f"/sso/{kombit.pk}/saml/metadata/").content.decode()
    location = client.get(f"/sso/{kombit.pk}/saml/")["Location"]
    answer = idp.answer(location)
    assert client.post(f"/sso/{kombit.pk}/saml/acs/", {"SAMLResponse": answer}).status_code == 302
    replay = Client().post(f"/sso/{kombit.pk}/saml/acs/", {"SAMLResponse": answer})
    assert replay.status_code == 403
    assert not SamlRequest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("garbage", ["", "not base64!", "PGZvbz4=", "A" * 5000])
def test_a_forged_or_broken_response_is_refused_not_a_500(kombit: IdentityProvider, garbage: str) -> None:
    response = Client().post(f"/sso/{kombit.pk}/saml/acs/", {"SAMLResponse": garbage})
    assert response.status_code == 403
    assert "Vi kunne ikke bekræfte dit login" in response.content.decode()


@pytest.mark.django_db
def test_the_login_returns_to_the_page_asked_for(idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    response = _login(Client(), kombit, idp, next_url="/om/")
    assert response["Location"] == "/om/"


@pytest.mark.django_db
def test_the_sp_metadata_names_our_acs_and_wants_signed_assertions(kombit: IdentityProvider) -> None:
    body = Client().get(f"/sso/{kombit.pk}/saml/metadata/").content.decode()
    assert f"/sso/{kombit.pk}/saml/acs/" in body and 'WantAssertionsSigned="true"' in body
    assert urlsplit(body.split('entityID="')[1].split('"')[0]).path == f"/sso/{kombit.pk}/saml/metadata/"


@pytest.mark.django_db
def test_an_administrator_closing_the_account_ends_the_sso_session_at_its_next_request(
        p: Personas, idp: LocalIdP, kombit: IdentityProvider) -> None:
    idp.attributes = _attributes(FAGPERSON)
    client = Client()
    _login(client, kombit, idp)
    user = User.objects.get(username="12345678")
    assert client.get("/om/").status_code == 200
    client_for(p.administrator).post(f"/administration/medarbejdere/{user.pk}/luk/", {"active": "0"})
    assert client.get("/om/")["Location"].startswith("/login/")
    assert _login(Client(), kombit, idp).status_code == 403  # and the IdP cannot open it again
