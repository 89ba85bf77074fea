"""Moving municipality in a real browser at desktop and phone width: the contact person seals and sends, the
new municipality sees the package, previews it and imports the young person."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.youth.models import Youth

pytestmark = pytest.mark.browser


def _check(s, name: str) -> None:  # type: ignore[no-untyped-def]
    s.screenshot(name)
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_course_is_sent_received_and_imported(browse, p: Personas, width: int) -> None:  # type: ignore[no-untyped-def]
    nabo = p.other_organisation.municipality
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/flytning/")
    s.page.check("input[name=destination][value=kommune]")
    s.page.select_option("#id_receiving_municipality", str(nabo.pk))
    s.page.check("input[name=parts][value=plan]")
    s.page.check("input[name=parts][value=kontakter]")
    s.page.fill("#id_consent_given_on", timezone.localdate().isoformat())
    s.page.fill("#id_consent_how", "Mundtligt på samtale med Mette")
    _check(s, "relocation-send-form")
    s.page.get_by_role("button", name="Forsegl og send flyttepakken").click()
    s.page.wait_for_load_state()
    assert "Forløbet er overdraget til Nabokommune" in s.page.content()
    assert "Hent flyttepakken (fil)" in s.page.content()
    _check(s, "relocation-sent")

    r = browse(width)
    r.login("fremmed", PASSWORD)
    r.goto("/flytninger/")
    assert "Testkommune" in r.page.content() and "Josefine" not in r.page.content()
    _check(r, "relocation-inbox")
    r.goto("/flytninger/modtag-fil/")
    _check(r, "relocation-upload")
    r.goto("/flytninger/")
    r.page.get_by_role("link", name="Se og importér").first.click()
    r.page.wait_for_load_state()
    assert "Josefine Hansen" in r.page.content()
    _check(r, "relocation-preview")
    r.page.get_by_role("button", name="Importér den unge").click()
    r.page.wait_for_load_state()
    assert "Den unge er importeret" in r.page.content()
    moved = Youth.objects.get(municipality=nabo)
    assert r.page.url.endswith(f"/unge/{moved.pk}/")
    _check(r, "relocation-imported")
