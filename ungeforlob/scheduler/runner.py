"""The scheduler's loop, run by `manage.py worker` beside the SMS outbox: every turn it stamps the heartbeat,
then runs the jobs in `jobs.JOBS` whose interval has passed."""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Iterable

from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.module_loading import import_string

from ungeforlob.scheduler.jobs import JOBS, Job
from ungeforlob.scheduler.services import job_claim, job_failed, job_succeeded, worker_beat

log = logging.getLogger(__name__)

# Often enough that the heartbeat is fresh well within `selectors.SILENT_AFTER` and a job runs close to its time.
TICK_SECONDS = 15.0


def run_due_jobs(*, now: datetime.datetime | None = None, jobs: Iterable[Job] = JOBS) -> dict[str, bool]:
    """Run each due job once. A failing job is logged and recorded and does not stop the others.
    Returns {job name: succeeded} for the jobs that ran."""
    now = now or timezone.now()
    ran: dict[str, bool] = {}
    for job in jobs:
        if not job_claim(job=job, now=now):
            continue
        try:
            result = import_string(job.path)(**job.kwargs)
        except Exception as exc:  # noqa: BLE001 - one broken job must not stop the others; it is retried next turn
            log.exception("Periodic job %s failed", job.name)
            job_failed(job=job, now=timezone.now(), error=exc)
            ran[job.name] = False
        else:
            job_succeeded(job=job, now=timezone.now())
            if result:
                log.info("Periodic job %s: %s", job.name, result)
            ran[job.name] = True
    return ran


def scheduler_loop(*, stopping: threading.Event, name: str, tick: float = TICK_SECONDS,
                   jobs: Iterable[Job] = JOBS) -> None:
    """Beat and run due jobs every `tick` seconds until `stopping` is set. Survives any error in a turn (the
    database away, a job's bug): it logs it and tries again next turn; meanwhile the heartbeat goes stale,
    which is what /healthz reports."""
    started_at = timezone.now()
    try:
        while True:
            close_old_connections()
            try:
                worker_beat(name=name, started_at=started_at)
                run_due_jobs(jobs=jobs)
            except Exception:  # noqa: BLE001 - see the docstring
                log.exception("The scheduler's turn failed; trying again in %s s", tick)
            if stopping.wait(tick):
                return
    finally:
        connection.close()
