"""The worker: signed POSTs a receiver can verify, retries with back-off, failure after the last attempt, leases."""

from __future__ import annotations

import datetime
import time
from typing import Any

import pytest
from django.utils import timezone

from ungeforlob.testing import Personas
from ungeforlob.webhooks import outbox, signing
from ungeforlob.webhooks.models import Delivery, DeliveryStatus, EventType
from ungeforlob.webhooks.services import event_emit
from ungeforlob.webhooks.tests.factories import api_client, subscription
from ungeforlob.webhooks.tests.receiver import Receiver

pytestmark = pytest.mark.django_db
SECRET = "whsec_receiver-knows-this"


@pytest.fixture(autouse=True)
def _loopback_receivers(settings: Any) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True


def _emit(p: Personas, n: int = 1) -> None:
    for i in range(n):
        event_emit(event_type=EventType.CONCERN_RAISED, municipality_id=p.municipality.pk, youth=p.youth,
                   data={"concern_id": i})


def test_a_delivery_is_signed_over_timestamp_and_body_and_the_receiver_verifies_it(p: Personas) -> None:
    with Receiver(secret=SECRET) as receiver:
        sub = subscription(p, url=receiver.url, secret=SECRET, events=(EventType.CONCERN_RAISED,))
        _emit(p)
        report = outbox.process_batch()

    assert report.delivered == 1
    got = receiver.requests[0]
    assert got.signed
    row = Delivery.objects.get()
    assert row.status == DeliveryStatus.DELIVERED and row.delivered_at is not None and row.last_status_code == 200
    assert got.key == row.dedup_key == f"{row.event_id}:{sub.pk}"
    assert got.headers["X-Ungeforlob-Event-Id"] == str(row.event_id)
    assert got.body["type"] == "concern.raised" and got.body["data"]["youth_id"] == p.youth.pk
    header = got.headers[signing.SIGNATURE_HEADER]
    assert header.startswith("t=") and ",v1=" in header


def test_a_receiver_with_another_secret_refuses_it_and_the_worker_retries(p: Personas) -> None:
    with Receiver(secret="whsec_not-the-one") as receiver:
        subscription(p, url=receiver.url, secret=SECRET, events=(EventType.CONCERN_RAISED,))
        _emit(p)
        outbox.process_batch()

    assert not receiver.requests[0].signed and not receiver.accepted
    row = Delivery.objects.get()
    assert row.status == DeliveryStatus.QUEUED and row.last_status_code == 401 and row.attempts == 1


def test_signature_verification_refuses_a_changed_body_and_an_old_timestamp() -> None:
    now = int(time.time())
    header = signing.signature_header(SECRET, now, b'{"a":1}')
    assert signing.signature_verify(SECRET, header, b'{"a":1}', now=now)
    assert not signing.signature_verify(SECRET, header, b'{"a":2}', now=now)
    assert not signing.signature_verify(SECRET, header, b'{"a":1}', now=now + 3600)
    assert not signing.signature_verify(SECRET, "garbage", b'{"a":1}', now=now)


def test_the_back_off_doubles_from_thirty_seconds_up_to_an_hour() -> None:
    assert [outbox.backoff_seconds(n) for n in range(1, 10)] == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_a_failing_receiver_is_retried_with_back_off_then_the_delivery_fails_visibly(p: Personas,
                                                                                      settings: Any) -> None:
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    with Receiver(secret=SECRET, status=500) as receiver:
        subscription(p, url=receiver.url, secret=SECRET, events=(EventType.CONCERN_RAISED,))
        _emit(p)
        before = timezone.now()
        outbox.process_batch()
        row = Delivery.objects.get()
        assert row.status == DeliveryStatus.QUEUED and row.last_error == "HTTP 500"
        assert 29 <= (row.due_at - before).total_seconds() <= 35
        assert outbox.process_batch().claimed == 0, "not due again before its back-off"
        later = row.due_at + datetime.timedelta(seconds=1)
        outbox.process_batch(now=later)
        row.refresh_from_db()
        assert row.status == DeliveryStatus.QUEUED
        assert 59 <= (row.due_at - later).total_seconds() <= 70
        outbox.process_batch(now=row.due_at + datetime.timedelta(seconds=1))

    row.refresh_from_db()
    assert row.status == DeliveryStatus.FAILED and row.attempts == 3 and row.failed_at is not None
    assert len(receiver.requests) == 3


def test_an_unreachable_receiver_is_a_retry_not_a_crash(p: Personas) -> None:
    subscription(p, url="http://127.0.0.1:9/hooks", events=(EventType.CONCERN_RAISED,))
    _emit(p)
    report = outbox.process_batch()
    assert report.retried == 1
    assert Delivery.objects.get().last_error == "ConnectionError"


def test_a_claim_whose_worker_died_is_claimed_again_after_its_lease(p: Personas) -> None:
    subscription(p, events=(EventType.CONCERN_RAISED,))
    _emit(p, 3)
    now = timezone.now()
    token, rows = outbox.claim(now=now, limit=10, lease=60)
    assert len(rows) == 3
    assert outbox.claim(now=now + datetime.timedelta(seconds=30), limit=10, lease=60)[1] == []
    again_token, again = outbox.claim(now=now + datetime.timedelta(seconds=61), limit=10, lease=60)
    assert {r.pk for r in again} == {r.pk for r in rows} and again_token != token
    # The dead worker's late answer no longer counts: it does not hold the claim.
    assert outbox._finish(rows[0], token, status=DeliveryStatus.DELIVERED) == 0


def test_a_private_address_is_refused_outside_development(p: Personas, settings: Any) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    subscription(p, url="http://127.0.0.1:9/hooks", events=(EventType.CONCERN_RAISED,))
    _emit(p)
    outbox.process_batch()
    assert "internt netværk" in Delivery.objects.get().last_error


def test_the_job_sends_what_is_due(p: Personas) -> None:
    with Receiver(secret=SECRET) as receiver:
        subscription(p, client=api_client(p, name="Job"), url=receiver.url, secret=SECRET,
                     events=(EventType.CONCERN_RAISED,))
        _emit(p, 25)
        assert outbox.deliveries_send(limit=100) == 25
    assert len(receiver.accepted) == 25
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}
