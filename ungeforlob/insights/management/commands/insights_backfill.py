"""Write the quarterly snapshot for the last N quarters (all municipalities, or one by its code)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ungeforlob.accounts.models import Municipality
from ungeforlob.insights.quarters import quarters_back
from ungeforlob.insights.snapshots import KEEP_QUARTERS, snapshots_write


class Command(BaseCommand):
    help = "Beregner kvartalsopgørelsen til ledelsestallene for de seneste kvartaler."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quarters", type=int, default=KEEP_QUARTERS)
        parser.add_argument("--municipality", default="", help="Kommunens kode (tom: alle).")

    def handle(self, *args: Any, quarters: int, municipality: str, **options: Any) -> None:
        if not 1 <= quarters <= 40:
            raise CommandError("--quarters skal være mellem 1 og 40.")
        target = None
        if municipality:
            target = Municipality.objects.filter(code=municipality).first()
            if target is None:
                raise CommandError(f"Ingen kommune med koden {municipality!r}.")
        rows = snapshots_write(quarters=quarters_back(timezone.localdate(), quarters), municipality=target)
        self.stdout.write(f"{rows} rækker skrevet.")
