"""In Chromium at 1280 and 360 px: a role name explains itself on hover and on focus and leads to the glossary;
the glossary and a partner's menu."""

from __future__ import annotations

from typing import Any

import pytest

from ungeforlob.accounts.models import Organisation, Sector
from ungeforlob.testing import PASSWORD, Personas, make_user
from ungeforlob.vocabulary import services

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_role_name_explains_itself_on_hover_and_focus_and_links_to_the_glossary(browse: Any, p: Personas,
                                                                                   width: int) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    p.youth.memberships.filter(role="kontaktperson").update(extended=True)  # works as the extended Kontaktperson+
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/kaede/")
    label = s.page.locator("a.vocab-tip-label", has_text="Kontaktperson+").first
    tip = s.page.locator("#" + label.get_attribute("aria-describedby"))
    assert not tip.is_visible()
    label.hover()
    assert tip.is_visible() and "koordinerer den unges forløb" in tip.inner_text()
    s.page.mouse.move(0, 0)
    assert not tip.is_visible()
    label.focus()
    assert tip.is_visible()
    box, viewport = tip.bounding_box(), s.page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]  # never off the screen at 360 px
    s.screenshot("vocabulary-tooltip")
    assert s.axe_violations() == []
    assert s.console_errors == []
    label.click()
    s.page.wait_for_url("**/faelles-sprog/?q=Kontaktperson*")
    assert s.page.locator(".vocab-entry:target .vocab-term").inner_text() == "Kontaktperson+"
    s.screenshot("vocabulary-glossary")
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_leader_edits_a_term_and_partner_staff_see_their_menu(browse: Any, p: Personas, width: int) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/faelles-sprog/?q=kædeansvar")
    s.page.get_by_role("link", name="Ret Kædeansvar").click()
    s.page.get_by_label("Aftalt af").fill("Kædegruppen")
    s.page.get_by_label("Aftalt den").fill("2026-11-02")
    s.page.get_by_role("button", name="Gem begrebet").click()
    s.page.get_by_text("Begrebet er gemt.").wait_for()
    assert "Aftalt af Kædegruppen" in s.page.locator(".vocab-entry:target").inner_text()
    s.screenshot("vocabulary-term-saved")
    assert s.axe_violations() == []
    for path, name in (("/faelles-sprog/roller/", "roles"), ("/faelles-sprog/metoder/", "methods"),
                       ("/faelles-sprog/maalgruppe/", "age"), ("/kaedens-organisationer/", "organisations")):
        s.goto(path)
        s.screenshot(f"vocabulary-{name}")
        assert s.axe_violations() == [], path

    org = Organisation.objects.create(municipality=p.municipality, name="FGU Syd", sector=Sector.FGU)
    make_user("fgularer", p.municipality, org, profession="FGU-lærer", first="Frida")
    partner = browse(width)
    partner.login("fgularer", PASSWORD)
    partner.goto("/faelles-sprog/")
    menu = partner.page.get_by_role("navigation", name="Hovedmenu")
    menu.locator("summary", has_text="Mere").click()  # the whole menu open: what is not there is not hidden
    assert menu.get_by_role("link", name="Fælles sprog").count() == 1
    assert menu.get_by_role("link", name="Henvisninger").count() == 1
    assert menu.get_by_role("link", name="Bekymringer").count() == 0
    assert menu.get_by_role("link", name="Tilbud").count() == 0
    partner.screenshot("vocabulary-partner-menu")
    assert partner.axe_violations() == []
