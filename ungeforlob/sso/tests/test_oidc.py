"""Log ind med Entra ID (OpenID Connect), end to end against a real OIDC provider on 127.0.0.1.

The provider is the MitID test broker of the portal (`portal/tests/fake_oidc_provider.py`), started per test,
with the staff claims added to its ID token. Django's test client plays the browser; the hop to /authorize,
discovery, JWKS, the code exchange and userinfo are real HTTP requests. Nothing in the protocol is mocked."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from ungeforlob.accounts.models import Role, User
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.portal.tests.fake_oidc_provider import FakeOIDCProvider, new_rsa_key
from ungeforlob.sso.models import ClaimMapping, Identity, IdentityProvider, MappingKind, Protocol
from ungeforlob.sso.services import encrypt_secret
from ungeforlob.testing import Personas, client_for

GROUP_STAFF = "5f2c1a0e-0000-4000-8000-000000000001"  # an Entra ID group object id
GROUP_JOB = "5f2c1a0e-0000-4000-8000-000000000002"


@pytest.fixture
def idp() -> Iterator[FakeOIDCProvider]:
    with FakeOIDCProvider() as running:
        running.claim_overrides = _claims()
        yield running


def _claims(**extra: Any) -> dict[str, Any]:
    return {"preferred_username": "anna@kommune.test", "name": "Anna Fagperson", "email": "anna@kommune.test",
            "roles": ["Ungeforloeb.Fagperson"], "groups": [GROUP_STAFF], **extra}


@pytest.fixture
def entra(p: Personas, idp: FakeOIDCProvider) -> IdentityProvider:
    provider = IdentityProvider.objects.create(
        municipality=p.municipality, protocol=Protocol.OIDC, name="Entra ID", discovery_url=idp.discovery_url,
        client_id=idp.client_id, client_secret_encrypted=encrypt_secret(idp.client_secret), scopes="openid",
        username_claim="preferred_username", name_claim="name", email_claim="email",
        organisation_claim="groups", role_claim="roles")
    ClaimMapping.objects.create(provider=provider, kind=MappingKind.ROLE, value="Ungeforloeb.Fagperson",
                                role=Role.PROFESSIONAL)
    ClaimMapping.objects.create(provider=provider, kind=MappingKind.ORGANISATION, value=GROUP_STAFF,
                                organisation=p.organisation)
    jobcenter = p.colleague.organisation
    ClaimMapping.objects.create(provider=provider, kind=MappingKind.ORGANISATION, value=GROUP_JOB,
                                organisation=jobcenter)
    return provider


def _through_the_provider(client: Client, provider: IdentityProvider, idp: FakeOIDCProvider) -> str:
    response = client.get(f"/sso/{provider.pk}/oidc/")
    assert response.status_code == 302, response.content.decode()[:300]
    authorize = urlsplit(response["Location"])
    assert f"{authorize.scheme}://{authorize.netloc}" == idp.issuer
    connection = http.client.HTTPConnection(authorize.hostname, authorize.port, timeout=5)
    try:
        connection.request("GET", f"{authorize.path}?{authorize.query}")
        answer = connection.getresponse()
        answer.read()
    finally:
        connection.close()
    back = answer.getheader("Location") or ""
    assert back.startswith(f"http://testserver/sso/{provider.pk}/oidc/callback/"), back
    return back[len("http://testserver"):]


def _login(client: Client, provider: IdentityProvider, idp: FakeOIDCProvider) -> Any:
    return client.get(_through_the_provider(client, provider, idp))


def test_a_professional_logs_in_with_entra_id_and_is_created_from_the_claims(
        p: Personas, idp: FakeOIDCProvider, entra: IdentityProvider) -> None:
    client = Client()
    response = _login(client, entra, idp)
    assert response.status_code == 302 and response["Location"] == "/", response.content.decode()[:500]
    user = User.objects.get(username="anna@kommune.test")
    assert (user.role, user.organisation, user.municipality) == (Role.PROFESSIONAL, p.organisation, p.municipality)
    assert (user.first_name, user.last_name, user.email) == ("Anna", "Fagperson", "anna@kommune.test")
    assert Identity.objects.get(provider=entra).subject == idp.sub
    assert client.get("/om/").wsgi_request.user == user
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, object_type="login_sso", actor_id=user.pk).exists()
    # PKCE: the verifier went with the code, and the secret (stored encrypted) authenticated the client.
    assert idp.token_requests[0]["code_verifier"] and "GET /jwks" in idp.requests


def test_the_authorization_request_has_pkce_state_and_nonce(idp: FakeOIDCProvider, entra: IdentityProvider) -> None:
    query = {k: v[0] for k, v in parse_qs(urlsplit(Client().get(f"/sso/{entra.pk}/oidc/")["Location"]).query).items()}
    assert query["code_challenge_method"] == "S256" and query["state"] and query["nonce"]
    assert query["redirect_uri"] == f"http://testserver/sso/{entra.pk}/oidc/callback/"


def test_a_second_login_updates_organisation_and_name(p: Personas, idp: FakeOIDCProvider,
                                                      entra: IdentityProvider) -> None:
    _login(Client(), entra, idp)
    idp.claim_overrides = _claims(groups=[GROUP_JOB], name="Anna Nyt-Navn")
    assert _login(Client(), entra, idp).status_code == 302
    user = User.objects.get(username="anna@kommune.test")
    assert user.organisation == p.colleague.organisation and user.last_name == "Nyt-Navn"
    assert User.objects.filter(email="anna@kommune.test").count() == 1


@pytest.mark.parametrize("missing", ["roles", "groups"])
def test_a_user_without_a_mapped_role_or_organisation_is_refused(
        idp: FakeOIDCProvider, entra: IdentityProvider, missing: str) -> None:
    idp.claim_overrides = _claims(**{missing: ["noget-andet"]})
    response = _login(Client(), entra, idp)
    assert response.status_code == 403
    assert "Du har ikke adgang til Ungeforløb" in response.content.decode()
    assert not User.objects.filter(username="anna@kommune.test").exists()


def test_losing_the_role_ends_every_session_at_the_next_login(
        p: Personas, idp: FakeOIDCProvider, entra: IdentityProvider) -> None:
    first = Client()
    _login(first, entra, idp)
    user = User.objects.get(username="anna@kommune.test")
    second = client_for(user)
    assert first.get("/om/").status_code == 200 and second.get("/om/").status_code == 200
    idp.claim_overrides = _claims(roles=[])
    assert _login(Client(), entra, idp).status_code == 403
    for client in (first, second):
        assert client.get("/om/")["Location"].startswith("/login/")
    user.refresh_from_db()
    assert not user.is_active
    assert AuditEvent.objects.filter(object_type="sessions", object_id=str(user.pk)).exists()


def test_an_id_token_signed_with_another_key_is_refused(idp: FakeOIDCProvider, entra: IdentityProvider) -> None:
    idp.signing_key = new_rsa_key()
    response = _login(Client(), entra, idp)
    assert response.status_code == 403 and "Vi kunne ikke bekræfte dit login" in response.content.decode()
    assert not User.objects.filter(username="anna@kommune.test").exists()


@pytest.mark.parametrize("wrong", [{"nonce": "en-anden"}, {"aud": "en-anden-klient"}, {"iss": "https://evil.test"}])
def test_an_id_token_with_a_wrong_nonce_audience_or_issuer_is_refused(
        idp: FakeOIDCProvider, entra: IdentityProvider, wrong: dict[str, str]) -> None:
    idp.claim_overrides = {**_claims(), **wrong}
    assert _login(Client(), entra, idp).status_code == 403
    assert not User.objects.filter(username="anna@kommune.test").exists()


def test_a_callback_without_the_state_of_this_browser_is_refused(idp: FakeOIDCProvider,
                                                                 entra: IdentityProvider) -> None:
    callback = _through_the_provider(Client(), entra, idp)
    assert Client().get(callback).status_code == 403  # another browser: no state in its session


def test_an_unreachable_provider_gives_a_danish_page(entra: IdentityProvider) -> None:
    IdentityProvider.objects.filter(pk=entra.pk).update(discovery_url="http://127.0.0.1:9/.well-known/x")
    response = Client().get(f"/sso/{entra.pk}/oidc/")
    assert response.status_code == 403 and "Vi kan ikke få kontakt til Entra ID" in response.content.decode()


def test_a_switched_off_provider_cannot_be_used(entra: IdentityProvider) -> None:
    IdentityProvider.objects.filter(pk=entra.pk).update(is_active=False)
    assert Client().get(f"/sso/{entra.pk}/oidc/").status_code == 404
