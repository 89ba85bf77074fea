"""The outbox worker: claims, gateways (real HTTP against the fake provider), retries, failures, rules at send time."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.utils import timezone

from ungeforlob.messaging.conf import LOCAL_TZ
from ungeforlob.messaging.fake_gateway import FakeGateway
from ungeforlob.messaging.gateways import get_gateway
from ungeforlob.messaging.models import DevGatewayMessage, MessageStatus, OutboundMessage
from ungeforlob.messaging.outbox import _finish, backoff_seconds, claim, process_batch
from ungeforlob.messaging.services import consent_withdraw, receipt_apply, sms_enqueue
from ungeforlob.testing import Personas


def _at(hour: int, minute: int = 0, days: int = 1) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LOCAL_TZ)


def _send(p: Personas, body: str = "Hej Josefine", **kw: Any) -> OutboundMessage:
    kw.setdefault("kind", "conversation")
    return sms_enqueue(youth=p.youth, body=body, actor=p.contact_person, **kw)


def test_it_sends_a_due_message_through_the_development_gateway_and_its_file(consented: Personas,
                                                                              settings: Any) -> None:
    msg = _send(consented, send_at=_at(12))
    report = process_batch(now=_at(12, 1))
    assert (report.claimed, report.sent) == (1, 1)
    msg.refresh_from_db()
    assert msg.status == MessageStatus.SENT
    assert msg.to_number == "+4520123456"
    assert msg.gateway == "development"
    phone = DevGatewayMessage.objects.get()
    assert (phone.body, phone.idempotency_key) == ("Hej Josefine", msg.idempotency_key)
    line = json.loads((settings.VAR_DIR / "sms-development.log").read_text().splitlines()[0])
    assert line["text"] == "Hej Josefine" and line["to"] == "+4520123456"


def test_it_does_not_send_before_the_time(consented: Personas) -> None:
    _send(consented, send_at=_at(12))
    assert process_batch(now=_at(11, 59)).claimed == 0


def test_a_claimed_row_is_not_claimed_again_while_its_lease_holds(consented: Personas) -> None:
    _send(consented, send_at=_at(12))
    token, rows = claim(now=_at(12), limit=10, lease_seconds=60)
    assert len(rows) == 1
    assert claim(now=_at(12, 0), limit=10, lease_seconds=60) == ("", [])
    assert claim(now=_at(12, 0) + datetime.timedelta(seconds=59), limit=10, lease_seconds=60) == ("", [])


def test_an_expired_claim_is_taken_over_and_the_old_worker_cannot_write(consented: Personas) -> None:
    _send(consented, send_at=_at(12))
    old_token, rows = claim(now=_at(12), limit=10, lease_seconds=60)
    new_token, again = claim(now=_at(12, 2), limit=10, lease_seconds=60)
    assert [r.pk for r in again] == [r.pk for r in rows] and new_token != old_token
    assert again[0].attempts == 2
    assert _finish(rows[0], old_token, status=MessageStatus.SENT) == 0
    assert _finish(again[0], new_token, status=MessageStatus.SENT) == 1


def test_the_development_gateway_delivers_a_key_only_once(consented: Personas) -> None:
    msg = _send(consented, send_at=_at(12))
    process_batch(now=_at(12))
    OutboundMessage.objects.filter(pk=msg.pk).update(status=MessageStatus.QUEUED)  # as if the write was lost
    process_batch(now=_at(12, 1))
    assert DevGatewayMessage.objects.count() == 1


def test_the_http_gateway_posts_token_sender_number_and_key(consented: Personas, fake_gateway: FakeGateway) -> None:
    msg = _send(consented, send_at=_at(12))
    assert process_batch(now=_at(12)).sent == 1
    [delivery] = fake_gateway.delivered
    assert (delivery.to, delivery.sender, delivery.text, delivery.key) == (
        "4520123456", "UngeTest", "Hej Josefine", msg.idempotency_key)
    msg.refresh_from_db()
    assert msg.gateway == "http" and msg.gateway_message_id == str(delivery.id)


def test_a_gateway_answering_500_is_retried_with_backoff(consented: Personas, fake_gateway: FakeGateway) -> None:
    msg = _send(consented, send_at=_at(12))
    fake_gateway.state.fail_next = 1
    assert process_batch(now=_at(12)).retried == 1
    msg.refresh_from_db()
    assert msg.status == MessageStatus.QUEUED and msg.last_error == "HTTP 500"
    assert msg.due_at == _at(12) + datetime.timedelta(seconds=backoff_seconds(1))
    assert process_batch(now=_at(12, 0) + datetime.timedelta(seconds=10)).claimed == 0
    assert process_batch(now=_at(12, 1)).sent == 1
    assert len(fake_gateway.delivered) == 1


def test_a_gateway_that_times_out_is_retried(consented: Personas, fake_gateway: FakeGateway) -> None:
    msg = _send(consented, send_at=_at(12))
    fake_gateway.state.stall_seconds = 1.0
    assert process_batch(now=_at(12)).retried == 1
    msg.refresh_from_db()
    assert msg.last_error == "timeout"
    fake_gateway.state.stall_seconds = 0
    assert process_batch(now=_at(12, 5)).sent == 1


def test_a_message_accepted_before_a_timeout_is_not_delivered_twice(consented: Personas,
                                                                    fake_gateway: FakeGateway) -> None:
    _send(consented, send_at=_at(12))
    fake_gateway.state.stall_after_accept_seconds = 1.0
    assert process_batch(now=_at(12)).retried == 1
    fake_gateway.state.stall_after_accept_seconds = 0
    assert process_batch(now=_at(12, 5)).sent == 1
    assert len(fake_gateway.delivered) == 1
    assert fake_gateway.state.duplicates == 1


def test_after_the_last_retry_it_is_marked_failed(consented: Personas, fake_gateway: FakeGateway,
                                                  settings: Any) -> None:
    settings.SMS_MAX_ATTEMPTS = 3
    msg = _send(consented, send_at=_at(12))
    fake_gateway.state.fail_next = 10
    moment = _at(12)
    for _ in range(3):
        process_batch(now=moment)
        moment += datetime.timedelta(hours=1)
    msg.refresh_from_db()
    assert msg.status == MessageStatus.FAILED and msg.attempts == 3
    assert "efter 3 forsøg" in msg.status_reason
    assert fake_gateway.delivered == []


def test_a_refused_request_fails_at_once(consented: Personas, fake_gateway: FakeGateway, settings: Any) -> None:
    settings.SMS_HTTP_TOKEN = "wrong"
    msg = _send(consented, send_at=_at(12))
    assert process_batch(now=_at(12)).failed == 1
    msg.refresh_from_db()
    assert msg.status == MessageStatus.FAILED and msg.attempts == 1 and "HTTP 401" in msg.status_reason


def test_without_consent_nothing_is_sent(p: Personas, fake_gateway: FakeGateway) -> None:
    msg = _send(p, send_at=_at(12))
    assert process_batch(now=_at(12)).cancelled == 1
    msg.refresh_from_db()
    assert msg.status == MessageStatus.CANCELLED and "samtykke" in msg.status_reason
    assert fake_gateway.delivered == []


def test_withdrawn_consent_cancels_what_is_queued(consented: Personas) -> None:
    msg = _send(consented, send_at=_at(12))
    consent_withdraw(actor=consented.contact_person, youth=consented.youth)
    msg.refresh_from_db()
    assert msg.status == MessageStatus.CANCELLED
    assert process_batch(now=_at(12)).claimed == 0


def test_withdrawing_twice_keeps_the_first_moment_and_writes_one_audit_row(consented: Personas) -> None:
    from ungeforlob.audit.models import AuditEvent
    from ungeforlob.messaging.models import ConsentWithdrawal, SmsConsent

    rows_before = AuditEvent.objects.filter(youth_id=consented.youth.pk).count()
    first = consent_withdraw(actor=consented.contact_person, youth=consented.youth)
    again = consent_withdraw(actor=None, youth=consented.youth, via=ConsentWithdrawal.STOP)
    stored = SmsConsent.objects.get(youth=consented.youth)
    assert again.withdrawn_at == first.withdrawn_at == stored.withdrawn_at
    assert stored.withdrawn_via == ConsentWithdrawal.STAFF
    assert AuditEvent.objects.filter(youth_id=consented.youth.pk).count() == rows_before + 1


def test_a_login_code_she_asked_for_is_not_cancelled_by_a_stop(consented: Personas) -> None:
    from ungeforlob.messaging.models import ConsentWithdrawal

    code = sms_enqueue(youth=consented.youth, body="Din kode er 123456", kind="login_code")
    talk = _send(consented, send_at=_at(12))
    consent_withdraw(actor=None, youth=consented.youth, via=ConsentWithdrawal.STOP)
    code.refresh_from_db()
    talk.refresh_from_db()
    assert code.status == MessageStatus.QUEUED
    assert talk.status == MessageStatus.CANCELLED


def test_quiet_hours_hold_everything_but_an_agreed_wake_up(consented: Personas) -> None:
    late = _send(consented, send_at=_at(21, 50))
    wake = _send(consented, body="Godmorgen", kind="wakeup", send_at=_at(6, 30, days=2))
    report = process_batch(now=_at(23, 0))
    assert report.claimed == 0
    report = process_batch(now=_at(6, 31, days=2))
    assert report.ids == [wake.pk]
    assert process_batch(now=_at(7, 0, days=2)).ids == [late.pk]


def test_a_wake_up_that_is_hours_late_is_dropped(consented: Personas) -> None:
    wake = _send(consented, body="Godmorgen", kind="wakeup", send_at=_at(6, 30))
    assert process_batch(now=_at(10, 0)).cancelled == 1
    wake.refresh_from_db()
    assert wake.status == MessageStatus.CANCELLED and DevGatewayMessage.objects.count() == 0


def test_delivery_receipts_update_the_status(consented: Personas) -> None:
    ok = _send(consented, send_at=_at(12))
    bad = _send(consented, body="Hej igen", send_at=_at(12))
    process_batch(now=_at(12))
    ok.refresh_from_db()
    assert receipt_apply(status="DELIVERED", gateway_message_id=ok.gateway_message_id).status == MessageStatus.DELIVERED
    failed = receipt_apply(status="UNDELIVERED", idempotency_key=bad.idempotency_key)
    assert failed.status == MessageStatus.FAILED and "levere" in failed.status_reason
    assert receipt_apply(status="DELIVERED", gateway_message_id="nope") is None


def test_the_configured_gateway_is_the_development_one_by_default() -> None:
    assert get_gateway().name == "development"
