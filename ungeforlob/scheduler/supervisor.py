"""Keep a command running: start it again when it exits (used by `manage.py rundev` for the worker)."""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path
from time import monotonic

log = logging.getLogger(__name__)


def supervise(command: Sequence[str], *, stopping: threading.Event, cwd: Path | str | None = None,
              min_backoff: float = 1.0, max_backoff: float = 30.0, healthy_after: float = 60.0) -> None:
    """Run `command` until `stopping` is set, starting it again whenever it exits.

    The pause before a restart doubles while the command keeps dying quickly (from `min_backoff` up to
    `max_backoff`) and falls back to `min_backoff` once a run has lasted `healthy_after` seconds, so a
    command that cannot start does not spin. Each exit is logged. When `stopping` is set the running command
    is asked to stop (SIGTERM), then killed if it has not stopped within ten seconds.
    """
    backoff = min_backoff
    while not stopping.is_set():
        started = monotonic()
        proc = subprocess.Popen(list(command), cwd=cwd)  # noqa: S603 - the caller's fixed command
        while True:
            try:
                proc.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if stopping.is_set():
                    _stop(proc)
                    return
        if stopping.is_set():
            return
        if monotonic() - started >= healthy_after:
            backoff = min_backoff
        log.warning("%s stopped (exit code %s); starting it again in %.1f s", command[-1], proc.returncode, backoff)
        if stopping.wait(backoff):
            return
        backoff = min(backoff * 2, max_backoff)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
