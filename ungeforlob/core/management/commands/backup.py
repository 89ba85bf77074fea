"""`manage.py backup`: an encrypted pg_dump of the database with its manifest (ungeforlob/core/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ungeforlob.core import backup


class Command(BaseCommand):
    help = "Tager en krypteret backup af PostgreSQL-databasen (pg_dump, custom format, gpg AES-256) med manifest."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", default="", help="Filen (standard: BACKUP_DIR/ungeforlob-<tid>.dump.gpg).")

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        try:
            path = backup.backup(output=Path(output) if output else None)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup skrevet: {path} ({path.stat().st_size:,} bytes) og {backup.manifest_path(path).name}")
