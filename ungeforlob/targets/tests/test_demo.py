from __future__ import annotations

from ungeforlob.targets import demo
from ungeforlob.targets.models import CaseloadBand, Target
from ungeforlob.testing import Personas


def test_the_demo_sets_targets_for_two_years_and_a_band_once(p: Personas, as_user) -> None:
    for _ in range(2):
        demo.load(municipality=p.municipality, staff={"leder": p.leader}, orgs={})
    assert Target.objects.filter(municipality=p.municipality).count() == len(demo.THIS_YEAR) + len(demo.LAST_YEAR)
    band = CaseloadBand.objects.get(municipality=p.municipality)
    assert (band.low, band.high) == (15, 20)
    assert as_user(p.leader).get("/ledelse/maal/").status_code == 200
