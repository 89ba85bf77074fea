"""The background worker: the SMS outbox loop and the scheduler of periodic jobs, in one process.

The outbox runs in the main thread; the scheduler (heartbeat + `ungeforlob.scheduler.jobs`) in a second one.
SIGTERM or Ctrl+C stops both gracefully (the outbox finishes its batch); a second signal exits at once.
Killing the process outright (SIGKILL) is safe too: a claimed SMS whose worker died is claimed again when its
lease runs out and re-sent with the same idempotency key, which the gateway deduplicates; a job whose run was
cut short runs again at its next turn.
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ungeforlob.messaging.outbox import OutboxWorker
from ungeforlob.scheduler.runner import TICK_SECONDS, scheduler_loop

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the background worker (SMS outbox + periodic jobs) until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", default=socket.gethostname(),
                            help="the name its heartbeat is kept under (default: the host name)")
        parser.add_argument("--tick", type=float, default=TICK_SECONDS,
                            help="seconds between the scheduler's turns (heartbeat and due jobs)")

    def handle(self, *args: Any, **options: Any) -> None:
        outbox = OutboxWorker()
        scheduler = threading.Thread(target=scheduler_loop, name="scheduler", daemon=True,
                                     kwargs={"stopping": outbox.stopping, "name": options["name"],
                                             "tick": options["tick"]})

        def stop(signum: int, frame: object) -> None:
            if outbox.stopping.is_set():
                raise SystemExit(1)  # the second signal: do not wait for the current batch
            log.warning("Worker stopping (%s); finishing the current batch", signal.strsignal(signum))
            outbox.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        scheduler.start()
        self.stdout.write("Worker kører: SMS-udbakke og baggrundsjob (stop med Ctrl+C)")
        outbox.run()
        scheduler.join(timeout=60)
