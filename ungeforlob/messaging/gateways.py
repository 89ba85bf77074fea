"""Where an SMS actually goes: the development gateway (a page and a file) or a provider's REST API.

Every call carries the message's idempotency key. A gateway must treat a second call with the same key as
the same message (the development gateway and the fake test gateway do; the HTTP adapter sends the key as
the provider's reference and as an `Idempotency-Key` header), which is what makes re-sending after a crash
safe.

The provider reports back by POSTing to the app: delivery receipts to `/sms/kvittering/` and young people's
replies to `/sms/indgaaende/`. Configure it to send `SMS_INBOUND_TOKEN` in a header —
`Authorization: Bearer <token>` (or `X-Inbound-Token: <token>`) — never in the URL: a token in the query
string lands in access logs, so the app refuses such a request and records nothing.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ungeforlob.messaging import conf

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    ok: bool
    gateway_message_id: str = ""
    error: str = ""
    # False for answers that will not change on a retry (e.g. an invalid number): fail at once.
    retryable: bool = True


@dataclass(frozen=True)
class OutgoingSms:
    to: str
    body: str
    sender: str
    idempotency_key: str


class Gateway(Protocol):
    name: str
    # Whether `send` may be called from several threads at once (it must not touch the database then).
    thread_safe: bool

    def send(self, sms: OutgoingSms) -> SendResult: ...


class DevelopmentGateway:
    """Delivers to a table shown on the development page and appends a line to var/sms-development.log."""

    name = "development"
    thread_safe = False

    def send(self, sms: OutgoingSms) -> SendResult:
        from ungeforlob.messaging.models import DevGatewayMessage

        try:
            with transaction.atomic():
                row = DevGatewayMessage.objects.create(
                    idempotency_key=sms.idempotency_key, to_number=sms.to, sender=sms.sender, body=sms.body
                )
        except IntegrityError:
            # The same key again: the phone already has it. Answer as the first time, deliver nothing.
            row = DevGatewayMessage.objects.get(idempotency_key=sms.idempotency_key)
            return SendResult(ok=True, gateway_message_id=f"dev-{row.pk}")
        self._append_to_file(row.pk, sms)
        return SendResult(ok=True, gateway_message_id=f"dev-{row.pk}")

    @staticmethod
    def _append_to_file(pk: int, sms: OutgoingSms) -> None:
        line = json.dumps({"id": f"dev-{pk}", "time": timezone.now().isoformat(), "to": sms.to, "from": sms.sender,
                           "key": sms.idempotency_key, "text": sms.body}, ensure_ascii=False)
        path = dev_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def dev_log_path() -> Path:
    return Path(settings.VAR_DIR) / "sms-development.log"


class HttpGateway:
    """A Danish provider's REST API in the GatewayAPI style.

    POST `SMS_HTTP_URL` with `Authorization: Token <SMS_HTTP_TOKEN>` and JSON
    `{"sender", "message", "recipients": [{"msisdn": 45xxxxxxxx}], "userref": <idempotency key>}`; a 2xx
    answer carries `{"ids": [<provider id>]}`. 5xx, 408, 429, timeouts and connection errors are retried;
    other 4xx answers are final.
    """

    name = "http"
    thread_safe = True

    def __init__(self, *, url: str, token: str, sender: str, timeout: float) -> None:
        if urlsplit(url).scheme not in {"http", "https"}:
            raise ValueError("SMS_HTTP_URL must be an http(s) URL")
        self.url = url
        self.token = token
        self.sender = sender
        self.timeout = timeout

    def send(self, sms: OutgoingSms) -> SendResult:
        payload = {
            "sender": sms.sender or self.sender,
            "message": sms.body,
            "recipients": [{"msisdn": int(sms.to.lstrip("+"))}],
            "userref": sms.idempotency_key,
        }
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__
            self.url,
            data=json.dumps(payload).encode(),
            method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json",
                     "Authorization": f"Token {self.token}", "Idempotency-Key": sms.idempotency_key},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read(64_000)
        except urllib.error.HTTPError as exc:
            status = exc.code
            retryable = status >= 500 or status in {408, 425, 429}
            return SendResult(ok=False, error=f"HTTP {status}", retryable=retryable)
        except TimeoutError:
            return SendResult(ok=False, error="timeout")
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                return SendResult(ok=False, error="timeout")
            return SendResult(ok=False, error=f"connection: {reason.__class__.__name__}")
        try:
            ids = json.loads(raw or b"{}").get("ids") or []
        except (ValueError, AttributeError):
            ids = []
        return SendResult(ok=True, gateway_message_id=str(ids[0]) if ids else "")


def get_gateway(name: str | None = None) -> Gateway:
    """The gateway configured by SMS_GATEWAY ("development" or "http")."""
    name = name or conf.gateway_name()
    if name == "http":
        return HttpGateway(
            url=str(getattr(settings, "SMS_HTTP_URL", "")),
            token=str(getattr(settings, "SMS_HTTP_TOKEN", "")),
            sender=conf.sender_name(),
            timeout=conf.http_timeout_seconds(),
        )
    if name == "development":
        return DevelopmentGateway()
    raise ValueError(f"Unknown SMS_GATEWAY: {name!r}")
