"""The background worker: the SMS outbox loop and Django's task worker (database backend), in one process.

The outbox runs in the main thread; the task worker in a second thread. SIGTERM or Ctrl+C stops both
gracefully (the outbox finishes its batch, the task worker its task); a second signal exits at once. Killing
the process outright (SIGKILL) is safe too: a claimed SMS whose worker died is claimed again when its lease
runs out and re-sent with the same idempotency key, which the gateway deduplicates.
"""

from __future__ import annotations

import logging
import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

log = logging.getLogger(__name__)


PERIODIC_SECONDS = 60


class Command(BaseCommand):
    help = "Run the background worker (SMS outbox + queued tasks) until stopped."

    def handle(self, *args: Any, **options: Any) -> None:
        from django_tasks_db.management.commands.db_worker import Worker

        from ungeforlob.messaging.outbox import OutboxWorker

        tasks = Worker(queue_names=["default"], interval=1, batch=False, backend_name="default",
                       startup_delay=False, max_tasks=None, worker_id=get_random_string(32),
                       excluded_queue_names=[])
        tasks_thread = threading.Thread(target=tasks.run, name="task-worker", daemon=True)
        outbox = OutboxWorker()

        def periodic() -> None:
            """Once a minute: escalate overdue concerns, end memberships whose consent has expired, and
            delete self-evaluation rounds the young person chose not to keep (after an hour, for printing)."""
            import datetime

            from django.db import close_old_connections

            from ungeforlob.chain.tasks import run_tick
            from ungeforlob.progression.services import self_evaluation_purge_unkept

            while not outbox.stopping.wait(PERIODIC_SECONDS):
                try:
                    run_tick()
                    self_evaluation_purge_unkept(older_than=datetime.timedelta(minutes=60))
                except Exception:  # noqa: BLE001 - a failed tick is logged and tried again next minute
                    log.exception("Periodic chain tick failed")
                finally:
                    close_old_connections()

        periodic_thread = threading.Thread(target=periodic, name="periodic", daemon=True)

        def stop(signum: int, frame: object) -> None:
            if outbox.stopping.is_set():
                raise SystemExit(1)  # the second signal: do not wait for the current batch or task
            log.warning("Worker stopping (%s); finishing the current batch", signal.strsignal(signum))
            outbox.stop()
            tasks.running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        tasks_thread.start()
        periodic_thread.start()
        self.stdout.write("Worker kører: SMS-udbakke og baggrundsopgaver (stop med Ctrl+C)")
        outbox.run()
        tasks_thread.join(timeout=60)
