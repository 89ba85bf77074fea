"""`manage.py restore FILE`: decrypt a backup and restore it into the configured database (or --database)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ungeforlob.core import backup


class Command(BaseCommand):
    help = "Gendanner en krypteret backup (fra `manage.py backup`) i databasen. Databasens indhold erstattes."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", nargs="?", default="", help="Backupfilen (standard: den nyeste i BACKUP_DIR).")
        parser.add_argument("--database", default="", help="Databasens navn på samme server (standard: DATABASE_URL's).")
        parser.add_argument("--yes", action="store_true", help="Bekræft at databasens indhold må erstattes.")

    def handle(self, *args: Any, file: str, database: str, yes: bool, **options: Any) -> None:
        target = database or settings.DATABASES["default"]["NAME"]
        if not yes:
            raise CommandError(f"Gendannelsen erstatter indholdet af databasen {target!r}. Kør igen med --yes.")
        try:
            source = Path(file) if file else backup.newest()
            backup.restore(source=source, dbname=target)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Gendannet: {source} → {target}")
