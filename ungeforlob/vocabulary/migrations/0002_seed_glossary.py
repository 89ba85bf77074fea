"""Existing municipalities get the model's own terms (the shipped glossary); new ones load them from the
glossary page (»Hent modellens begreber«) and meanwhile see the shipped terms at the labels."""

import json
from pathlib import Path

from django.db import migrations


def seed(apps, schema_editor):
    Municipality = apps.get_model("accounts", "Municipality")
    Term = apps.get_model("vocabulary", "Term")
    terms = json.loads((Path(__file__).resolve().parents[1] / "data" / "terms.json").read_text(encoding="utf-8"))
    for municipality in Municipality.objects.all():
        have = set(Term.objects.filter(municipality=municipality).values_list("key", flat=True))
        Term.objects.bulk_create([
            Term(municipality=municipality, key=t["key"], term=t["term"], meaning=t["meaning"],
                 examples=t.get("examples", ""), agreed_by="Modellens eget begreb (standard)")
            for t in terms if t["key"] not in have
        ])


class Migration(migrations.Migration):
    dependencies = [("vocabulary", "0001_initial"), ("accounts", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
