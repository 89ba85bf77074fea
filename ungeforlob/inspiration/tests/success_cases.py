"""Every inspiration URL for its rightful user: reading for every professional, "Brug som inspiration" for
administrators (a valid POST makes the draft offer linked to the practice)."""

from __future__ import annotations

from ungeforlob.inspiration import loader
from ungeforlob.inspiration.models import PracticeUse
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S

SLUG = "energi-til-hinanden"


def cases(p: Personas) -> list[S]:
    loader.load()  # idempotent: the data migration's rows are gone after a transactional test
    return [
        S("inspiration:list", "/lovende-praksis/", who="outsider", contains="Energi til hinanden"),
        S("inspiration:detail", f"/lovende-praksis/{SLUG}/", who="outsider", contains="155"),
        S("inspiration:use", f"/lovende-praksis/{SLUG}/brug/", who="administrator", contains="Lav kladden"),
        S("inspiration:use", f"/lovende-praksis/{SLUG}/brug/", "post", who="administrator",
          effect=lambda r: PracticeUse.objects.filter(practice__slug=SLUG, municipality=p.municipality,
                                                      offer__is_active=False).exists()),
    ]
