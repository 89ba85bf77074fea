"""The outbox worker: claim due messages, send them through the gateway, record what happened.

Claiming is one conditional UPDATE (`status='queued' AND due_at<=now`, or a `sending` row whose lease has
run out): two workers can never take the same row, because the second UPDATE no longer matches it. The
worker then calls the gateway *outside* any transaction and writes each result back only if it still holds
the claim (its token). If it dies between the gateway's answer and that write, the row's lease runs out, a
worker claims it again and re-sends it with the same idempotency key, which the gateway deduplicates: a
crash or restart never loses a message and never sends one twice.
"""

from __future__ import annotations

import datetime
import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.db import OperationalError, close_old_connections, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.core.validators import validate_danish_phone
from ungeforlob.messaging import conf
from ungeforlob.messaging.gateways import Gateway, OutgoingSms, SendResult, get_gateway
from ungeforlob.messaging.models import MessageKind, MessageStatus, OutboundMessage
from ungeforlob.messaging.rules import is_quiet, quiet_shift

log = logging.getLogger(__name__)


@dataclass
class BatchReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0
    ids: list[int] = field(default_factory=list)

LOGIN_CODE_SENT_BODY = "[login-kode sendt – teksten er slettet]"


def backoff_seconds(attempts: int) -> int:
    """30 s, 1 min, 2 min, 4 min … capped (SMS_RETRY_BASE_SECONDS, SMS_RETRY_MAX_SECONDS)."""
    return int(min(conf.retry_base_seconds() * (2 ** max(attempts - 1, 0)), conf.retry_max_seconds()))


def _due(now: datetime.datetime) -> Q:
    return Q(status=MessageStatus.QUEUED, due_at__lte=now) | Q(status=MessageStatus.SENDING, lease_until__lt=now)


def _claimable(now: datetime.datetime) -> QuerySet[OutboundMessage]:
    candidates = OutboundMessage.objects.filter(_due(now))
    if is_quiet(now):
        # Quiet hours: only agreed wake-ups and login codes the youth just asked for go; the rest waits.
        candidates = candidates.filter(kind__in=[MessageKind.WAKEUP, MessageKind.LOGIN_CODE])
    return candidates


def work_left(*, now: datetime.datetime) -> bool:
    """Is there anything to send now: a message a worker may claim now, or one in flight under a claim (which
    is sent, or claimed again when its lease runs out)? Messages queued for later, or held by quiet hours, are
    not work left now."""
    return (_claimable(now).exists()
            or OutboundMessage.objects.filter(status=MessageStatus.SENDING).exists())


def claim(*, now: datetime.datetime, limit: int, lease_seconds: int) -> tuple[str, list[OutboundMessage]]:
    """Take up to `limit` due messages for this worker. Returns the claim token and the claimed rows."""
    due = _due(now)
    candidates = _claimable(now)
    ids = list(candidates.order_by("due_at", "id").values_list("id", flat=True)[:limit])
    if not ids:
        return "", []
    token = uuid.uuid4().hex
    OutboundMessage.objects.filter(due, pk__in=ids).update(
        status=MessageStatus.SENDING, claim_token=token, lease_until=now + datetime.timedelta(seconds=lease_seconds),
        attempts=F("attempts") + 1,
    )
    rows = list(
        OutboundMessage.objects.filter(claim_token=token, status=MessageStatus.SENDING)
        .select_related("youth__sms_consent", "guardian", "consent")
        .order_by("due_at", "id")
    )
    return token, rows


def recipient_number(row: OutboundMessage) -> str:
    """The guardian's number for a message to a guardian, else the young person's."""
    return row.guardian.phone if row.guardian_id else row.youth.mobile


