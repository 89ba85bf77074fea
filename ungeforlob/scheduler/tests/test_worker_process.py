"""`manage.py worker` for real, as `make run` starts it: in its own process against a throw-away installation
(an SQLite file), it beats, runs every registered job, and stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from ungeforlob.messaging.drill import REPO, Sandbox, finish, wait_for
from ungeforlob.scheduler.jobs import JOBS


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # the table is not there yet
        return []


def test_the_worker_process_beats_runs_every_job_and_stops_on_sigterm(tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path, gateway_url="http://127.0.0.1:9/unused", token="unused")
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],  # noqa: S603
                   cwd=REPO, env=sandbox.env, check=True)
    proc = subprocess.Popen([sys.executable, "manage.py", "worker", "--name", "proc-test", "--tick", "0.2"],  # noqa: S603
                            cwd=REPO, env=sandbox.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        all_ran = wait_for(lambda: proc.poll() is not None or len(_rows(
            sandbox.db, "SELECT name FROM scheduler_jobstate WHERE last_success_at IS NOT NULL")) == len(JOBS),
            timeout=90)
        states = _rows(sandbox.db, "SELECT name, last_success_at IS NOT NULL, last_error FROM scheduler_jobstate")
        beats = _rows(sandbox.db, "SELECT name FROM scheduler_workerbeat")
    finally:
        proc.send_signal(signal.SIGTERM)
        err = finish(proc, timeout=60)
    assert all_ran and proc.returncode == 0, (states, err[-3000:])
    assert beats == [("proc-test",)]
    assert sorted(states) == sorted((job.name, 1, "") for job in JOBS)
