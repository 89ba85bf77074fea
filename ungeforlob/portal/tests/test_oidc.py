"""Log ind med MitID, end to end against a real OpenID Connect provider on 127.0.0.1.

The provider (fake_oidc_provider.py) runs in a thread for each test. Django's test client plays the
browser on our side; the hop to the provider's /authorize is a real HTTP request, and the provider's
redirect back is then followed into our callback. The code exchange, discovery, JWKS and userinfo are real
HTTP requests from Authlib to the provider. Nothing in the protocol is mocked.
"""

from __future__ import annotations

import http.client
import importlib
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client, override_settings
from django.urls import clear_url_caches

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.portal import oidc
from ungeforlob.portal.auth import SESSION_KEY
from ungeforlob.portal.tests.fake_oidc_provider import FakeOIDCProvider, b64url, new_rsa_key
from ungeforlob.testing import Personas, cpr_for_age
from ungeforlob.youth import cpr
from ungeforlob.youth.services import youth_create

CALLBACK = "http://testserver/min-side/mitid/callback/"


def _reload_urls() -> None:
    """The MitID routes are registered when the URL conf is imported (only if configured): re-import it."""
    import config.urls
    import ungeforlob.portal.urls

    importlib.reload(ungeforlob.portal.urls)
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def provider(p: Personas) -> Iterator[FakeOIDCProvider]:
    with FakeOIDCProvider(cpr=cpr.decrypt(p.youth.cpr_encrypted)) as running:
        yield running


@pytest.fixture
def mitid(provider: FakeOIDCProvider) -> Iterator[FakeOIDCProvider]:
    """MitID login configured against the running provider, with its routes in the URL conf."""
    override = override_settings(
        PORTAL_OIDC_ENABLED=True,
        PORTAL_OIDC_DISCOVERY_URL=provider.discovery_url,
        PORTAL_OIDC_CLIENT_ID=provider.client_id,
        PORTAL_OIDC_CLIENT_SECRET=provider.client_secret,
        PORTAL_OIDC_SCOPES="openid ssn",
        PORTAL_OIDC_CPR_CLAIM=provider.cpr_claim,
        PORTAL_OIDC_TIMEOUT_SECONDS=5,
    )
    override.enable()
    try:
        _reload_urls()
        yield provider
    finally:
        override.disable()
        _reload_urls()


def _through_the_broker(client: Client, provider: FakeOIDCProvider) -> str:
    """Press "Log ind med MitID", visit the broker for real, and return the callback URL it sends us to."""
    response = client.get("/min-side/mitid/")
    assert response.status_code == 302, response.content.decode()[:300]
    authorize = urlsplit(response["Location"])
    assert f"{authorize.scheme}://{authorize.netloc}" == provider.issuer and authorize.path == "/authorize"
    connection = http.client.HTTPConnection(authorize.hostname, authorize.port, timeout=5)
    try:
        connection.request("GET", f"{authorize.path}?{authorize.query}")
        answer = connection.getresponse()
        answer.read()
    finally:
        connection.close()
    assert answer.status == 302, f"the provider refused the authorization request ({answer.status})"
    back = answer.getheader("Location") or ""
    assert back.startswith(CALLBACK)
    return back[len("http://testserver"):]


