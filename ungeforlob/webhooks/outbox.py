"""The webhook worker: claim due deliveries, POST them signed, record what the receiver answered.

The same pattern as the SMS outbox (`ungeforlob.messaging.outbox`). Claiming is a conditional UPDATE of rows that
are queued and due, or `sending` with a lease that has run out; on PostgreSQL the candidates are first locked with
`SELECT … FOR UPDATE SKIP LOCKED`, so concurrent workers take different rows instead of queuing behind each other.
The POST happens outside any transaction; the result is written back only while the worker still holds its claim.
A worker killed between the POST and that write leaves the lease to run out: the row is claimed again and re-sent
with the same `Idempotency-Key`, which the receiver deduplicates. Nothing is lost; nothing is accepted twice.
"""

from __future__ import annotations

import datetime
import json
import logging
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests
from django.conf import settings
from django.db import OperationalError, close_old_connections, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from ungeforlob.webhooks import signing
from ungeforlob.webhooks.models import Delivery, DeliveryStatus

log = logging.getLogger(__name__)


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


def max_attempts() -> int:
    return int(_setting("WEBHOOK_MAX_ATTEMPTS", 8))


def lease_seconds() -> int:
    return int(_setting("WEBHOOK_LEASE_SECONDS", 120))


def backoff_seconds(attempts: int) -> int:
    """After the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … capped at an hour (WEBHOOK_RETRY_BASE_SECONDS,
    WEBHOOK_RETRY_MAX_SECONDS)."""
    base, cap = _setting("WEBHOOK_RETRY_BASE_SECONDS", 30), _setting("WEBHOOK_RETRY_MAX_SECONDS", 3600)
    return int(min(base * (2 ** max(attempts - 1, 0)), cap))


@dataclass
class BatchReport:
    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    ids: list[int] = field(default_factory=list)


def _due(now: datetime.datetime) -> Q:
    return (Q(status=DeliveryStatus.QUEUED, due_at__lte=now)
            | Q(status=DeliveryStatus.SENDING, lease_until__lt=now))


def claim(*, now: datetime.datetime, limit: int, lease: int) -> tuple[str, list[Delivery]]:
    """Take up to `limit` due deliveries for this worker. Returns the claim token and the claimed rows."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        candidates = Delivery.objects.filter(_due(now)).order_by("due_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("id", flat=True)[:limit])
        if not ids:
            return "", []
        Delivery.objects.filter(_due(now), pk__in=ids).update(
            status=DeliveryStatus.SENDING, claim_token=token, lease_until=now + datetime.timedelta(seconds=lease),
            attempts=F("attempts") + 1)
    rows = list(Delivery.objects.filter(claim_token=token, status=DeliveryStatus.SENDING)
                .select_related("subscription").order_by("due_at", "id"))
    return token, rows


@dataclass(frozen=True)
class Answer:
    ok: bool
    status_code: int | None = None
    error: str = ""


def body_of(delivery: Delivery) -> bytes:
    return json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def post(delivery: Delivery, *, now: int) -> Answer:
    """POST one delivery, signed. Any exception becomes a retryable answer (a receiver's bug must not stop the
    worker)."""
    from ungeforlob.webhooks.services import target_url_problem

    subscription = delivery.subscription
    problem = target_url_problem(subscription.target_url)
    if problem:
        return Answer(ok=False, error=problem)
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Ungeforlob-Webhooks/1",
        signing.SIGNATURE_HEADER: signing.signature_header(signing.secret_decrypt(subscription.secret_encrypted),
                                                           now, body),
        "Idempotency-Key": delivery.dedup_key,
        "X-Ungeforlob-Event": delivery.event_type,
        "X-Ungeforlob-Event-Id": str(delivery.event_id),
    }
    timeout = _setting("WEBHOOK_TIMEOUT_SECONDS", 10)
    try:
        response = requests.post(subscription.target_url, data=body, headers=headers, timeout=(3.05, timeout),
                                 allow_redirects=False)
    except requests.RequestException as exc:
        return Answer(ok=False, error=exc.__class__.__name__)
    except Exception as exc:  # noqa: BLE001 - see the docstring
        log.exception("Webhook delivery %s raised", delivery.pk)
        return Answer(ok=False, error=exc.__class__.__name__)
    if 200 <= response.status_code < 300:
        return Answer(ok=True, status_code=response.status_code)
    return Answer(ok=False, status_code=response.status_code, error=f"HTTP {response.status_code}")


def _finish(row: Delivery, token: str, **fields: Any) -> int:
    return Delivery.objects.filter(pk=row.pk, claim_token=token, status=DeliveryStatus.SENDING).update(
        lease_until=None, **fields)


def _record(row: Delivery, token: str, answer: Answer, now: datetime.datetime, report: BatchReport) -> None:
    if answer.ok:
        _finish(row, token, status=DeliveryStatus.DELIVERED, delivered_at=now, last_status_code=answer.status_code,
                last_error="")
        report.delivered += 1
    elif row.attempts < max_attempts():
        _finish(row, token, status=DeliveryStatus.QUEUED, last_status_code=answer.status_code,
                last_error=answer.error[:300], due_at=now + datetime.timedelta(seconds=backoff_seconds(row.attempts)))
        report.retried += 1
    else:
        _finish(row, token, status=DeliveryStatus.FAILED, failed_at=now, last_status_code=answer.status_code,
                last_error=answer.error[:300])
        report.failed += 1


def process_batch(*, limit: int = 20, lease: int | None = None, now: datetime.datetime | None = None) -> BatchReport:
    """Claim one batch of due deliveries and send it. Returns what happened."""
    fixed_now = now
    now = now or timezone.now()
    token, rows = claim(now=now, limit=limit, lease=lease or lease_seconds())
    report = BatchReport(claimed=len(rows), ids=[r.pk for r in rows])
    for row in rows:
        answer = post(row, now=int(timezone.now().timestamp()))
        # Each answer is written at once: a worker killed mid-batch loses only the claims it had not answered.
        _record(row, token, answer, fixed_now or timezone.now(), report)
    return report


def deliveries_send(*, limit: int = 100) -> int:
    """The JOBS entry: send what is due now, a batch at a time, up to `limit` deliveries per turn."""
    sent = 0
    while sent < limit:
        report = process_batch(limit=min(20, limit - sent))
        if not report.claimed:
            break
        sent += report.claimed
    return sent


class WebhookWorker:
    """The loop `manage.py webhook_worker` runs: batches, idle sleeps, a clean stop on SIGTERM."""

    def __init__(self, *, batch_size: int = 20, idle_seconds: float = 1.0, lease: int | None = None) -> None:
        self.batch_size = batch_size
        self.idle_seconds = idle_seconds
        self.lease = lease or lease_seconds()
        self.stopping = threading.Event()

    def stop(self) -> None:
        self.stopping.set()

    def run(self, *, until_empty: bool = False) -> None:
        while not self.stopping.is_set():
            close_old_connections()
            try:
                report = process_batch(limit=self.batch_size, lease=self.lease)
            except OperationalError:
                log.warning("Webhook batch hit a database error; retrying", exc_info=True)
                self.stopping.wait(self.idle_seconds)
                continue
            if report.claimed:
                log.info("Webhooks: claimed=%s delivered=%s retried=%s failed=%s", report.claimed,
                         report.delivered, report.retried, report.failed)
                continue
            if until_empty and not Delivery.objects.filter(
                    status__in=[DeliveryStatus.QUEUED, DeliveryStatus.SENDING], due_at__lte=timezone.now()).exists():
                return
            self.stopping.wait(self.idle_seconds)
