"""Delete self-evaluation rounds the young person chose not to keep: a manual trigger of the worker's job
(`self_evaluations_purge_unkept` in scheduler/jobs.py), which is where it runs."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ungeforlob.progression.services import self_evaluation_purge_unkept


class Command(BaseCommand):
    help = "Slet selvevalueringer, som den unge har valgt ikke at gemme (ældre end --minutter)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--minutter", type=int, default=60)

    def handle(self, *args: Any, **options: Any) -> None:
        count = self_evaluation_purge_unkept(older_than=datetime.timedelta(minutes=options["minutter"]))
        self.stdout.write(f"Slettet: {count}")
