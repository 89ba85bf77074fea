"""`manage.py backup_drill`: prove a backup restores (a fresh database, every table's rows and checksum)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ungeforlob.core import backup


class Command(BaseCommand):
    help = ("Øvelse: tager en backup (eller bruger --file), gendanner den i en ny database og sammenligner "
            "hver tabels antal rækker og kontrolsum med manifestet. Databasen slettes bagefter.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--file", default="", help="En eksisterende backup (standard: tag en ny nu).")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        try:
            source = Path(file) if file else backup.backup()
            result = backup.drill(source=source)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup: {result.backup}\nGendannet i: {result.database} (slettet igen)\n"
                          f"Tabeller: {result.tables}, rækker: {result.rows:,}")
        if not result.ok:
            raise CommandError("Gendannelsen afviger fra manifestet:\n" + "\n".join(result.differences))
        self.stdout.write("Alle tabeller har samme antal rækker og samme kontrolsum som ved backuppen.")