def _guardian_preflight(row: OutboundMessage, now: datetime.datetime) -> str:
    """A message to a guardian needs no SMS consent of hers, but the consent it rests on (she is 18 or over)
    must still hold when it is sent, and the guardian needs a valid number."""
    if row.consent_id and not row.consent.is_valid_on(timezone.localdate(now)):
        return _("Ikke sendt: den unge har trukket sit samtykke tilbage, eller det er udløbet.")
    if not row.guardian.phone:
        return _("Ikke sendt: forælderen eller værgen har intet telefonnummer.")
    try:
        validate_danish_phone(row.guardian.phone)
    except Exception:  # noqa: BLE001 - any invalid number is a reason not to send
        return _("Ikke sendt: telefonnummeret er ikke et gyldigt dansk nummer.")
    return ""


def _preflight(row: OutboundMessage, now: datetime.datetime) -> str:
    """Why this message must not go now (a Danish reason), or "" when it may."""
    if row.guardian_id:
        return _guardian_preflight(row, now)
    if row.kind == MessageKind.WAKEUP and now - row.send_at > datetime.timedelta(minutes=conf.wakeup_grace_minutes()):
        return _("Vækningen kunne ikke sendes til tiden og blev droppet.")
    consent = getattr(row.youth, "sms_consent", None)
    if row.kind != MessageKind.LOGIN_CODE and (consent is None or not consent.is_active):
        return _("Ikke sendt: den unge har ikke (længere) givet samtykke til SMS.")
    if not row.youth.mobile:
        return _("Ikke sendt: den unge har intet mobilnummer.")
    try:
        validate_danish_phone(row.youth.mobile)
    except Exception:  # noqa: BLE001 - any invalid number is a reason not to send
        return _("Ikke sendt: mobilnummeret er ikke et gyldigt dansk nummer.")
    return ""


def _finish(row: OutboundMessage, token: str, **fields: object) -> int:
    return OutboundMessage.objects.filter(pk=row.pk, claim_token=token, status=MessageStatus.SENDING).update(
        lease_until=None, **fields
    )


def _record(row: OutboundMessage, token: str, result: SendResult, gateway: Gateway, to: str,
            now: datetime.datetime, report: BatchReport) -> None:
    if result.ok:
        sent_fields: dict[str, object] = {}
        if row.kind == MessageKind.LOGIN_CODE:
            sent_fields["body"] = LOGIN_CODE_SENT_BODY  # the code must not outlive its delivery
        done = _finish(row, token, status=MessageStatus.SENT, sent_at=now, gateway=gateway.name,
                       gateway_message_id=result.gateway_message_id[:100], to_number=to, last_error="",
                       status_reason="", **sent_fields)
        if not done:
            # A delivery receipt overtook us: keep its status, add what only the worker knows.
            OutboundMessage.objects.filter(pk=row.pk, claim_token=token).update(
                sent_at=now, gateway=gateway.name, gateway_message_id=result.gateway_message_id[:100], to_number=to
            )
        report.sent += 1
        return
    error = result.error[:300]
    if result.retryable and row.attempts < conf.max_attempts():
        due = now + datetime.timedelta(seconds=backoff_seconds(row.attempts))
        if row.kind != MessageKind.WAKEUP:
            due, _shifted = quiet_shift(due)
        _finish(row, token, status=MessageStatus.QUEUED, due_at=due, last_error=error, to_number=to,
                gateway=gateway.name)
        report.retried += 1
        return
    reason = (
        _("Kunne ikke sendes efter %(n)s forsøg. SMS-tjenesten svarede: %(error)s")
        % {"n": row.attempts, "error": error}
        if result.retryable
        else _("SMS-tjenesten afviste beskeden (%(error)s). Tjek mobilnummeret.") % {"error": error}
    )
    _finish(row, token, status=MessageStatus.FAILED, failed_at=now, last_error=error, status_reason=reason[:200],
            to_number=to, gateway=gateway.name)
    report.failed += 1


