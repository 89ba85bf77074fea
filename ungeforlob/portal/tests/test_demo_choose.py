"""Found in review of issue 17: in Demo Kommune "Vælg din kontaktperson" said "Der er ingen at vælge imellem" —
no professional had a presentation, so a new user never met point 5."""

from __future__ import annotations

from ungeforlob.demo.loader import DEMO_LOADERS
from ungeforlob.portal import demo
from ungeforlob.portal.testing import youth_client
from ungeforlob.testing import Personas


def test_the_demo_gives_young_people_professionals_to_choose_among(p: Personas) -> None:
    assert "ungeforlob.portal.demo.load" in DEMO_LOADERS
    staff = {"kontaktperson": p.contact_person, "kasper": p.colleague, "ahmad": p.outsider}
    demo.load(municipality=p.municipality, staff=staff, orgs={})
    demo.load(municipality=p.municipality, staff=staff, orgs={})  # twice adds nothing twice
    page = youth_client(p.youth).get("/min-side/kontaktperson/").content.decode()
    assert "Der er ingen at vælge imellem" not in page
    assert "Jeg kender alle skolerne i kommunen" in page
