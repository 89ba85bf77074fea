"""A small fake SMS provider on 127.0.0.1 for tests and the benchmark (standard library only).

It speaks the same REST dialect as `gateways.HttpGateway` (GatewayAPI style), checks the token, and
deduplicates on the idempotency key (`userref`, or the `Idempotency-Key` header): a second request with a
known key is answered with the first id and delivers nothing. It can be told to fail: answer 500 for the
next N requests, stall before answering (a timeout), or stall *after* accepting (the message is delivered
but the answer comes late — the moment a crashing worker would lose track of it).

In a test: `with FakeGateway(token="t") as gw: ... gw.url ... gw.delivered`. As a process (the bench):
`python -m ungeforlob.messaging.fake_gateway --token t` prints `PORT <n>`; GET /_state returns the counters
and POST /_control changes the failure modes.

It also calls back as a provider does: `gw.report(app_url, token, delivery)` posts a delivery receipt to the
app's `/sms/kvittering/`, `gw.reply(app_url, token, msisdn=..., text=...)` a young person's answer to
`/sms/indgaaende/`. The token goes in the `Authorization: Bearer` header, never in the URL (the app refuses
a token in the query string: it would be written to every access log on the way).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Delivery:
    id: int
    key: str
    to: str
    sender: str
    text: str


@dataclass
class GatewayState:
    token: str
    deliveries: list[Delivery] = field(default_factory=list)
    by_key: dict[str, Delivery] = field(default_factory=dict)
    requests: int = 0
    duplicates: int = 0
    fail_next: int = 0
    stall_seconds: float = 0.0
    stall_after_accept_seconds: float = 0.0
    latency_seconds: float = 0.0
    stalled_now: int = 0  # accepted, and holding back the answer right now
    lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            counts: dict[str, int] = {}
            for d in self.deliveries:
                counts[d.key] = counts.get(d.key, 0) + 1
            return {"requests": self.requests, "duplicates": self.duplicates, "delivered": len(self.deliveries),
                    "unique_keys": len(counts), "max_per_key": max(counts.values(), default=0),
                    "stalled_now": self.stalled_now}


def _handler(state: GatewayState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            return

        def _json(self, status: int, payload: dict[str, Any]) -> None:
            raw = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def _body(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            try:
                return json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                return {}

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self.path == "/_state":
                self._json(200, state.snapshot())
            else:
                self._json(404, {"error": "not found"})

        def do_POST(self) -> None:  # noqa: N802
            payload = self._body()
            if self.path == "/_control":
                with state.lock:
                    for name in ("fail_next", "stall_seconds", "stall_after_accept_seconds", "latency_seconds"):
                        if name in payload:
                            setattr(state, name, type(getattr(state, name))(payload[name]))
                self._json(200, {"ok": True})
                return
            if self.path != "/rest/mtsms":
                self._json(404, {"error": "not found"})
                return
            if self.headers.get("Authorization") != f"Token {state.token}":
                self._json(401, {"error": "unauthorized"})
                return
            key = str(payload.get("userref") or self.headers.get("Idempotency-Key") or "")
            recipients = payload.get("recipients") or []
            if not key or not recipients or not payload.get("message"):
                self._json(400, {"error": "missing userref, recipients or message"})
                return
            with state.lock:
                state.requests += 1
                if state.fail_next > 0:
                    state.fail_next -= 1
                    fail = True
                else:
                    fail = False
                stall, stall_after, latency = (state.stall_seconds, state.stall_after_accept_seconds,
                                               state.latency_seconds)
            if fail:
                self._json(500, {"error": "internal error"})
                return
            if stall:
                time.sleep(stall)
            if latency:
                time.sleep(latency)
            with state.lock:
                known = state.by_key.get(key)
                if known is not None:
                    state.duplicates += 1
                    delivery = known
                else:
                    delivery = Delivery(id=100000 + len(state.deliveries), key=key,
                                        to=str(recipients[0].get("msisdn")), sender=str(payload.get("sender", "")),
                                        text=str(payload["message"]))
                    state.deliveries.append(delivery)
                    state.by_key[key] = delivery
            if stall_after:
                with state.lock:
                    state.stalled_now += 1
                try:
                    time.sleep(stall_after)
                finally:
                    with state.lock:
                        state.stalled_now -= 1
            self._json(200, {"ids": [delivery.id]})

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (a timed-out or killed worker) is part of the game, not an error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class FakeGateway:
    """The fake provider in a background thread of the current process."""

    def __init__(self, *, token: str = "test-token", port: int = 0) -> None:  # noqa: S107 - a fake
        self.state = GatewayState(token=token)
        self.server = _Server(("127.0.0.1", port), _handler(self.state))
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-sms-gateway", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/rest/mtsms"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def delivered(self) -> list[Delivery]:
        with self.state.lock:
            return list(self.state.deliveries)

    def __enter__(self) -> FakeGateway:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- calling the app back, as the provider does ---------------------------------------------------------

    def report(self, app_url: str, token: str, delivery: Delivery, *, status: str = "DELIVERED") -> int:
        """Post a delivery receipt for `delivery` to the app's receipt webhook. Returns the HTTP status."""
        return _post(f"{app_url.rstrip('/')}/sms/kvittering/", token,
                     {"id": str(delivery.id), "status": status, "userref": delivery.key})

    def reply(self, app_url: str, token: str, *, msisdn: str, text: str, message_id: str = "") -> int:
        """Post an SMS from a phone (`msisdn` like "4520123456") to the app's inbound webhook."""
        return _post(f"{app_url.rstrip('/')}/sms/indgaaende/", token,
                     {"msisdn": msisdn, "message": text, "id": message_id})


def _post(url: str, token: str, payload: dict[str, Any]) -> int:
    request = urllib.request.Request(  # noqa: S310 - a test helper posting to the app under test
        url, data=json.dumps(payload).encode(), method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", default="test-token")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds each accepted request takes")
    args = parser.parse_args(argv)
    gw = FakeGateway(token=args.token, port=args.port)
    gw.state.latency_seconds = args.latency
    print(f"PORT {gw.server.server_address[1]}", flush=True)  # noqa: T201 - the parent reads this line
    try:
        gw.server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        gw.server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
