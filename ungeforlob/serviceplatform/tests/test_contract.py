"""One contract for both adapters: the local fake and the real one (Serviceplatformen, up to the HTTP boundary)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from ungeforlob.serviceplatform import adapters
from ungeforlob.serviceplatform.adapters import Attachment, Memo, PersonNotFound, ServiceUnavailable
from ungeforlob.serviceplatform.models import FakeMessage
from ungeforlob.serviceplatform.tests.conftest import CUSTODIANS, KNOWN_CPR, UNKNOWN_CPR

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["fake", "serviceplatformen"])
def adapter(request: pytest.FixtureRequest) -> Any:
    """The adapter under contract and a function telling how many letters reached the other side."""
    if request.param == "fake":
        request.getfixturevalue("fake_adapter")
        return lambda: FakeMessage.objects.count()
    stub = request.getfixturevalue("real_adapter")
    return lambda: len(stub.to("KombiPostAfsend_1/memos"))


MEMO = Memo(recipient_cpr=KNOWN_CPR, title="Min plan for Sofie", body="Her er din plan.",
            attachments=(Attachment("min-plan.pdf", "application/pdf", b"%PDF-1.7 test"),))


def test_sending_returns_a_message_id_and_delivers_once(adapter: Any) -> None:
    message_id = adapters.digital_post().send(MEMO)
    assert isinstance(message_id, str) and len(message_id) >= 32
    assert adapter() == 1


@pytest.mark.parametrize("bad", ["123", "3213991234", "abcdefghij", ""])
def test_a_malformed_cpr_number_is_a_danish_error_and_nothing_is_sent(adapter: Any, bad: str) -> None:
    with pytest.raises(ValidationError) as raised:
        adapters.digital_post().send(Memo(recipient_cpr=bad, title="X", body="X"))
    assert "CPR-nummeret" in " ".join(raised.value.messages)
    assert adapter() == 0


def test_a_malformed_cpr_number_is_a_danish_error_in_the_lookup_too(adapter: Any) -> None:
    with pytest.raises(ValidationError) as raised:
        adapters.cpr_register().lookup("12345")
    assert "CPR-nummeret" in " ".join(raised.value.messages)


def test_an_unknown_person_is_not_found_with_a_danish_message(adapter: Any) -> None:
    with pytest.raises(PersonNotFound) as raised:
        adapters.cpr_register().lookup(UNKNOWN_CPR)
    assert "ikke fundet" in str(raised.value)
    assert isinstance(raised.value, ServiceUnavailable)  # callers that catch the general failure catch this too


def test_a_known_person_comes_with_name_address_and_the_holders_of_custody(adapter: Any) -> None:
    person = adapters.cpr_register().lookup("010310-4234")
    assert (person.first_name, person.last_name) == ("Sofie", "Testmark")
    assert person.address == "Kirkevej 4, 6800 Varde"
    assert sorted((c.cpr, c.name) for c in person.custodians) == sorted(CUSTODIANS)
