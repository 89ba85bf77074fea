"""Fault drills for the outbox, run against real processes: a throw-away installation (its own SQLite file),
real `manage.py sms_worker` processes, and the fake provider on 127.0.0.1.

Used by the benchmark (`python -m ungeforlob.messaging.bench`) and by the kill test. The orchestrating
process does not need Django: it seeds through a subprocess (`python -m ungeforlob.messaging.drill seed`)
and reads the results straight from the SQLite file.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TABLE = "messaging_outboundmessage"
FINAL_STATUSES = {"sent", "delivered", "failed", "cancelled"}


def _json(url: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET",  # noqa: S310 - 127.0.0.1
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.loads(response.read())


@dataclass
class GatewayControl:
    """Talks to a running fake provider over HTTP (it may live in this process or another)."""

    base: str  # http://127.0.0.1:port

    def state(self) -> dict[str, Any]:
        return _json(f"{self.base}/_state")

    def set(self, **modes: float) -> None:
        _json(f"{self.base}/_control", modes)


class Sandbox:
    """A throw-away installation under `root`, configured to send through the fake provider at `gateway_url`."""

    def __init__(self, root: Path, *, gateway_url: str, token: str) -> None:
        self.root = root
        self.db = root / "db.sqlite3"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ungeforlob.messaging.drill_settings",
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{self.db}",
            "UNGEFORLOB_VAR_DIR": str(root / "var"),
            "SMS_GATEWAY": "http",
            "SMS_HTTP_URL": gateway_url,
            "SMS_HTTP_TOKEN": token,
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
        # Seeding and workers must not inherit a test run's settings about the database.
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def seed(self, count: int, *, prefix: str) -> None:
        """Migrate (first time) and queue `count` messages due now, keyed `<prefix>:<n>`."""
        subprocess.run(  # noqa: S603 - our own module, fixed arguments
            [sys.executable, "-m", "ungeforlob.messaging.drill", "seed", "--count", str(count), "--prefix", prefix],
            cwd=REPO, env=self.env, check=True, stdout=subprocess.DEVNULL,
        )

    def start_worker(self, *extra: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "sms_worker", "--idle-seconds", "0.2", *extra],
            cwd=REPO, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

    def counts(self, prefix: str) -> dict[str, int]:
        with sqlite3.connect(self.db, timeout=30) as conn:
            rows = conn.execute(
                f"SELECT status, COUNT(*) FROM {TABLE} WHERE idempotency_key LIKE ? GROUP BY status",  # noqa: S608
                (f"{prefix}:%",),
            ).fetchall()
        return dict(rows)

    def send_span_seconds(self, prefix: str) -> float:
        """Seconds from the first to the last message's recorded send (SQLite stores ISO timestamps)."""
        with sqlite3.connect(self.db, timeout=30) as conn:
            first, last = conn.execute(
                f"SELECT MIN(sent_at), MAX(sent_at) FROM {TABLE} WHERE idempotency_key LIKE ?",  # noqa: S608
                (f"{prefix}:%",),
            ).fetchone()
        from datetime import datetime

        return (datetime.fromisoformat(last) - datetime.fromisoformat(first)).total_seconds()


def finish(proc: subprocess.Popen[bytes], *, timeout: float) -> str:
    """Wait for a worker to exit by itself; kill it if it does not (never leave one behind). Its stderr."""
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate(timeout=30)
        raise
    return err.decode(errors="replace") if err else ""


