"""The real adapters up to the HTTP boundary: the requests are built, authenticated and addressed as
Serviceplatformen documents them (SF1601 with python-serviceplatformen; SF1520 PersonLookup)."""

from __future__ import annotations

import base64
import dataclasses
import typing
from typing import Any
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from python_serviceplatformen.models import message as memo_model

from ungeforlob.serviceplatform import adapters, real
from ungeforlob.serviceplatform.adapters import Attachment, Memo, ServiceUnavailable
from ungeforlob.serviceplatform.tests.conftest import KNOWN_CPR, Stub

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7 plan"
MEMO = Memo(recipient_cpr=KNOWN_CPR, title="Min plan for Sofie", body="Her er din plan.",
            attachments=(Attachment("min-plan.pdf", "application/pdf", PDF),))


def _classes() -> dict[str, type]:
    return {name: cls for name, cls in vars(memo_model).items() if dataclasses.is_dataclass(cls)}


def _dataclass_of(annotation: Any) -> type | None:
    """The MeMo dataclass a field holds (through Optional[...] and tuple[..., ...])."""
    classes = _classes()
    if isinstance(annotation, str):
        for name in reversed([n.strip("[], .") for n in annotation.replace("[", " ").replace("]", " ").replace(",", " ").split()]):
            if name in classes:
                return classes[name]
        return None
    for arg in typing.get_args(annotation) or (annotation,):
        if dataclasses.is_dataclass(arg):
            return arg  # type: ignore[return-value]
        found = _dataclass_of(arg) if typing.get_args(arg) else None
        if found:
            return found
    return None


