"""In Chromium at 1280 and 360 px: search the library of promising practice and read a fact box and profile."""

from __future__ import annotations

from typing import Any

import pytest

from ungeforlob.inspiration import loader
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_professional_searches_the_library_and_reads_a_fact_box(browse: Any, p: Personas, width: int) -> None:
    loader.load()  # a transactional test: the data migration's rows are flushed by earlier ones
    s = browse(width)
    s.login("udenfor", PASSWORD)
    s.goto("/lovende-praksis/")
    assert s.page.locator("h1").inner_text() == "Lovende praksis"
    s.screenshot("inspiration-list")
    assert s.axe_violations() == []
    s.page.get_by_label("Søg i navn, kommune og fokus").fill("Esbjerg")
    s.page.get_by_role("button", name="Søg").click()
    s.page.wait_for_url("**/lovende-praksis/?*")
    s.page.get_by_text("1 praksis fundet").wait_for()
    s.page.get_by_label("Kun med faktaboks").check()
    s.page.get_by_role("button", name="Søg").click()
    s.page.get_by_text("1 praksis fundet").wait_for()
    s.page.get_by_role("link", name="Energi til hinanden").click()
    s.page.wait_for_url("**/lovende-praksis/energi-til-hinanden/")
    assert s.page.get_by_role("heading", name="Faktaboks").is_visible()
    box = s.page.locator(".insp-factbox").inner_text()
    assert "137" in box and "65 %" in box and "155" in box and "12–15" in box
    assert s.page.get_by_role("heading", name="Profil: de 11 elementer i lovende praksis").is_visible()
    assert s.page.locator(".insp-profile > li").count() == 11
    assert s.page.get_by_role("button", name="Brug som inspiration").count() == 0  # not an administrator
    width_used = s.page.evaluate("document.documentElement.scrollWidth")
    assert width_used <= width  # nothing sticks out sideways at 360 px
    s.screenshot("inspiration-detail")
    assert s.axe_violations() == []
    assert s.console_errors == []
