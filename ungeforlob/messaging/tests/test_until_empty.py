"""`sms_worker --until-empty` stops when nothing is due now: a message queued for later does not keep it running
(it did, forever), while a message in flight under another worker's claim does."""

from __future__ import annotations

import datetime
import threading
import time
from typing import Any

from django.utils import timezone

from ungeforlob.messaging.models import MessageStatus, OutboundMessage
from ungeforlob.messaging.outbox import OutboxWorker, work_left
from ungeforlob.messaging.services import sms_enqueue
from ungeforlob.testing import Personas


def _queue(p: Personas, *, send_at: datetime.datetime) -> OutboundMessage:
    return sms_enqueue(youth=p.youth, body="Husk mødet", kind="conversation", actor=p.contact_person,
                       send_at=send_at)


def test_a_message_queued_for_later_is_not_work_left_now(consented: Personas, settings: Any) -> None:
    settings.SMS_QUIET_HOURS_ENABLED = False
    now = timezone.now()
    msg = _queue(consented, send_at=now + datetime.timedelta(days=2))
    assert work_left(now=now) is False
    assert work_left(now=msg.due_at) is True


def test_a_message_in_flight_under_a_claim_is_work_left(consented: Personas, settings: Any) -> None:
    settings.SMS_QUIET_HOURS_ENABLED = False
    now = timezone.now()
    msg = _queue(consented, send_at=now + datetime.timedelta(days=2))
    OutboundMessage.objects.filter(pk=msg.pk).update(status=MessageStatus.SENDING,
                                                     lease_until=now + datetime.timedelta(minutes=1))
    assert work_left(now=now) is True  # its lease runs out and it is claimed again, so wait for it


def test_until_empty_returns_while_a_message_waits_for_a_later_time(transactional_db: None, consented: Personas,
                                                                   settings: Any) -> None:
    """Transactional: the loop closes stale connections between batches, as it does in the worker, which
    would close a test's wrapping transaction on PostgreSQL."""
    settings.SMS_QUIET_HOURS_ENABLED = False
    msg = _queue(consented, send_at=timezone.now() + datetime.timedelta(days=2))
    worker = OutboxWorker(idle_seconds=0.01)
    guard = threading.Timer(10, worker.stop)  # the old behaviour never returned: stop it rather than hang
    guard.start()
    started = time.monotonic()
    try:
        worker.run(until_empty=True)
    finally:
        guard.cancel()
    assert time.monotonic() - started < 5 and not worker.stopping.is_set()
    msg.refresh_from_db()
    assert msg.status == MessageStatus.QUEUED  # still there, for its time
