"""The edge that cannot run here: a stub transport in place of Serviceplatformen's HTTP endpoints.

`stub` replaces requests' HTTPAdapter.send, so the real adapters build, authenticate and send their requests
exactly as in production, and the stub records each prepared request (with the client certificate it was sent
with) and answers the way the services document: the token service, the access token service, SF1601's memos
endpoint and SF1520's PersonLookup.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ungeforlob.serviceplatform import real

KNOWN_CPR = "0103104234"  # Sofie Testmark in data/fake_cpr.json, 16 years old, two custodians
CUSTODIANS = [("1204772345", "Hanne Testmark"), ("0309753456", "Bo Testmark")]
UNKNOWN_CPR = "1508994321"

PERSON_RESPONSE = """<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
 <soap:Body><ns2:PersonLookupResponse xmlns:ns2="http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/">
  <persondata><navn><fornavn>Sofie</fornavn><efternavn>Testmark</efternavn>
   <personadresseringsnavn>Testmark,Sofie</personadresseringsnavn></navn></persondata>
  <adresse><aktuelAdresse><standardadresse>Kirkevej 4</standardadresse><postnummer>6800</postnummer>
   <postdistrikt>Varde</postdistrikt></aktuelAdresse></adresse>
  <relationer>{custodians}</relationer>
 </ns2:PersonLookupResponse></soap:Body></soap:Envelope>""".format(custodians="".join(
    f"<foraeldremyndighedsindehaver><PNR>{c}</PNR><personadresseringsnavn>{n}</personadresseringsnavn>"
    "</foraeldremyndighedsindehaver>" for c, n in CUSTODIANS))

NOT_FOUND_RESPONSE = """<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
 <faultcode>soap:Server</faultcode><faultstring>Person not found (PNR ukendt)</faultstring>
</soap:Fault></soap:Body></soap:Envelope>"""


@dataclass
class Sent:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes
    cert: Any


@dataclass
class Stub:
    sent: list[Sent] = field(default_factory=list)
    down: bool = False

    def to(self, fragment: str) -> list[Sent]:
        return [s for s in self.sent if fragment in s.url]


def _response(request: requests.PreparedRequest, status: int, content: bytes, content_type: str) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = content
    response.headers["Content-Type"] = content_type
    response.url = request.url or ""
    response.request = request
    return response


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Stub:
    recorder = Stub()

    def send(self: Any, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        body = request.body if isinstance(request.body, bytes) else (request.body or "").encode()
        recorder.sent.append(Sent(request.method or "", request.url or "", dict(request.headers), body,
                                  kwargs.get("cert")))
        if recorder.down:
            raise requests.ConnectionError("stub: the service is down")
        url = request.url or ""
        if "wstrust/v1/issue" in url:
            lifetime = (datetime.datetime.now() + datetime.timedelta(hours=8)).strftime("%m/%d/%Y %H:%M:%S")  # noqa: DTZ005
            return _response(request, 200, json.dumps({
                "RequestedSecurityToken": {"Assertion": "<saml:Assertion>stub</saml:Assertion>"},
                "Lifetime": lifetime}).encode(), "application/json")
        if "AccessTokenService_1/token" in url:
            return _response(request, 200, json.dumps({"token_type": "Bearer", "access_token": "stub-token",
                                                       "expires_in": 3600}).encode(), "application/json")
        if "KombiPostAfsend_1/memos" in url:
            return _response(request, 200, b"", "application/xml")
        if real.CPR_PATH in url:
            if f"<PNR>{KNOWN_CPR}</PNR>".encode() in body:
                return _response(request, 200, PERSON_RESPONSE.encode(), "text/xml")
            return _response(request, 500, NOT_FOUND_RESPONSE.encode(), "text/xml")
        return _response(request, 404, b"", "text/plain")

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    return recorder


@pytest.fixture
def cert_path(tmp_path: Path) -> str:
    """The organisation's certificate and key in one PEM file (a self-signed stand-in)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ungeforløb test (FUNKTIONSCERTIFIKAT)")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now)
                   .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    path = tmp_path / "organisation.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
    return str(path)


@pytest.fixture
def real_adapter(settings: Any, cert_path: str, stub: Stub) -> Iterator[Stub]:
    settings.SERVICEPLATFORM_ADAPTER = "serviceplatformen"
    settings.SERVICEPLATFORM_CVR = "29189846"
    settings.SERVICEPLATFORM_CERT_PATH = cert_path
    settings.SERVICEPLATFORM_TEST_ENVIRONMENT = True
    settings.SERVICEPLATFORM_CPR_SERVICE_AGREEMENT_UUID = "11111111-1111-4111-8111-111111111111"
    settings.SERVICEPLATFORM_USER_SYSTEM_UUID = "22222222-2222-4222-8222-222222222222"
    settings.SERVICEPLATFORM_USER_UUID = "33333333-3333-4333-8333-333333333333"
    settings.SERVICEPLATFORM_CPR_SERVICE_UUID = "44444444-4444-4444-8444-444444444444"
    real._kombit_access.cache_clear()
    yield stub
    real._kombit_access.cache_clear()


@pytest.fixture
def fake_adapter(settings: Any, db: None) -> None:
    from ungeforlob.serviceplatform.fake import fake_register_seed
    from ungeforlob.youth.models import Youth

    settings.SERVICEPLATFORM_ADAPTER = "fake"
    fake_register_seed(youths=Youth.objects.none())
