"""Writes of the scheduler: the worker's heartbeat and each job's claim and outcome. No audit rows: nothing
here is about a person."""

from __future__ import annotations

import datetime
import traceback
from pathlib import Path

from django.db.models import Q
from django.utils import timezone

from ungeforlob.scheduler.jobs import Job
from ungeforlob.scheduler.models import JobState, WorkerBeat


def worker_beat(*, name: str, started_at: datetime.datetime, now: datetime.datetime | None = None) -> None:
    """Stamp this worker's row (one per name): it is alive now."""
    WorkerBeat.objects.update_or_create(name=name[:100], defaults={"started_at": started_at,
                                                                   "beat_at": now or timezone.now()})


def job_claim(*, job: Job, now: datetime.datetime) -> bool:
    """Take this job's turn if it is due. A conditional update, so of several workers only one runs it."""
    JobState.objects.get_or_create(name=job.name)
    due = Q(last_run_at__isnull=True) | Q(last_run_at__lte=now - datetime.timedelta(seconds=job.every))
    return JobState.objects.filter(due, name=job.name).update(last_run_at=now) == 1


def job_succeeded(*, job: Job, now: datetime.datetime) -> None:
    JobState.objects.filter(name=job.name).update(last_success_at=now)


def job_failed(*, job: Job, now: datetime.datetime, error: BaseException) -> None:
    """Record the failure as the exception's class and the place it was raised: its message may quote
    personal data (an integrity error quotes the row), so that stays in the log."""
    JobState.objects.filter(name=job.name).update(last_error_at=now, last_error=error_summary(error)[:300])


def error_summary(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    return f"{type(error).__name__} i {Path(last.filename).name}:{last.lineno} ({last.name})"
