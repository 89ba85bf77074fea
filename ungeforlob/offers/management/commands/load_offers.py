"""Load the inspiration catalogue's interventions (`ungeforlob/offers/data/tilbud.csv`) into a municipality's catalogue."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ungeforlob.accounts.models import Municipality
from ungeforlob.offers import seed, services
from ungeforlob.offers.exchange import clean_row
from ungeforlob.offers.models import Offer


class Command(BaseCommand):
    help = "Indlæs tilbuddene fra tilbud.csv i en kommunes katalog (idempotent: nye tilbud oprettes, intet dobbelt)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--kommune", default="demo", help="Kommunens kode (standard: demo).")
        parser.add_argument("--fil", default="", help="Sti til filen (standard: inspirationskataloget i ungeforlob/offers/data/tilbud.csv).")
        parser.add_argument("--opdater", action="store_true",
                            help="Opdatér også tilbud, der allerede findes (ellers springes de over).")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        path = Path(options["fil"]) if options["fil"] else seed.seed_path()
        if not path.exists():
            self.stdout.write(self.style.WARNING(f"Filen {path} findes ikke – ingen tilbud indlæst."))
            return
        municipality = Municipality.objects.filter(code=options["kommune"]).first()
        if municipality is None:
            raise CommandError(f"Kommunen med koden »{options['kommune']}« findes ikke. Kør seed_demo først.")
        rows = seed.seed_rows(path)
        if not options["opdater"]:
            existing = set(Offer.objects.filter(municipality=municipality).values_list("code", flat=True))
            rows = [(line, row) for line, row in rows if clean_row(row)[0]["code"] not in existing]
        result = services.import_rows_as_system(municipality_id=municipality.pk, rows=rows)
        self.stdout.write(self.style.SUCCESS(
            f"{municipality.name}: {result['created']} tilbud oprettet, {result['updated']} opdateret."
        ))
        for error in result["errors"]:
            self.stdout.write(self.style.WARNING(f"  linje {error['line']}: {error['reason']}"))