def _page(client: Client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def _logged_in(client: Client) -> bool:
    return client.get("/min-side/").status_code == 200


def test_a_youth_logs_in_with_mitid_through_the_broker(p: Personas, mitid: FakeOIDCProvider,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = Client()
    callback = _through_the_broker(client, mitid)
    response = client.get(callback)
    assert response.status_code == 302 and response["Location"] == "/min-side/"
    assert "no-store" in response["Cache-Control"]
    assert "Hej Josefine" in client.get("/min-side/").content.decode()
    # PKCE: the token request carried the verifier, and the provider checked it against the challenge.
    assert mitid.token_requests and mitid.token_requests[0]["code_verifier"]
    assert mitid.requests.count("POST /token") == 1 and "GET /jwks" in mitid.requests
    event = AuditEvent.objects.get(action=AuditAction.LOGIN, object_type="portal_login_oidc")
    assert event.actor_youth_id == p.youth.pk and event.youth_id == p.youth.pk
    # The CPR number is nowhere in clear: not in the session, the audit row or the log.
    digits = mitid.cpr
    assert client.session[SESSION_KEY] == p.youth.pk
    assert digits not in repr(dict(client.session.items()))
    assert digits not in repr(event.detail) and digits not in caplog.text


def test_the_authorization_request_has_pkce_state_nonce_and_the_configured_scopes(mitid: FakeOIDCProvider,
                                                                                   settings) -> None:
    settings.PORTAL_OIDC_ACR_VALUES = "https://data.gov.dk/concept/core/nsis/Substantial"
    query = {k: v[0] for k, v in parse_qs(urlsplit(Client().get("/min-side/mitid/")["Location"]).query).items()}
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert query["state"] and query["nonce"] and query["state"] != query["nonce"]
    assert query["scope"] == "openid ssn" and query["response_type"] == "code"
    assert query["redirect_uri"] == CALLBACK
    assert query["acr_values"] == "https://data.gov.dk/concept/core/nsis/Substantial"
    assert "code_verifier" not in query


def test_the_cpr_may_come_from_the_userinfo_endpoint(p: Personas, mitid: FakeOIDCProvider, settings) -> None:
    """Signaturgruppen's broker puts basic claims in the ID token and the CPR number ("dk.cpr") in userinfo."""
    mitid.cpr_claim, mitid.cpr_in = "dk.cpr", "userinfo"
    settings.PORTAL_OIDC_CPR_CLAIM = "dk.cpr"
    client = Client()
    client.get(_through_the_broker(client, mitid))
    assert _logged_in(client)
    assert "GET /userinfo" in mitid.requests


def test_an_unknown_cpr_is_refused_with_a_danish_message(p: Personas, mitid: FakeOIDCProvider) -> None:
    mitid.cpr = cpr_for_age(20, serial=777)
    client = Client()
    page = _page(client, _through_the_broker(client, mitid))
    assert "Vi kan ikke finde dig i Ungeforløb" in page
    assert not _logged_in(client)
    assert not AuditEvent.objects.filter(object_type="portal_login_oidc").exists()


def test_a_missing_or_malformed_cpr_claim_is_refused(p: Personas, mitid: FakeOIDCProvider) -> None:
    mitid.cpr_in = "nowhere"
    client = Client()
    assert "MitID sendte ikke dit CPR-nummer" in _page(client, _through_the_broker(client, mitid))
    mitid.cpr_in, mitid.cpr = "id_token", "12345"
    assert "CPR-nummeret skal have 10 cifre" in _page(client, _through_the_broker(client, mitid))
    assert not _logged_in(client)


def test_a_tampered_state_is_refused_and_the_code_never_exchanged(p: Personas, mitid: FakeOIDCProvider) -> None:
    client = Client()
    callback = urlsplit(_through_the_broker(client, mitid))
    query = {k: v[0] for k, v in parse_qs(callback.query).items()}
    query["state"] = query["state"][:-2] + ("AA" if not query["state"].endswith("AA") else "BB")
    page = _page(client, f"{callback.path}?{urlencode(query)}")
    assert "Dit login med MitID kunne ikke bekræftes" in page
    assert not _logged_in(client)
    assert "POST /token" not in mitid.requests


def test_a_callback_can_not_be_replayed(p: Personas, mitid: FakeOIDCProvider) -> None:
    client = Client()
    callback = _through_the_broker(client, mitid)
    client.get(callback)
    assert _logged_in(client)
    other = Client()  # someone who got hold of the URL: no state in their session
    assert "Dit login med MitID kunne ikke bekræftes" in _page(other, callback)
    assert not _logged_in(other)


@pytest.mark.parametrize("tamper", ["signed with another key", "wrong nonce", "wrong audience", "wrong issuer",
                                    "expired", "alg none"])
def test_an_id_token_the_client_must_not_trust_is_refused(p: Personas, mitid: FakeOIDCProvider, tamper: str) -> None:
    if tamper == "signed with another key":
        mitid.signing_key = new_rsa_key()  # same kid, so only the signature check can catch it
    elif tamper == "wrong nonce":
        mitid.claim_overrides = {"nonce": "en-anden-nonce"}
    elif tamper == "wrong audience":
        mitid.claim_overrides = {"aud": "en-anden-klient"}
    elif tamper == "wrong issuer":
        mitid.claim_overrides = {"iss": "https://falsk.example"}
    elif tamper == "expired":
        mitid.claim_overrides = {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}
    elif tamper == "alg none":
        original = mitid.id_token
        none_header = b64url(b'{"alg":"none","typ":"JWT"}')

        def unsigned(*, nonce: str, access_token: str) -> str:
            claims = original(nonce=nonce, access_token=access_token).split(".")[1]
            return f"{none_header}.{claims}."

        mitid.id_token = unsigned  # type: ignore[method-assign]
    client = Client()
    page = _page(client, _through_the_broker(client, mitid))
    assert "Vi kunne ikke bekræfte dit login med MitID" in page
    assert not _logged_in(client)
    assert not AuditEvent.objects.filter(object_type="portal_login_oidc").exists()


@pytest.mark.parametrize(("returned", "accepted"), [
    ({}, True),  # the fake broker's own: NSIS Substantial
    ({"acr": "https://data.gov.dk/concept/core/nsis/High"}, True),
    ({"acr": "https://data.gov.dk/concept/core/nsis/Low"}, False),
    ({"acr": None, "https://data.gov.dk/concept/core/nsis/loa": "Substantial"}, True),
    ({"acr": None}, False),
])
def test_the_level_of_assurance_asked_for_is_checked_in_the_id_token(
        p: Personas, mitid: FakeOIDCProvider, settings: Any, returned: dict, accepted: bool) -> None:
    settings.PORTAL_OIDC_ACR_VALUES = "https://data.gov.dk/concept/core/nsis/Substantial"
    mitid.claim_overrides = dict(returned)
    client = Client()
    page = _page(client, _through_the_broker(client, mitid))
    assert _logged_in(client) is accepted
    assert ("Dit login med MitID var ikke sikkert nok" in page) is not accepted


def test_no_level_is_checked_when_none_is_asked_for(p: Personas, mitid: FakeOIDCProvider) -> None:
    mitid.claim_overrides = {"acr": "https://data.gov.dk/concept/core/nsis/Low"}
    client = Client()
    _page(client, _through_the_broker(client, mitid))
    assert _logged_in(client)


def test_an_unreachable_provider_gives_a_danish_message(p: Personas, mitid: FakeOIDCProvider) -> None:
    mitid.stop()  # nothing listens on the port any more
    client = Client()
    response = client.get("/min-side/mitid/")
    assert response.status_code == 302 and response["Location"] == "/min-side/login/"
    assert "Vi kan ikke få kontakt til MitID lige nu" in _page(client, "/min-side/login/")


def test_a_provider_that_goes_down_before_the_callback_gives_a_danish_message(p: Personas,
                                                                               mitid: FakeOIDCProvider) -> None:
    client = Client()
    callback = _through_the_broker(client, mitid)
    mitid.stop()
    assert "Vi kan ikke få kontakt til MitID lige nu" in _page(client, callback)
    assert not _logged_in(client)


def test_cancelling_at_the_broker_says_so(p: Personas, mitid: FakeOIDCProvider) -> None:
    mitid.deny = True
    client = Client()
    callback = _through_the_broker(client, mitid)
    assert "error=access_denied" in callback
    assert "Du afbrød login med MitID" in _page(client, callback)
    assert not _logged_in(client)


@pytest.mark.parametrize("query", ["", "?code=x", "?state=x", "?code=x&state=x", "?error=server_error",
                                   "?error=" + "x" * 5000])
def test_a_bare_or_odd_callback_never_gives_a_500(p: Personas, mitid: FakeOIDCProvider, query: str) -> None:
    client = Client()
    response = client.get(f"/min-side/mitid/callback/{query}")
    assert response.status_code == 302 and response["Location"] == "/min-side/login/"
    assert not _logged_in(client)


def test_a_youth_in_two_municipalities_is_picked_by_the_configured_municipality(p: Personas,
                                                                                 mitid: FakeOIDCProvider,
                                                                                 settings) -> None:
    youth_create(actor=p.stranger, first_name="Josefine", last_name="Nabo", cpr_number=mitid.cpr,
                 mobile="+4540123456")
    client = Client()
    assert "mere end én kommune" in _page(client, _through_the_broker(client, mitid))
    assert not _logged_in(client)

    settings.PORTAL_OIDC_MUNICIPALITY = p.municipality.code
    client.get(_through_the_broker(client, mitid))
    assert client.session[SESSION_KEY] == p.youth.pk


def test_the_mitid_button_is_hidden_and_the_routes_absent_when_not_configured(p: Personas) -> None:
    assert not oidc.enabled()
    client = Client()
    assert "Log ind med MitID" not in client.get("/min-side/login/").content.decode()
    assert client.get("/min-side/mitid/").status_code == 404
    assert client.get("/min-side/mitid/callback/?code=x&state=y").status_code == 404


def test_the_mitid_button_is_shown_when_configured(p: Personas, mitid: FakeOIDCProvider) -> None:
    page = Client().get("/min-side/login/").content.decode()
    assert "Log ind med MitID" in page and 'href="/min-side/mitid/"' in page


def test_the_mitid_messages_are_easy_to_read() -> None:
    from ungeforlob.portal.tests.test_pages import _lix

    texts = [oidc._msg_unreachable(), oidc._msg_cancelled(), oidc._msg_state(), oidc._msg_failed(),
             oidc._msg_no_cpr(), oidc._msg_disabled(), oidc._msg_level()]
    assert _lix(" ".join(texts)) <= 35


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_a_youth_logs_in_with_mitid_in_a_real_browser(browse, p: Personas, mitid: FakeOIDCProvider,
                                                       width: int) -> None:
    """Chromium follows the whole round trip itself: our page → the provider on 127.0.0.1 → our callback."""
    s = browse(width)
    mitid.deny = True
    s.goto("/min-side/login/")
    s.page.get_by_role("link", name="Log ind med MitID").click()
    s.page.wait_for_url("**/min-side/login/")
    assert "Du afbrød login med MitID" in s.page.locator("main").inner_text()
    s.screenshot("portal-mitid-cancelled")
    assert s.axe_violations() == []

    mitid.deny = False
    s.page.get_by_role("link", name="Log ind med MitID").click()
    s.page.wait_for_url("**/min-side/")
    assert "Hej Josefine" in s.page.locator("h1").inner_text()
    assert s.console_errors == []
