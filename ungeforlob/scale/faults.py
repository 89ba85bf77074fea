"""Faults for the load test (issue 14): PostgreSQL restarted or stopped in the middle, and what the app did meanwhile.

- `DatabaseFault` runs in its own thread: at a given second of the run it restarts the private cluster
  (`pg_ctl restart -m fast`, the outage a minor-version upgrade or a fail-over gives) or stops it for a given
  number of seconds and starts it again — and writes down when the database went away and when it was back.
- `HealthProbe` asks `/healthz` twice a second over loopback and keeps every answer: the timeline of the outage
  as a load balancer sees it.
- `WorkerBeat` keeps `/healthz` green (it answers 503 while no worker has beaten for two minutes) and survives
  the outage itself.
- `timeline()` turns the two into the figures docs/benchmarks.md records: outage start and end, the first 503,
  the first 200 after, and the last error after the database was back.

Only the cluster whose directory it is given is touched; requests go to 127.0.0.1 only. Everything is bounded:
the probe and the beat stop when told, `pg_ctl` waits at most 60 s.
"""

from __future__ import annotations

import http.client
import shlex
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"


@dataclass
class FaultRecord:
    kind: str = "none"
    down_at: float | None = None  # monotonic seconds since the run started
    up_at: float | None = None
    output: str = ""


def parse_fault(spec: str) -> tuple[str, float]:
    """"none", "restart" or "stop:SECONDS"."""
    if spec in ("", "none"):
        return "none", 0.0
    if spec == "restart":
        return "restart", 0.0
    kind, _, seconds = spec.partition(":")
    if kind == "stop" and seconds.replace(".", "", 1).isdigit():
        return "stop", float(seconds)
    raise ValueError(f"unknown fault {spec!r}: none, restart or stop:SECONDS")


class DatabaseFault(threading.Thread):
    """At `at` seconds after `t0`, restart (or stop for a while and start) the private PostgreSQL cluster."""

    def __init__(self, *, spec: str, at: float, t0: float, pg_ctl: list[str], data_dir: Path, log_file: Path) -> None:
        super().__init__(daemon=True)
        self.kind, self.pause = parse_fault(spec)
        self.at, self.t0 = at, t0
        self.pg_ctl, self.data_dir, self.log_file = pg_ctl, data_dir, log_file
        self.record = FaultRecord(kind=spec)
        self.cancelled = threading.Event()

    def _pg(self, *args: str) -> None:
        cmd = [*self.pg_ctl, "-D", str(self.data_dir), "-w", "-t", "60", *args]
        # -l: the restarted server must not inherit this process's pipes (run() would wait for them forever).
        if args[0] in ("start", "restart"):
            cmd += ["-l", str(self.log_file)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)  # noqa: S603
        self.record.output += f"$ {' '.join(cmd)}\n{done.stdout}{done.stderr}"
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl {args[0]} failed: {done.stderr.strip()}")

    def run(self) -> None:
        if self.kind == "none":
            return
        if self.cancelled.wait(max(0.0, self.t0 + self.at - time.monotonic())):
            return
        try:
            if self.kind == "restart":
                self.record.down_at = time.monotonic() - self.t0
                self._pg("restart", "-m", "fast")
            else:
                options = self._server_options()
                self.record.down_at = time.monotonic() - self.t0
                self._pg("stop", "-m", "fast")
                time.sleep(self.pause)
                self._pg("start", "-o", options)  # unlike restart, start does not reuse them: without, port 5432
            self.record.up_at = time.monotonic() - self.t0
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
            self.record.output += f"fault failed: {exc}\n"

    def _server_options(self) -> str:
        """The running server's own options (port, socket directory, listen address), from postmaster.opts."""
        words = shlex.split((self.data_dir / "postmaster.opts").read_text())[1:]
        kept, skip = [], False
        for word in words:
            if skip:
                skip = False
            elif word == "-D":
                skip = True
            else:
                kept.append(word)
        if "-p" not in kept:
            raise RuntimeError("the cluster's port is not in postmaster.opts: refusing to start it on 5432")
        return shlex.join(kept)


class HealthProbe(threading.Thread):
    def __init__(self, *, port: int, t0: float, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.port, self.t0, self.interval = port, t0, interval
        self.answers: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(self.interval):
            started = time.monotonic()
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=10)
                conn.request("GET", "/healthz", headers={"Host": HOST})
                status = conn.getresponse().status
                conn.close()
            except OSError:
                status = 0
            self.answers.append((started - self.t0, status))


class WorkerBeat(threading.Thread):
    """Beat as the worker every 20 s, so /healthz reports the database and nothing else; an outage only
    makes a beat fail (the next one reconnects)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()

    def run(self) -> None:
        from django.db import DatabaseError, connection
        from django.utils import timezone

        from ungeforlob.scheduler.models import WorkerBeat as Beat

        while True:
            try:
                now = timezone.now()
                Beat.objects.update_or_create(name="load-test", defaults={"beat_at": now, "started_at": now})
            except DatabaseError:
                pass
            finally:
                connection.close()
            if self.stop.wait(20):
                return


def timeline(record: FaultRecord, probe: list[tuple[float, int]],
             requests: list[tuple[float, float, str, int]]) -> dict[str, float | int | None]:
    """The outage as seen by the probe and by the users. `requests`: (start, end, name, status) in run seconds."""
    out: dict[str, float | int | None] = {"down_at": record.down_at, "up_at": record.up_at}
    if record.down_at is None or record.up_at is None:
        return out
    down, up = record.down_at, record.up_at
    errors = [(end, status) for _start, end, _name, status in requests if status not in (200, 302)]
    during = [s for end, s in errors if end >= down]
    out["first_error"] = min((end for end, _s in errors if end >= down), default=None)
    out["last_error"] = max((end for end, _s in errors if end >= down), default=None)
    out["errors_503"] = sum(1 for s in during if s == 503)
    out["errors_other"] = sum(1 for s in during if s != 503)
    out["first_probe_503"] = min((t for t, s in probe if t >= down and s == 503), default=None)
    out["first_probe_200_after"] = min((t for t, s in probe if t >= up and s == 200), default=None)
    out["first_user_200_after"] = min((end for start, end, _n, s in requests if start >= up and s == 200),
                                      default=None)
    return out
