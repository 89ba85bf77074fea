"""The two doors to Serviceplatformen, each behind an adapter chosen by `SERVICEPLATFORM_ADAPTER`.

* `DigitalPostAdapter.send(memo) -> message id`: a MeMo message with attachments (the plan PDF, an .ics) to a
  CPR number's Digital Post.
* `CprAdapter.lookup(cpr) -> Person`: name, address and, for someone under 18, the holders of parental custody
  where the register gives them.

"fake" (the default) keeps everything in this database (`fake.py`); "serviceplatformen" talks to KOMBIT's
Serviceplatformen (`real.py`). Both keep the same contract (`tests/test_contract.py`): a malformed CPR number is
a `ValidationError` with a Danish message before anything is sent; a number the register does not know is
`PersonNotFound`; a service that does not answer is `ServiceUnavailable`, never a 500.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from typing import Protocol
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Attachment:
    filename: str
    mime_type: str
    content: bytes


@dataclass(frozen=True)
class Memo:
    """A letter to one recipient. `recipient_cpr` is the ten digits (adapters validate it again)."""

    recipient_cpr: str
    title: str
    body: str
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Custodian:
    cpr: str
    name: str


@dataclass(frozen=True)
class Person:
    cpr: str
    first_name: str
    last_name: str
    street: str = ""
    postcode: str = ""
    city: str = ""
    custodians: tuple[Custodian, ...] = field(default=())

    @property
    def address(self) -> str:
        town = f"{self.postcode} {self.city}".strip()
        return ", ".join(part for part in (self.street, town) if part)


class ServiceUnavailable(Exception):
    """Serviceplatformen did not answer, or answered with an error. The message is Danish and safe to show."""

    default = _("Serviceplatformen svarede ikke. Prøv igen om lidt.")

    def __init__(self, message: object = None) -> None:
        super().__init__(str(message or self.default))


class PersonNotFound(ServiceUnavailable):
    default = _("Personen blev ikke fundet i CPR.")


class DigitalPostAdapter(Protocol):
    name: str

    def send(self, memo: Memo) -> str: ...


class CprAdapter(Protocol):
    name: str

    def lookup(self, cpr_number: str) -> Person: ...


def adapter_name() -> str:
    return getattr(settings, "SERVICEPLATFORM_ADAPTER", "fake")


def digital_post() -> DigitalPostAdapter:
    name = adapter_name()
    if name == "fake":
        from ungeforlob.serviceplatform.fake import FakeDigitalPost

        return FakeDigitalPost()
    if name == "serviceplatformen":
        from ungeforlob.serviceplatform.real import ServiceplatformenDigitalPost

        return ServiceplatformenDigitalPost()
    raise ImproperlyConfigured("SERVICEPLATFORM_ADAPTER must be 'fake' or 'serviceplatformen'")


def cpr_register() -> CprAdapter:
    name = adapter_name()
    if name == "fake":
        from ungeforlob.serviceplatform.fake import FakeCprRegister

        return FakeCprRegister()
    if name == "serviceplatformen":
        from ungeforlob.serviceplatform.real import ServiceplatformenCpr

        return ServiceplatformenCpr()
    raise ImproperlyConfigured("SERVICEPLATFORM_ADAPTER must be 'fake' or 'serviceplatformen'")


# --- The MeMo message, built once for both adapters ------------------------------------------------------------


def build_memo(memo: Memo, *, message_uuid: str | None = None) -> tuple[object, str]:
    """The MeMo 1.2 message (python-serviceplatformen's dataclasses) and its XML: the sender is the municipality
    (its CVR number, `SERVICEPLATFORM_CVR`), the recipient the CPR number; the body is the main document (plain
    text) and each attachment an additional document. The fake stores the same XML the real adapter sends."""
    from python_serviceplatformen.models import message as m
    from python_serviceplatformen.models.xml_util import dataclass_to_xml

    def file(name: str, mime: str, content: bytes) -> m.File:
        return m.File(encodingFormat=mime, filename=name, language="da",
                      content=base64.b64encode(content).decode("ascii"))

    sender = m.Sender(senderID=getattr(settings, "SERVICEPLATFORM_CVR", "") or "00000000", idType="CVR",
                      label=getattr(settings, "SERVICEPLATFORM_SENDER_LABEL", "Ungeindsatsen"))
    message = m.Message(
        messageHeader=m.MessageHeader(
            messageType="DIGITALPOST", messageUUID=message_uuid or str(uuid.uuid4()), label=memo.title[:200],
            mandatory=False, legalNotification=False, sender=sender,
            recipient=m.Recipient(recipientID=memo.recipient_cpr, idType="CPR")),
        messageBody=m.MessageBody(
            createdDateTime=timezone.now(),
            mainDocument=m.MainDocument(label=memo.title[:200], files=(
                file("brev.txt", "text/plain", memo.body.encode("utf-8")),)),
            additionalDocuments=tuple(
                m.AdditionalDocument(label=a.filename, files=(file(a.filename, a.mime_type, a.content),))
                for a in memo.attachments) or None,
        ),
    )
    return message, ElementTree.tostring(dataclass_to_xml(message), encoding="unicode")
