"""`make run`: the web server and the background worker (SMS outbox, scheduled follow-ups) together."""

from __future__ import annotations

import atexit
import os
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start the development web server and the task worker; stop both with Ctrl+C."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--addr", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        # The autoreloader re-executes this command in a child; only the outer process starts the worker.
        if os.environ.get("RUN_MAIN") != "true":
            worker = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
                [sys.executable, "manage.py", "worker"], cwd=os.getcwd()
            )
            atexit.register(worker.terminate)
            self.stdout.write(f"Ungeforløb kører på http://{options['addr']}:{options['port']}/ (stop med Ctrl+C)")
        call_command("runserver", f"{options['addr']}:{options['port']}")
