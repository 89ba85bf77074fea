"""Public pages for tests: Testkommune's is published with its offers feed open; Nabokommune's is written but not
published (so its page and feed answer 404 to everyone)."""

from __future__ import annotations

from ungeforlob.openinfo.models import PublicPage
from ungeforlob.testing import Personas

TEXTS = {
    "intro": "Vi hjælper unge med skole og job.",
    "contact_youth": "Ring til Ungeindsatsen på 70 10 20 30.",
    "contact_parent": "Forældre kan ringe på 70 10 20 31.",
    "contact_professional": "Fagpersoner skriver til ung@testkommune.dk.",
    "procedures_intro": "Vi følger dig, når du starter.",
}


def pages(p: Personas) -> tuple[PublicPage, PublicPage]:
    ours = PublicPage.objects.create(municipality=p.municipality, published=True, hsds_public=True, **TEXTS)
    other = PublicPage.objects.create(municipality=p.other_organisation.municipality, published=False,
                                      hsds_public=True, **TEXTS)
    return ours, other