def process_batch(
    *,
    gateway: Gateway | None = None,
    now: datetime.datetime | None = None,
    limit: int = 50,
    lease_seconds: int | None = None,
    pool: ThreadPoolExecutor | None = None,
) -> BatchReport:
    """Claim one batch of due messages and send it. Returns what happened (for logs, tests and the bench)."""
    gateway = gateway or get_gateway()
    fixed_now = now
    now = now or timezone.now()
    token, rows = claim(now=now, limit=limit, lease_seconds=lease_seconds or conf.lease_seconds())
    report = BatchReport(claimed=len(rows), ids=[r.pk for r in rows])
    if not rows:
        return report
    sendable: list[tuple[OutboundMessage, OutgoingSms]] = []
    for row in rows:
        reason = _preflight(row, now)
        if reason:
            _finish(row, token, status=MessageStatus.CANCELLED, cancelled_at=now, status_reason=reason[:200])
            report.cancelled += 1
            continue
        to = validate_danish_phone(recipient_number(row))
        sendable.append((row, OutgoingSms(to=to, body=row.body, sender=conf.sender_name(),
                                          idempotency_key=row.idempotency_key)))
    send: Callable[[OutgoingSms], SendResult] = _safe_sender(gateway)
    if pool is not None and gateway.thread_safe and len(sendable) > 1:
        results = list(pool.map(send, [sms for _row, sms in sendable]))
    else:
        results = [send(sms) for _row, sms in sendable]
    answered = fixed_now or timezone.now()
    with transaction.atomic():
        for (row, sms), result in zip(sendable, results, strict=True):
            _record(row, token, result, gateway, sms.to, answered, report)
    return report


def _safe_sender(gateway: Gateway) -> Callable[[OutgoingSms], SendResult]:
    def send(sms: OutgoingSms) -> SendResult:
        try:
            return gateway.send(sms)
        except Exception as exc:  # noqa: BLE001 - a gateway bug must become a retry, not a dead worker
            log.exception("SMS gateway %s raised", gateway.name)
            return SendResult(ok=False, error=f"{exc.__class__.__name__}")

    return send


class OutboxWorker:
    """The loop `manage.py worker` and `manage.py sms_worker` run: batches, wake-up top-ups, idle sleeps."""

    def __init__(self, *, gateway: Gateway | None = None, batch_size: int = 50, idle_seconds: float = 1.0,
                 lease_seconds: int | None = None, concurrency: int = 8) -> None:
        self.gateway = gateway or get_gateway()
        self.batch_size = batch_size
        self.idle_seconds = idle_seconds
        self.lease_seconds = lease_seconds or conf.lease_seconds()
        self.concurrency = concurrency
        self.stopping = threading.Event()
        self._next_materialize = 0.0

    def stop(self) -> None:
        self.stopping.set()

    def pending_due(self) -> bool:
        return OutboundMessage.objects.filter(_due(timezone.now())).exists()

    def run(self, *, until_empty: bool = False) -> None:
        import time

        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="sms-send") as pool:
            while not self.stopping.is_set():
                close_old_connections()
                try:
                    if time.monotonic() >= self._next_materialize:
                        from ungeforlob.messaging.services import wakeup_materialize

                        wakeup_materialize(now=timezone.now())
                        self._next_materialize = time.monotonic() + 300
                    report = process_batch(gateway=self.gateway, limit=self.batch_size,
                                           lease_seconds=self.lease_seconds, pool=pool)
                except OperationalError:
                    # SQLite "database is locked" under contention: wait and try again; nothing is lost.
                    log.warning("Outbox batch hit a database error; retrying", exc_info=True)
                    self.stopping.wait(self.idle_seconds)
                    continue
                if report.claimed:
                    log.info("SMS outbox: claimed=%s sent=%s retried=%s failed=%s cancelled=%s", report.claimed,
                             report.sent, report.retried, report.failed, report.cancelled)
                    continue
                if until_empty and not work_left(now=timezone.now()):
                    return
                self.stopping.wait(self.idle_seconds)
