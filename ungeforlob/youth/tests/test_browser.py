import pytest

from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_contact_person_opens_caseload_and_a_youth(browse, p: Personas, width: int) -> None:
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    assert s.page.locator("h1").inner_text() == "I dag"  # the contact person's landing page
    s.page.get_by_role("link", name="Mine unge").click()
    s.page.wait_for_load_state()
    assert s.page.locator("h1").inner_text() == "Mine unge"
    assert s.page.get_by_role("link", name="Josefine Hansen").is_visible()
    s.screenshot("caseload")
    assert s.axe_violations() == []

    s.page.get_by_role("link", name="Josefine Hansen").click()
    s.page.wait_for_load_state()
    assert "Josefine Hansen" in s.page.locator("h1").inner_text()
    assert p.youth.cpr_masked in s.page.content()
    s.screenshot("youth")
    assert s.axe_violations() == []
    assert s.console_errors == []