def wait_for(predicate: Any, *, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def run_throughput(sandbox: Sandbox, *, count: int, workers: int, prefix: str = "bench") -> dict[str, Any]:
    """Queue `count` messages, run `workers` worker processes until the outbox is empty, and time it."""
    sandbox.seed(count, prefix=prefix)
    started = time.monotonic()
    procs = [sandbox.start_worker("--until-empty", "--batch-size", "100", "--concurrency", "8")
             for _ in range(workers)]
    for proc in procs:
        err = finish(proc, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(err)
    wall = time.monotonic() - started
    span = sandbox.send_span_seconds(prefix)
    return {"count": count, "workers": workers, "wall_seconds": round(wall, 2), "send_span_seconds": round(span, 2),
            "per_minute_wall": int(count / wall * 60), "per_minute_sending": int(count / max(span, 0.001) * 60),
            "statuses": sandbox.counts(prefix)}


def run_kill_drill(sandbox: Sandbox, gateway: GatewayControl, *, count: int, prefix: str = "kill",
                   lease_seconds: int = 3) -> dict[str, Any]:
    """Kill a worker with SIGKILL while the provider holds answers to messages it has already accepted, start
    a new worker, and report what happened. The caller asserts: all sent, none delivered twice."""
    sandbox.seed(count, prefix=prefix)
    before = gateway.state()
    gateway.set(latency_seconds=0.01)
    worker = sandbox.start_worker("--batch-size", "40", "--concurrency", "8", "--lease-seconds", str(lease_seconds))
    if not wait_for(lambda: gateway.state()["delivered"] - before["delivered"] >= count // 3, timeout=120):
        worker.kill()
        worker.communicate(timeout=30)
        raise RuntimeError(f"The worker did not get going: {gateway.state()}")
    # From now on the provider accepts (delivers) each message but answers late: the worker is killed
    # while it waits, so it never records those sends.
    gateway.set(stall_after_accept_seconds=30)
    # Wait for answers actually held back: requests already under way when the mode changed answer at once
    # (under load they can be all of the next few), and killing then would leave nothing accepted-but-unrecorded.
    if not wait_for(lambda: gateway.state()["stalled_now"] >= 4, timeout=60):
        worker.kill()
        worker.communicate(timeout=30)
        raise RuntimeError(f"The provider never held an answer: {gateway.state()}")
    worker.send_signal(signal.SIGKILL)
    worker.communicate(timeout=30)
    in_flight = sandbox.counts(prefix).get("sending", 0)
    gateway.set(stall_after_accept_seconds=0, latency_seconds=0)
    # The new worker runs as a real one does, until it is told to stop: a send the killed worker saw time out
    # is queued again for a retry a little later (a second, in the drill's settings), which `--until-empty`
    # would leave behind. It is stopped once every message has a final status.
    restarted = sandbox.start_worker("--batch-size", "40", "--lease-seconds", str(lease_seconds))
    try:
        wait_for(lambda: not set(sandbox.counts(prefix)) - FINAL_STATUSES, timeout=300, interval=0.2)
    finally:
        restarted.send_signal(signal.SIGTERM)
        err = finish(restarted, timeout=60)
    after = gateway.state()
    return {
        "count": count,
        "killed_with": "SIGKILL",
        "killed_returncode": worker.returncode,
        "in_flight_when_killed": in_flight,
        "restart_returncode": restarted.returncode,
        "restart_stderr": err[-2000:],
        "statuses": sandbox.counts(prefix),
        "delivered": after["delivered"] - before["delivered"],
        "duplicate_requests_deduplicated": after["duplicates"] - before["duplicates"],
        "max_deliveries_per_key": after["max_per_key"],
    }


# --- the seeding subprocess -------------------------------------------------------------------------------

def _seed(count: int, prefix: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from ungeforlob.accounts.models import Municipality, Organisation, Sector, User
    from ungeforlob.messaging.models import MessageKind, OutboundMessage, SmsConsent
    from ungeforlob.testing import cpr_for_age
    from ungeforlob.youth.models import Youth
    from ungeforlob.youth.services import youth_create

    call_command("migrate", verbosity=0, interactive=False)
    municipality, _ = Municipality.objects.get_or_create(code="drill", defaults={"name": "Drill"})
    org, _ = Organisation.objects.get_or_create(municipality=municipality, name="Drill UU",
                                                defaults={"sector": Sector.UU_KUI})
    user, _ = User.objects.get_or_create(username="drill", defaults={"municipality": municipality,
                                                                      "organisation": org})
    youths = list(Youth.objects.filter(municipality=municipality)[:20])
    for i in range(len(youths), 20):
        youths.append(youth_create(actor=user, first_name=f"Ung{i}", last_name="Drill",
                                   cpr_number=cpr_for_age(19, serial=i), mobile=f"+45201234{i:02d}"))
    now = timezone.now()
    for youth in youths:
        SmsConsent.objects.get_or_create(youth=youth, defaults={"given_at": now, "recorded_by": user})
    OutboundMessage.objects.bulk_create(
        [OutboundMessage(youth=youths[i % len(youths)], kind=MessageKind.CONVERSATION, body=f"Besked nr. {i}",
                         send_at=now, due_at=now, idempotency_key=f"{prefix}:{i}") for i in range(count)],
        batch_size=500,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    seed = sub.add_parser("seed")
    seed.add_argument("--count", type=int, required=True)
    seed.add_argument("--prefix", required=True)
    args = parser.parse_args(argv)
    if args.command == "seed":
        _seed(args.count, args.prefix)


if __name__ == "__main__":
    main()
