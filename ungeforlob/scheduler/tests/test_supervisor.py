"""`make run` keeps the worker alive: the supervisor starts a command again when it exits, with a growing
pause while it keeps dying, and stops it when asked. Real subprocesses, short-lived."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from unittest import mock

import pytest

from ungeforlob.scheduler.supervisor import supervise


def _run(command: list[str], **kwargs: float) -> tuple[threading.Event, threading.Thread]:
    stopping = threading.Event()
    thread = threading.Thread(target=supervise, args=(command,), kwargs={"stopping": stopping, **kwargs})
    thread.start()
    return stopping, thread


def _wait_for(predicate, timeout: float = 20) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_it_starts_the_command_again_each_time_it_exits(tmp_path: Path, caplog) -> None:
    starts = tmp_path / "starts"
    command = [sys.executable, "-c", f"open({str(starts)!r}, 'a').write('x'); raise SystemExit(3)"]
    caplog.set_level(logging.WARNING, logger="ungeforlob.scheduler.supervisor")
    stopping, thread = _run(command, min_backoff=0.01, max_backoff=0.05)
    try:
        assert _wait_for(lambda: starts.exists() and len(starts.read_text()) >= 3)
    finally:
        stopping.set()
        thread.join(timeout=20)
    assert not thread.is_alive()
    assert "stopped (exit code 3); starting it again" in caplog.text


class _Stopping:
    """Stands in for the Event: records each pause and says "stop" after `after` of them."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.pauses: list[float] = []

    def is_set(self) -> bool:
        return len(self.pauses) >= self.after

    def wait(self, seconds: float) -> bool:
        self.pauses.append(seconds)
        return self.is_set()


def test_the_pause_doubles_while_it_keeps_dying_up_to_the_cap() -> None:
    stopping = _Stopping(after=6)
    with mock.patch("ungeforlob.scheduler.supervisor.subprocess.Popen") as popen:
        popen.return_value.returncode = 1
        supervise(["worker"], stopping=stopping, min_backoff=1, max_backoff=8)  # type: ignore[arg-type]
    assert stopping.pauses == [1, 2, 4, 8, 8, 8]
    assert popen.call_count == 6


def test_the_pause_starts_over_after_a_run_that_lasted() -> None:
    stopping = _Stopping(after=4)
    # start/exit moments of four runs: quick, quick, a long healthy one, quick
    clock = iter([0, 1, 10, 11, 20, 200, 300, 301])
    with mock.patch("ungeforlob.scheduler.supervisor.subprocess.Popen") as popen, \
            mock.patch("ungeforlob.scheduler.supervisor.monotonic", lambda: next(clock)):
        popen.return_value.returncode = 1
        supervise(["worker"], stopping=stopping, min_backoff=1, max_backoff=8,  # type: ignore[arg-type]
                  healthy_after=60)
    assert stopping.pauses == [1, 2, 1, 2]


def test_it_stops_a_running_command_when_asked(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    command = [sys.executable, "-c",
               f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"]
    stopping, thread = _run(command)
    try:
        assert _wait_for(lambda: pid_file.exists() and pid_file.read_text())
    finally:
        stopping.set()
        thread.join(timeout=20)
    assert not thread.is_alive()
    with pytest.raises(ProcessLookupError):  # gone and reaped, not left running behind `make run`
        os.kill(int(pid_file.read_text()), 0)


def test_rundev_supervises_the_worker_beside_the_web_server(monkeypatch) -> None:
    from django.core.management import call_command

    from ungeforlob.scheduler.management.commands import rundev

    monkeypatch.delenv("RUN_MAIN", raising=False)
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(rundev, "supervise", lambda command, **kw: calls.append(("supervise", command)))
    monkeypatch.setattr(rundev, "call_command", lambda *args: calls.append(args))
    monkeypatch.setattr(rundev.atexit, "register", lambda fn: calls.append(("atexit",)))
    call_command("rundev", "--port", "8123")
    assert ("runserver", "127.0.0.1:8123") in calls
    assert ("supervise", [sys.executable, "manage.py", "worker"]) in calls
    assert ("atexit",) in calls
