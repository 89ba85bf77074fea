"""`make run`: the development web server and the background worker together; a worker that dies is started
again (see `ungeforlob.scheduler.supervisor`)."""

from __future__ import annotations

import atexit
import os
import sys
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from ungeforlob.scheduler.supervisor import supervise


def worker_command() -> list[str]:
    return [sys.executable, "manage.py", "worker"]


class Command(BaseCommand):
    help = "Start the development web server and the worker (restarted if it dies); stop both with Ctrl+C."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args: object, **options: str) -> None:
        # The autoreloader re-executes this command in a child; only the outer process runs the worker.
        if os.environ.get("RUN_MAIN") != "true":
            stopping = threading.Event()
            supervisor = threading.Thread(target=supervise, name="worker-supervisor", daemon=True,
                                          args=(worker_command(),), kwargs={"stopping": stopping, "cwd": os.getcwd()})

            def stop_worker() -> None:
                stopping.set()
                supervisor.join(timeout=15)

            supervisor.start()
            atexit.register(stop_worker)
            self.stdout.write(f"Ungeforløb kører på http://{options['addr']}:{options['port']}/ (stop med Ctrl+C)")
        call_command("runserver", f"{options['addr']}:{options['port']}")
