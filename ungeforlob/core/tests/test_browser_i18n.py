"""English in a real browser: chosen in the footer before logging in, kept through the login, axe-clean."""

import pytest

from ungeforlob.portal.testing import last_code_sent_to
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _choose_english(s) -> None:  # noqa: ANN001
    s.page.select_option("#language-select", "en")
    s.page.get_by_role("button", name="Skift sprog").click()
    s.page.wait_for_load_state()
    assert s.page.locator("html").get_attribute("lang") == "en"


def test_a_young_person_on_a_phone_uses_min_side_in_english(browse, p: Personas) -> None:
    from ungeforlob.notifications.services import youth_notify

    youth_notify(youth=p.youth, kind="kaede_ny", text="Sara Holm er kommet med i din kæde som mentor.")
    s = browse(360)
    s.goto("/min-side/login/")
    _choose_english(s)
    assert s.page.get_by_role("button", name="Change language").is_visible()
    s.page.fill("#id_mobile", p.youth.mobile)
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/kode/")
    s.page.fill("#id_code", last_code_sent_to(p.youth))
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/")
    assert s.page.locator("h1").inner_text().startswith("Hi ")
    assert s.page.get_by_role("heading", name="New for you").is_visible()
    s.screenshot("i18n-portal-home-en")
    assert s.axe_violations() == []

    s.page.get_by_role("button", name="I've seen it").click()
    s.page.wait_for_url("**/min-side/")
    assert s.page.get_by_role("heading", name="New for you").count() == 0
    s.page.get_by_text("Earlier messages", exact=True).click()
    assert s.page.get_by_text("Sara Holm er kommet med i din kæde som mentor.").is_visible()
    s.screenshot("i18n-portal-earlier-en")
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_contact_person_chooses_english_on_the_login_page_and_works_in_english(browse, p: Personas,
                                                                                 width: int) -> None:
    s = browse(width)
    s.goto("/login/")
    _choose_english(s)
    s.page.fill("#id_username", p.contact_person.username)
    s.page.fill("#id_password", PASSWORD)
    s.page.get_by_role("button", name="Log in").click()
    s.page.wait_for_load_state()
    s.goto("/unge/")
    assert s.page.get_by_role("heading", name="My young people").is_visible()
    s.screenshot(f"i18n-caseload-en-{width}")
    assert s.axe_violations() == []
    s.goto(f"/unge/{p.youth.pk}/")
    assert "The circle" in s.page.content()
    s.screenshot(f"i18n-youth-en-{width}")
    assert s.axe_violations() == []
