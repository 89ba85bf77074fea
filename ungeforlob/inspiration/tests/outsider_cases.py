from __future__ import annotations

from ungeforlob.inspiration import loader
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

SLUG = "energi-til-hinanden"


def cases(p: Personas) -> list[C]:
    loader.load()  # idempotent: the data migration's rows are gone after a transactional test
    # The library holds no personal data: every professional reads it, in any municipality.
    everyone = ("outsider", "leader", "stranger")
    return [
        C("inspiration:list", "/lovende-praksis/", allowed_for=everyone),
        C("inspiration:detail", f"/lovende-praksis/{SLUG}/", allowed_for=everyone),
        # Making a local offer from it: whoever may manage the municipality's offers (administrators) only.
        C("inspiration:use", f"/lovende-praksis/{SLUG}/brug/", "post"),
    ]
