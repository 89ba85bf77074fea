"""The server side of the page benchmark: the project's WSGI application, timed and query-counted per request.

`application` wraps `config.wsgi.application`: each request's server time (from the moment a worker thread
takes it until the whole body is produced and the request is finished, database connection closing included)
and its number of SQL queries are sent back in the `X-Bench-Ms` and `X-Bench-Queries` headers. Any WSGI
server can serve it (gunicorn: `gunicorn ungeforlob.scale.benchserver:application -w 2 --threads 4`).

No WSGI server is pinned in the project yet, so `python -m ungeforlob.scale.benchserver --port N` serves it
with the standard library's wsgiref, threaded, at most `--threads` requests at once in this process; several
such processes share one port with SO_REUSEPORT (the kernel spreads connections), which mimics gunicorn's
workers × threads. Loopback only.
"""

from __future__ import annotations

import argparse
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ungeforlob.scale.bench_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from config.wsgi import application as _django  # noqa: E402 - the production application, as a server loads it

_slots = threading.BoundedSemaphore(int(os.environ.get("BENCH_THREADS", "4")))


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    captured: dict[str, Any] = {}

    def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
        captured["status"], captured["headers"] = status, headers
        return lambda data: None

    queries = 0

    def count(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with _slots:
        started = time.perf_counter()
        with connection.execute_wrapper(count):
            result = _django(environ, capture)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()  # request_finished: the database connection is closed (or kept) here
        elapsed = (time.perf_counter() - started) * 1000
    headers = [*captured["headers"], ("X-Bench-Ms", f"{elapsed:.3f}"), ("X-Bench-Queries", str(queries))]
    start_response(captured["status"], headers)
    return [body]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def server_bind(self) -> None:
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        super().server_bind()


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    server = make_server("127.0.0.1", args.port, application, server_class=_Server, handler_class=_Quiet)
    server.serve_forever()


if __name__ == "__main__":
    main()
