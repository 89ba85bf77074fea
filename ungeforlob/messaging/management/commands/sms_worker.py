"""Send the SMS outbox until stopped (SIGTERM/SIGINT finish the current batch), or until nothing is due now."""

from __future__ import annotations

import logging
import signal
from typing import Any

from django.core.management.base import BaseCommand

from ungeforlob.messaging.outbox import OutboxWorker


class Command(BaseCommand):
    help = "Run the SMS outbox worker. `manage.py worker` runs it too, beside the periodic jobs."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--batch-size", type=int, default=50)
        parser.add_argument("--idle-seconds", type=float, default=1.0)
        parser.add_argument("--lease-seconds", type=int, default=None,
                            help="how long a claim holds before another worker may take the message again")
        parser.add_argument("--concurrency", type=int, default=8, help="gateway calls in flight at once")
        parser.add_argument("--until-empty", action="store_true",
                            help="exit when nothing is due now (messages queued for later stay queued)")

    def handle(self, *args: Any, **options: Any) -> None:
        logging.getLogger("ungeforlob.messaging").setLevel(logging.INFO if options["verbosity"] > 1 else logging.WARNING)
        worker = OutboxWorker(batch_size=options["batch_size"], idle_seconds=options["idle_seconds"],
                              lease_seconds=options["lease_seconds"], concurrency=options["concurrency"])

        def stop(signum: int, frame: object) -> None:
            worker.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        worker.run(until_empty=options["until_empty"])
