"""A webhook receiver on 127.0.0.1 that records what it got, for the tests and the kill drill.

It does what a real receiver should: checks the signature (and refuses a bad one with 401), and deduplicates by
`Idempotency-Key` (a key it has accepted before is answered 200 again, not accepted twice). `hold_at=n` makes it
hold its answer to the n-th request until `release()`: the drill kills the worker while that answer is pending.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from ungeforlob.webhooks import signing


@dataclass
class Received:
    key: str
    event_type: str
    body: dict[str, Any]
    signed: bool
    headers: dict[str, str]


@dataclass
class Receiver:
    secret: str = ""
    status: int = 200  # what to answer an accepted request (500 to make the worker retry)
    hold_at: int = 0
    requests: list[Received] = field(default_factory=list)
    accepted: dict[str, Received] = field(default_factory=dict)
    duplicates: int = 0
    held: threading.Event = field(default_factory=threading.Event)
    _release: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                signed = signing.signature_verify(receiver.secret, self.headers.get(signing.SIGNATURE_HEADER, ""),
                                                  body, now=int(time.time()))
                entry = Received(key=self.headers.get("Idempotency-Key", ""),
                                 event_type=self.headers.get("X-Ungeforlob-Event", ""),
                                 body=json.loads(body or b"{}"), signed=signed, headers=dict(self.headers))
                with receiver._lock:
                    receiver.requests.append(entry)
                    n = len(receiver.requests)
                    if signed and receiver.status < 300:
                        if entry.key in receiver.accepted:
                            receiver.duplicates += 1
                        else:
                            receiver.accepted[entry.key] = entry
                if receiver.hold_at and n == receiver.hold_at:
                    receiver.held.set()
                    receiver._release.wait(30)
                code = receiver.status if signed else 401
                try:
                    self.send_response(code)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass  # the worker was killed while we held the answer

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/hooks"

    def release(self) -> None:
        self._release.set()
