"""The provider's webhooks take their token in a header only: a token in the URL ends up in access logs."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from ungeforlob.audit.models import AuditEvent
from ungeforlob.messaging.fake_gateway import FakeGateway
from ungeforlob.messaging.models import InboundMessage, MessageStatus, OutboundMessage
from ungeforlob.messaging.outbox import process_batch
from ungeforlob.messaging.services import sms_enqueue
from ungeforlob.testing import Personas

TOKEN = "hook-token"  # noqa: S105 - a test token
INBOUND = "/sms/indgaaende/"
RECEIPT = "/sms/kvittering/"


@pytest.fixture(autouse=True)
def _token(settings: Any) -> None:
    settings.SMS_INBOUND_TOKEN = TOKEN


def _post(path: str, body: dict[str, Any], **headers: str) -> Any:
    return Client(enforce_csrf_checks=True).post(path, data=json.dumps(body), content_type="application/json",
                                                 headers=headers)


def _sent(p: Personas) -> OutboundMessage:
    message = sms_enqueue(youth=p.youth, body="Hej", kind="conversation")
    process_batch(now=message.due_at)
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    return message


@pytest.mark.parametrize("query", [f"?token={TOKEN}", "?token=", f"?key={TOKEN}", f"?x=1&auth={TOKEN}"])
def test_a_reply_with_the_token_in_the_url_is_refused_and_nothing_is_recorded(consented: Personas,
                                                                              query: str) -> None:
    before = AuditEvent.objects.count()
    # Even with the right header: the token has already been written to the logs, so the setup must change.
    response = _post(INBOUND + query, {"msisdn": "4520123456", "message": "Hej"}, Authorization=f"Bearer {TOKEN}")
    assert response.status_code == 403
    assert "header" in response.json()["error"]
    assert not InboundMessage.objects.exists() and AuditEvent.objects.count() == before


def test_a_receipt_with_the_token_in_the_url_is_refused_and_changes_nothing(consented: Personas) -> None:
    message = _sent(consented)
    response = Client().post(f"{RECEIPT}?token={TOKEN}", {"id": message.gateway_message_id, "status": "DELIVERED",
                                                           "userref": message.idempotency_key})
    assert response.status_code == 403
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


def test_a_reply_with_the_token_only_in_the_url_is_refused(consented: Personas) -> None:
    assert Client().post(f"{INBOUND}?token={TOKEN}", {"from": "20123456", "text": "Hej"}).status_code == 403
    assert not InboundMessage.objects.exists()


@pytest.mark.parametrize("headers", [{"Authorization": f"Bearer {TOKEN}"}, {"Authorization": f"bearer {TOKEN}"},
                                     {"X-Inbound-Token": TOKEN}])
def test_a_reply_with_the_token_in_a_header_is_recorded(consented: Personas, headers: dict[str, str]) -> None:
    assert _post(INBOUND, {"msisdn": "4520123456", "message": "Hej"}, **headers).status_code == 200
    assert InboundMessage.objects.get().youth == consented.youth


@pytest.mark.parametrize("headers", [{}, {"Authorization": f"Token {TOKEN}"}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"X-Inbound-Token": ""}])
def test_a_reply_without_the_right_header_is_refused(consented: Personas, headers: dict[str, str]) -> None:
    assert _post(INBOUND, {"msisdn": "4520123456", "message": "Hej"}, **headers).status_code == 403
    assert not InboundMessage.objects.exists()


def test_the_provider_reports_delivery_and_replies_with_the_token_in_its_header(
        consented: Personas, fake_gateway: FakeGateway, live_server: Any) -> None:
    """End to end: the HTTP gateway sends to the fake provider, which calls both webhooks back as a provider
    does (Authorization: Bearer)."""
    message = _sent(consented)
    [delivery] = fake_gateway.delivered
    assert fake_gateway.report(live_server.url, TOKEN, delivery) == 200
    message.refresh_from_db()
    assert message.status == MessageStatus.DELIVERED
    assert fake_gateway.reply(live_server.url, TOKEN, msisdn=delivery.to.lstrip("+"), text="Tak!") == 200
    assert InboundMessage.objects.get().body == "Tak!"
    assert fake_gateway.reply(live_server.url, "wrong", msisdn=delivery.to, text="Falsk") == 403
    assert InboundMessage.objects.count() == 1