def assert_valid_memo(element: ElementTree.Element, cls: type = memo_model.Message) -> None:
    """The element is the MeMo model's `cls`: right namespace and name, only the model's fields, every required
    field present, nested elements valid in turn."""
    namespace = cls.__namespace__  # type: ignore[attr-defined]
    assert element.tag == f"{{{namespace}}}{cls.__name__}", element.tag
    fields = {f.name: f for f in dataclasses.fields(cls)}
    seen: set[str] = set()
    for child in element:
        local = child.tag.rsplit("}", 1)[-1]
        if local in fields:  # a plain value
            seen.add(local)
            continue
        holder = next((f for f in fields.values() if _dataclass_of(f.type) and _dataclass_of(f.type).__name__ == local), None)
        assert holder is not None, f"{local} is not a field of {cls.__name__}"
        seen.add(holder.name)
        assert_valid_memo(child, _dataclass_of(holder.type))  # type: ignore[arg-type]
    required = {n for n, f in fields.items()
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    assert required <= seen, f"{cls.__name__} lacks {required - seen}"


def test_digital_post_authenticates_with_the_certificate_then_posts_the_memo(real_adapter: Stub,
                                                                             cert_path: str) -> None:
    message_id = adapters.digital_post().send(MEMO)

    saml, token, memos = real_adapter.sent
    assert saml.url == "https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"
    assert b'"Cvr": "29189846"' in saml.body and b"kombipostafsend" in saml.body
    assert token.url == "https://exttest.serviceplatformen.dk/service/AccessTokenService_1/token"
    assert memos.method == "POST"
    assert memos.url == "https://exttest.serviceplatformen.dk/service/KombiPostAfsend_1/memos"
    assert memos.headers["authorization"] == "Bearer stub-token"
    assert memos.headers["X-TransaktionsId"] == message_id
    assert memos.headers["Content-Type"] == "application/xml"
    assert {s.cert for s in real_adapter.sent} == {cert_path}  # every call over mutual TLS


def test_the_memo_sent_is_valid_against_the_packages_memo_model(real_adapter: Stub) -> None:
    adapters.digital_post().send(MEMO)
    request = ElementTree.fromstring(real_adapter.to("memos")[0].body)
    assert request.tag == "kombi_request" and request.find("KombiValgKode").text == "Digital Post"
    message = request[1]
    assert message.get("memoVersion") == "1.2"
    assert_valid_memo(message)
    ns = {"memo": memo_model.NAME_SPACES["memo"]}
    assert message.find("memo:MessageHeader/memo:messageType", ns).text == "DIGITALPOST"
    assert message.find("memo:MessageHeader/memo:Recipient/memo:recipientID", ns).text == KNOWN_CPR
    assert message.find("memo:MessageHeader/memo:Recipient/memo:idType", ns).text == "CPR"
    assert message.find("memo:MessageHeader/memo:Sender/memo:senderID", ns).text == "29189846"
    files = message.findall(".//memo:File", ns)
    assert [f.find("memo:filename", ns).text for f in files] == ["brev.txt", "min-plan.pdf"]
    assert base64.b64decode(files[1].find("memo:content", ns).text) == PDF


def test_the_memo_check_notices_a_field_the_model_does_not_have() -> None:
    message, xml = adapters.build_memo(MEMO)
    element = ElementTree.fromstring(xml)
    ElementTree.SubElement(element.find(f"{{{memo_model.NAME_SPACES['memo']}}}MessageHeader"),
                           f"{{{memo_model.NAME_SPACES['memo']}}}Bogus")
    with pytest.raises(AssertionError):
        assert_valid_memo(element)


def test_the_cpr_lookup_is_a_soap_request_with_the_service_agreement_over_mutual_tls(real_adapter: Stub,
                                                                                    cert_path: str) -> None:
    adapters.cpr_register().lookup(KNOWN_CPR)
    (sent,) = real_adapter.sent
    assert sent.url == f"https://exttest.serviceplatformen.dk/{real.CPR_PATH}"
    assert sent.headers["SOAPAction"] == f'"{real.CPR_SOAP_ACTION}"'
    assert sent.headers["Content-Type"].startswith("text/xml")
    assert sent.cert == cert_path
    envelope = ElementTree.fromstring(sent.body)
    context = envelope.find(f".//{{{real.CONTEXT_NS}}}InvocationContext")
    values = {child.tag.rsplit("}", 1)[-1]: child.text for child in context}
    assert values["ServiceAgreementUUID"] == "11111111-1111-4111-8111-111111111111"
    assert values["UserSystemUUID"] == "22222222-2222-4222-8222-222222222222"
    assert values["UserUUID"] == "33333333-3333-4333-8333-333333333333"
    assert values["ServiceUUID"] == "44444444-4444-4444-8444-444444444444"
    assert envelope.find(f".//{{{real.CPR_NS}}}PersonLookupRequest/PNR").text == KNOWN_CPR


def test_a_malformed_number_never_leaves_the_house(real_adapter: Stub) -> None:
    with pytest.raises(ValidationError):
        adapters.cpr_register().lookup("010310-423")
    assert real_adapter.sent == []


def test_without_certificate_settings_the_real_adapter_says_so_in_danish(real_adapter: Stub, settings: Any) -> None:
    settings.SERVICEPLATFORM_CERT_PATH = ""
    with pytest.raises(ServiceUnavailable) as raised:
        adapters.digital_post().send(MEMO)
    assert "ikke sat op" in str(raised.value)
    settings.SERVICEPLATFORM_CERT_PATH = "x"
    settings.SERVICEPLATFORM_CPR_SERVICE_AGREEMENT_UUID = ""
    with pytest.raises(ServiceUnavailable):
        adapters.cpr_register().lookup(KNOWN_CPR)
    assert real_adapter.sent == []


def test_a_service_that_does_not_answer_is_a_danish_error_not_a_crash(real_adapter: Stub) -> None:
    real_adapter.down = True
    with pytest.raises(ServiceUnavailable) as raised:
        adapters.digital_post().send(MEMO)
    assert "Serviceplatformen svarede ikke" in str(raised.value)
    with pytest.raises(ServiceUnavailable):
        adapters.cpr_register().lookup(KNOWN_CPR)


def test_an_unreadable_answer_is_the_services_failure() -> None:
    with pytest.raises(ServiceUnavailable):
        real.parse_person(KNOWN_CPR, b"<not xml")
    with pytest.raises(ServiceUnavailable):
        real.parse_person(KNOWN_CPR, b"<Envelope><Body><Fault><faultstring>Internal error</faultstring></Fault>"
                                     b"</Body></Envelope>")
