"""Reads of the scheduler: is the worker alive?"""

from __future__ import annotations

import datetime
from typing import Literal

from django.db.models import Max
from django.utils import timezone

from ungeforlob.scheduler.models import WorkerBeat

# The worker beats every few seconds (`runner.TICK_SECONDS`); this much silence means it is gone or stuck.
SILENT_AFTER = datetime.timedelta(minutes=2)

WorkerStatus = Literal["ok", "silent", "never"]


def worker_status(*, now: datetime.datetime | None = None) -> WorkerStatus:
    """"ok" when some worker has beaten within `SILENT_AFTER`, "silent" when the last beat is older, "never"
    when no worker has ever run against this database."""
    last = WorkerBeat.objects.aggregate(last=Max("beat_at"))["last"]
    if last is None:
        return "never"
    return "ok" if (now or timezone.now()) - last <= SILENT_AFTER else "silent"
