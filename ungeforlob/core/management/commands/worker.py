"""The background worker: Django's task worker (database backend) for queued tasks."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background worker until stopped."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        call_command("db_worker")
