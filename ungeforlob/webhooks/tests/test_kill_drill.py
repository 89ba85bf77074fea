"""A webhook worker killed (SIGKILL) in the middle of a batch loses no event and has none accepted twice.

A throw-away installation (its own SQLite file), a real `manage.py webhook_worker` process, and a receiver on
127.0.0.1 that checks signatures and deduplicates by Idempotency-Key. The receiver holds its answer to one request;
the worker is killed while it waits, so that event reached the receiver but was never recorded as delivered.
A second worker re-claims the killed worker's rows once their lease runs out and sends them with the same key.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from ungeforlob.messaging.drill import REPO, finish
from ungeforlob.webhooks import signing
from ungeforlob.webhooks.tests.receiver import Receiver

COUNT = 60


def _env(root: Path) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ungeforlob.webhooks.tests.drill_settings",
           "DJANGO_DEBUG": "true", "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
           "UNGEFORLOB_VAR_DIR": str(root / "var"), "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _statuses(root: Path) -> dict[str, int]:
    with sqlite3.connect(root / "db.sqlite3", timeout=30) as conn:
        return dict(conn.execute("SELECT status, COUNT(*) FROM webhooks_delivery GROUP BY status").fetchall())


def _worker(env: dict[str, str], *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "webhook_worker", "--idle-seconds", "0.2", "--lease-seconds", "3",
         "--batch-size", "10", *extra], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_a_worker_killed_mid_batch_loses_no_event_and_none_is_accepted_twice(tmp_path: Any) -> None:
    secret = signing.secret_new()
    env = _env(tmp_path)
    with Receiver(secret=secret, hold_at=25) as receiver:
        subprocess.run([sys.executable, "-m", "ungeforlob.webhooks.tests.drill", "--count", str(COUNT),  # noqa: S603
                        "--url", receiver.url, "--secret", secret], cwd=REPO, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        assert _statuses(tmp_path) == {"venter": COUNT}

        first = _worker(env)
        try:
            assert receiver.held.wait(120), "the worker never reached the 25th delivery"
        finally:
            first.send_signal(signal.SIGKILL)
            finish(first, timeout=30)
        receiver.release()
        assert first.returncode == -signal.SIGKILL
        in_flight = _statuses(tmp_path).get("sender", 0)
        assert in_flight > 0, "the worker was not killed in the middle of a batch"

        second = _worker(env, "--until-empty")
        err = finish(second, timeout=120)
        assert second.returncode == 0, err

    assert _statuses(tmp_path) == {"leveret": COUNT}, "an event was lost or left behind"
    assert len(receiver.accepted) == COUNT, "the receiver did not get every event"
    assert all(r.signed for r in receiver.requests), "a delivery's signature did not verify"
    # The held event reached the receiver twice (the killed worker never recorded it) and was accepted once.
    assert receiver.duplicates >= 1
    assert len(receiver.requests) == COUNT + receiver.duplicates
