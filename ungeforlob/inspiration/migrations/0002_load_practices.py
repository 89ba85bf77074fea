"""Load the library of promising practice from the app's data file (see inspiration/loader.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from ungeforlob.inspiration import loader

    loader.load(apps.get_model("inspiration", "Practice"))


class Migration(migrations.Migration):
    dependencies = [("inspiration", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
