"""The targets app's sections on /ledelse/: this year's targets in words, the contact rhythm, the band."""

from __future__ import annotations

from django.utils import timezone

from ungeforlob.targets.models import CaseloadBand, Target
from ungeforlob.testing import Personas


def test_the_leader_home_shows_this_years_targets_and_the_chain_in_words(p: Personas, as_user) -> None:
    Target.objects.create(municipality=p.municipality, year=timezone.localdate().year, measure="contact_14_days",
                          direction="gte", value=80)
    CaseloadBand.objects.create(municipality=p.municipality, low=12, high=15)
    page = as_user(p.leader).get("/ledelse/").content.decode()
    assert 'id="maaltal"' in page or "#maaltal" in page
    assert "Unge i forløb med kontakt de seneste 14 dage" in page
    assert "Mindst (≥) 80 %" in page and "Kan ikke vises endnu" in page
    assert "Kontakt de seneste 7 dage" in page
    assert "Kontaktpersoner over spændet 12–15" in page
    assert "/ledelse/kaeden/" in page and "/ledelse/maal/sagsstammer/" in page
