"""Benchmark of the SMS outbox: throughput to the fake provider, and the kill drill.

    .venv/bin/python -m ungeforlob.messaging.bench [--count 3000] [--latency 0.02] [--kill-count 600]

Everything is real: a throw-away installation (its own SQLite file in a temporary directory, the project's
migrations), the messages queued as rows, `manage.py sms_worker` processes sending over HTTP to the fake
provider on 127.0.0.1 (which answers after `--latency` seconds, like a provider across the network), and
for the kill drill a worker killed with SIGKILL in the middle of a batch and started again. The goal in
the issue is at least 1,000 messages a minute; the figures go into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from ungeforlob.messaging.drill import GatewayControl, Sandbox, run_kill_drill, run_throughput
from ungeforlob.messaging.fake_gateway import FakeGateway

TOKEN = "bench-token"  # noqa: S105 - the fake provider's token


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000, help="messages per throughput run")
    parser.add_argument("--latency", type=float, default=0.02, help="seconds the provider takes per message")
    parser.add_argument("--kill-count", type=int, default=600, help="messages in the kill drill")
    args = parser.parse_args(argv)

    print("# SMS outbox benchmark")  # noqa: T201
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPU, Python {platform.python_version()}, "  # noqa: T201
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"provider latency: {args.latency * 1000:.0f} ms per message; database: SQLite (WAL)\n")  # noqa: T201
    with tempfile.TemporaryDirectory(prefix="sms-bench-") as tmp, FakeGateway(token=TOKEN) as gw:
        control = GatewayControl(gw.base)
        sandbox = Sandbox(Path(tmp), gateway_url=gw.url, token=TOKEN)
        started = time.monotonic()
        sandbox.seed(0, prefix="warmup")
        print(f"installation migrated in {time.monotonic() - started:.1f} s\n")  # noqa: T201
        for workers in (1, 2):
            control.set(latency_seconds=args.latency)
            result = run_throughput(sandbox, count=args.count, workers=workers, prefix=f"bench{workers}")
            state = control.state()
            print(f"## throughput, {workers} worker process(es)")  # noqa: T201
            print(f"- {result['count']} messages, statuses {result['statuses']}")  # noqa: T201
            print(f"- wall clock incl. process start: {result['wall_seconds']} s "  # noqa: T201
                  f"= {result['per_minute_wall']:,} messages/minute")
            print(f"- first to last send: {result['send_span_seconds']} s "  # noqa: T201
                  f"= {result['per_minute_sending']:,} messages/minute")
            print(f"- provider so far: {state}\n")  # noqa: T201
        kill = run_kill_drill(sandbox, control, count=args.kill_count)
        print("## kill drill (SIGKILL in the middle of a batch, then a fresh worker)")  # noqa: T201
        print(f"- {kill['count']} messages; worker killed with {kill['killed_with']} "  # noqa: T201
              f"(return code {kill['killed_returncode']}) with {kill['in_flight_when_killed']} claimed in flight")
        print(f"- after restart: statuses {kill['statuses']}; delivered {kill['delivered']}; "  # noqa: T201
              f"re-sent and deduplicated by key: {kill['duplicate_requests_deduplicated']}; "
              f"most deliveries of one key: {kill['max_deliveries_per_key']}")
        ok = kill["statuses"] == {"sent": kill["count"]} and kill["max_deliveries_per_key"] == 1 \
            and kill["delivered"] == kill["count"]
        print(f"- {'no message lost, none sent twice' if ok else 'FAILED'}")  # noqa: T201


if __name__ == "__main__":
    main()
