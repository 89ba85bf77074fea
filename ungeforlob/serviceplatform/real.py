"""The real adapters: KOMBIT's Serviceplatformen, configured by certificate settings.

* Digital Post goes through SF1601 (KombiPostAfsend) with the PyPI package `python-serviceplatformen`: it fetches
  a SAML token from the token service with the organisation's certificate, trades it for an access token, and
  posts the MeMo message as XML over mutual TLS.
* The CPR lookup goes through SF1520 (CPR replika opslag, PersonBaseDataExtended), which the package does not
  cover: a SOAP 1.1 request carrying the service agreement in its InvocationContext, over mutual TLS with the
  same certificate.

The tests exercise both up to the HTTP boundary (a stub transport records the requests); nothing here runs
against the live service in the suite.

Settings (read with getattr; see the report for config/settings.py and .env.example):
SERVICEPLATFORM_CVR, SERVICEPLATFORM_CERT_PATH (the certificate and its key in one PEM file),
SERVICEPLATFORM_TEST_ENVIRONMENT (exttest, default True), SERVICEPLATFORM_SENDER_LABEL,
SERVICEPLATFORM_CPR_SERVICE_AGREEMENT_UUID, SERVICEPLATFORM_USER_SYSTEM_UUID, SERVICEPLATFORM_USER_UUID,
SERVICEPLATFORM_CPR_SERVICE_UUID.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

import requests
from defusedxml import ElementTree as SafeElementTree
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ungeforlob.serviceplatform.adapters import (
    Custodian,
    Memo,
    Person,
    PersonNotFound,
    ServiceUnavailable,
    build_memo,
)
from ungeforlob.youth import cpr

NOT_CONFIGURED = _("Forbindelsen til Serviceplatformen er ikke sat op (certifikat og serviceaftale mangler).")

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
CPR_NS = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/"
CONTEXT_NS = "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/"
CPR_PATH = "service/CPR/PersonBaseDataExtended/5"
CPR_SOAP_ACTION = CPR_NS + "PersonLookup"
TIMEOUT = 10


@dataclass(frozen=True)
class Config:
    cvr: str
    cert_path: str
    test: bool
    service_agreement: str
    user_system: str
    user: str
    cpr_service: str

    @property
    def environment(self) -> str:
        return "https://exttest.serviceplatformen.dk" if self.test else "https://prod.serviceplatformen.dk"


def config(*, for_cpr: bool = False) -> Config:
    c = Config(
        cvr=getattr(settings, "SERVICEPLATFORM_CVR", ""),
        cert_path=getattr(settings, "SERVICEPLATFORM_CERT_PATH", ""),
        test=bool(getattr(settings, "SERVICEPLATFORM_TEST_ENVIRONMENT", True)),
        service_agreement=getattr(settings, "SERVICEPLATFORM_CPR_SERVICE_AGREEMENT_UUID", ""),
        user_system=getattr(settings, "SERVICEPLATFORM_USER_SYSTEM_UUID", ""),
        user=getattr(settings, "SERVICEPLATFORM_USER_UUID", ""),
        cpr_service=getattr(settings, "SERVICEPLATFORM_CPR_SERVICE_UUID", ""),
    )
    needed = [c.cvr, c.cert_path]
    if for_cpr:
        needed += [c.service_agreement, c.user_system, c.user, c.cpr_service]
    if not all(needed):
        raise ServiceUnavailable(NOT_CONFIGURED)
    return c


@functools.lru_cache(maxsize=4)
def _kombit_access(cvr: str, cert_path: str, test: bool) -> Any:
    """One KombitAccess per configuration, so its SAML and access tokens are reused until they expire."""
    from python_serviceplatformen.authentication import KombitAccess

    return KombitAccess(cvr=cvr, cert_path=cert_path, test=test)


class ServiceplatformenDigitalPost:
    name = "serviceplatformen"

    def send(self, memo: Memo) -> str:
        from python_serviceplatformen import digital_post

        digits = cpr.normalize_cpr(memo.recipient_cpr)
        c = config()
        message, _xml = build_memo(Memo(digits, memo.title, memo.body, memo.attachments))
        try:
            return digital_post.send_message("Digital Post", message, _kombit_access(c.cvr, c.cert_path, c.test))
        except (requests.RequestException, ValueError, OSError) as exc:
            raise ServiceUnavailable from exc


def cpr_request_xml(digits: str, c: Config) -> bytes:
    """The SF1520 PersonLookup request: the InvocationContext names the service agreement, the user system, the
    municipality (user) and the service; PNR is the number looked up."""
    ElementTree.register_namespace("soapenv", SOAP_NS)
    ElementTree.register_namespace("ns", CPR_NS)
    ElementTree.register_namespace("invctx", CONTEXT_NS)
    envelope = ElementTree.Element(f"{{{SOAP_NS}}}Envelope")
    ElementTree.SubElement(envelope, f"{{{SOAP_NS}}}Header")
    body = ElementTree.SubElement(envelope, f"{{{SOAP_NS}}}Body")
    request = ElementTree.SubElement(body, f"{{{CPR_NS}}}PersonLookupRequest")
    context = ElementTree.SubElement(request, f"{{{CONTEXT_NS}}}InvocationContext")
    for tag, value in (("ServiceAgreementUUID", c.service_agreement), ("UserSystemUUID", c.user_system),
                       ("UserUUID", c.user), ("ServiceUUID", c.cpr_service),
                       ("AccountingInfo", "Ungeforløb"), ("OnBehalfOfUser", "")):
        ElementTree.SubElement(context, f"{{{CONTEXT_NS}}}{tag}").text = value
    ElementTree.SubElement(request, "PNR").text = digits
    return ElementTree.tostring(envelope, encoding="utf-8", xml_declaration=True)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first(root: Any, name: str) -> str:
    for element in root.iter():
        if _local(element.tag) == name and element.text:
            return element.text.strip()
    return ""


def parse_person(digits: str, content: bytes) -> Person:
    """The person in a PersonLookupResponse (read by element names, whatever their namespaces)."""
    try:
        root = SafeElementTree.fromstring(content)
    except Exception as exc:  # noqa: BLE001 - any unreadable answer is the service's failure, not ours
        raise ServiceUnavailable from exc
    fault = _first(root, "faultstring")
    if fault:
        lowered = fault.lower()
        if any(word in lowered for word in ("not found", "ikke fundet", "findes ikke", "unknown pnr")):
            raise PersonNotFound
        raise ServiceUnavailable
    first = " ".join(part for part in (_first(root, "fornavn"), _first(root, "mellemnavn")) if part)
    last = _first(root, "efternavn")
    if not (first or last):
        raise PersonNotFound
    custodians = []
    for element in root.iter():
        if _local(element.tag) == "foraeldremyndighedsindehaver":
            number = _first(element, "PNR")
            if number:
                custodians.append(Custodian(cpr=number, name=_first(element, "personadresseringsnavn")
                                            or str(_("Forælder med forældremyndighed"))))
    return Person(cpr=digits, first_name=first, last_name=last, street=_first(root, "standardadresse"),
                  postcode=_first(root, "postnummer"), city=_first(root, "postdistrikt"),
                  custodians=tuple(custodians))


class ServiceplatformenCpr:
    name = "serviceplatformen"

    def lookup(self, cpr_number: str) -> Person:
        digits = cpr.normalize_cpr(cpr_number)
        c = config(for_cpr=True)
        headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{CPR_SOAP_ACTION}"',
                   "X-TransaktionsId": str(uuid.uuid4())}
        try:
            response = requests.post(f"{c.environment}/{CPR_PATH}", data=cpr_request_xml(digits, c),
                                     headers=headers, cert=c.cert_path, timeout=TIMEOUT)
        except (requests.RequestException, OSError) as exc:
            raise ServiceUnavailable from exc
        if response.status_code == 404:
            raise PersonNotFound
        if response.status_code >= 400 and b"faultstring" not in response.content:
            raise ServiceUnavailable
        return parse_person(digits, response.content)
