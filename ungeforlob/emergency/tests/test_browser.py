"""Emergency access in a real browser at desktop and phone width: search, reason, the record under the banner,
and the leader's review."""

from __future__ import annotations

import pytest

from ungeforlob.emergency.tests.factories import enable
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _check(s, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_breaking_the_glass_shows_the_banner_and_reaches_the_leader(browse, p: Personas, width: int) -> None:
    enable(p)
    s = browse(width)
    s.login("udenfor", PASSWORD)
    s.goto("/noedadgang/")
    s.page.fill("#id_q", "Josefine Hansen")
    s.page.get_by_role("button", name="Find den unge").click()
    s.page.wait_for_load_state()
    _check(s, "emergency-search")
    s.page.get_by_role("link", name="Josefine Hansen").click()
    s.page.wait_for_load_state()
    s.page.get_by_label("Den unge er forsvundet eller kan ikke findes").check()
    s.page.fill("#id_explanation", "Politiet ringede: meldt savnet. Kontaktpersonen kan ikke træffes.")
    _check(s, "emergency-reason")
    s.page.get_by_role("button", name="Åbn nødadgang").click()
    s.page.wait_for_load_state()
    assert s.page.get_by_test_id("emergency-banner").is_visible()
    assert "Mette Kjær" in s.page.content()
    _check(s, "emergency-record")
    s.goto("/mine-logins/")
    assert s.page.get_by_test_id("emergency-banner").is_visible()
    _check(s, "logins-mine")

    leader = browse(width)
    leader.login("leder", PASSWORD)
    leader.goto("/noedadgang/gennemgang/")
    assert "Sara Holm" in leader.page.content()
    leader.page.get_by_role("link", name="Afventer gennemgang").click()
    leader.page.wait_for_load_state()
    leader.page.get_by_label("Begrundet", exact=True).check()
    _check(leader, "emergency-review")
    leader.page.get_by_role("button", name="Gem gennemgang").click()
    leader.page.wait_for_load_state()
    assert "Gennemgangen er gemt." in leader.page.content()
