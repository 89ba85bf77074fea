"""Send the webhook outbox until stopped (SIGTERM/SIGINT finish the current delivery), or until nothing is due."""

from __future__ import annotations

import logging
import signal
from typing import Any

from django.core.management.base import BaseCommand

from ungeforlob.webhooks.outbox import WebhookWorker


class Command(BaseCommand):
    help = "Run the webhook delivery worker. `manage.py worker` also sends due deliveries as a periodic job."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--batch-size", type=int, default=20)
        parser.add_argument("--idle-seconds", type=float, default=1.0)
        parser.add_argument("--lease-seconds", type=int, default=None,
                            help="how long a claim holds before another worker may take the delivery again")
        parser.add_argument("--until-empty", action="store_true", help="exit when nothing is due now")

    def handle(self, *args: Any, **options: Any) -> None:
        logging.getLogger("ungeforlob.webhooks").setLevel(logging.INFO if options["verbosity"] > 1 else logging.WARNING)
        worker = WebhookWorker(batch_size=options["batch_size"], idle_seconds=options["idle_seconds"],
                               lease=options["lease_seconds"])

        def stop(signum: int, frame: object) -> None:
            worker.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        worker.run(until_empty=options["until_empty"])
