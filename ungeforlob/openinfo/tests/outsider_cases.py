from __future__ import annotations

from ungeforlob.openinfo.tests.factories import TEXTS, pages
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

EVERYONE = ("outsider", "leader", "stranger")


def cases(p: Personas) -> list[C]:
    _ours, other = pages(p)
    code = p.municipality.code
    other_code = other.municipality.code
    return [
        # Public by design (no login, no personal data): the list of municipalities whose page is published.
        C("openinfo:index", "/kommune/", allowed_for=EVERYONE),
        # A page that is not published, and its feed, answer 404 to everyone, logged in or not.
        C("openinfo:page", f"/kommune/{other_code}/ungeindsats/"),
        C("openinfo:hsds", f"/kommune/{other_code}/ungeindsats/tilbud.json"),
        # The edit form: the municipality's own leaders and administrators only.
        C("openinfo:edit", f"/kommune/{code}/ungeindsats/ret/", refused_statuses=(403,), allowed_for=("leader",)),
        C("openinfo:edit", f"/kommune/{code}/ungeindsats/ret/", "post", {**TEXTS, "published": "on", "version": "1"},
          refused_statuses=(403,), allowed_for=("leader",)),
    ]
