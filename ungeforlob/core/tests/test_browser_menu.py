"""The staff main menu in a real browser: the everyday links in one row, the rest under "Mere"."""

import pytest

from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _rows(menu) -> int:  # noqa: ANN001
    return len({round(box["y"]) for box in (item.bounding_box() for item in
                                            menu.locator(":scope > .container > ul > li").all()) if box})


def test_a_contact_persons_menu_is_one_row_and_mere_opens_and_closes(browse, p: Personas) -> None:
    s = browse(1280)
    s.login("kontaktperson", PASSWORD)
    s.goto("/i-dag/")
    menu = s.page.get_by_role("navigation", name="Hovedmenu")
    assert _rows(menu) == 1  # every everyday link and "Mere" on one line at 1280 px
    more = menu.locator("summary", has_text="Mere")
    offers = menu.get_by_role("link", name="Tilbud")
    assert not offers.is_visible()
    more.click()
    assert offers.is_visible()
    s.screenshot("menu-mere-open")
    s.page.keyboard.press("Escape")
    assert not offers.is_visible()
    assert s.page.evaluate("document.activeElement.tagName") == "SUMMARY"  # focus back on "Mere"
    more.click()
    s.page.mouse.click(1200, 700)  # a click on the page outside the menu closes it
    assert not offers.is_visible()
    assert menu.get_by_role("link", name="I dag", exact=True).get_attribute("aria-current") == "page"
    assert s.axe_violations() == []


def test_on_a_phone_the_closed_menu_leaves_the_page_in_view(browse, p: Personas) -> None:
    s = browse(360)
    s.login("kontaktperson", PASSWORD)
    s.goto("/i-dag/")
    nav = s.page.locator(".app-mainnav")
    assert nav.bounding_box()["height"] < 220  # it was 420 px: the whole screen before the page began
    assert s.page.evaluate("document.documentElement.scrollWidth") <= 360
    nav.locator("summary", has_text="Mere").click()
    assert nav.get_by_role("link", name="Lovende praksis").is_visible()
    s.screenshot("menu-mere-open-phone")
    assert s.axe_violations() == []


def test_a_leaders_menu_is_one_row_with_the_agreements_under_mere(browse, p: Personas) -> None:
    s = browse(1280)
    s.login("leder", PASSWORD)
    s.goto("/ledelse/")
    menu = s.page.get_by_role("navigation", name="Hovedmenu")
    assert _rows(menu) == 1
    assert menu.get_by_role("link", name="Kapacitet").is_visible()
    menu.locator("summary", has_text="Mere").click()
    menu.get_by_role("link", name="Samarbejdsaftaler").click()
    s.page.wait_for_url("**/samarbejdsaftaler/**")
    assert s.page.locator(".app-more-menu > summary").evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
