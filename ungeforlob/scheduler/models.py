"""The worker's sign of life and the state of each periodic job. Nothing here names a person."""

from __future__ import annotations

from django.db import models


class WorkerBeat(models.Model):
    """One row per worker name (by default the host), stamped on every turn of the worker's loop."""

    name = models.CharField(max_length=100, unique=True)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"


class JobState(models.Model):
    """When a periodic job (see `jobs.JOBS`) last ran and how it went.

    `last_run_at` is also the claim: a worker runs a job only if it moves this stamp forward with a conditional
    update, so two workers never run the same job in the same interval. The error is the exception's class and
    where it was raised, never its message, which may quote personal data (the log has the traceback).
    """

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.name
