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


@pytest.mark.parametrize("width", [1280, 360])
def test_a_registered_cpr_number_becomes_a_request_the_contact_person_answers(browse, p: Personas,
                                                                             width: int) -> None:
    """The asker learns no name; the contact person reads the reason and lets them into the circle."""
    from ungeforlob.chain.models import ChainRole, Membership

    s = browse(width)
    s.login("udenfor", PASSWORD)
    s.goto("/unge/ny/")
    s.page.get_by_label("Fornavn").fill("Josefine")
    s.page.get_by_label("Efternavn").fill("Hansen")
    s.page.get_by_label("CPR-nummer").fill(p.youth.cpr_reveal())
    s.page.get_by_label("Hvis den unge allerede er i Ungeindsatsen").fill("Jeg er hendes nye mentor på FGU")
    s.page.get_by_role("button", name="Opret").click()
    s.page.wait_for_load_state()
    assert "Vi har bedt den unges kontaktperson om at tage stilling" in s.page.content()
    assert p.youth.cpr_masked not in s.page.content()
    s.screenshot("youth-access-request-asked")
    assert s.axe_violations() == []

    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto("/notifikationer/")
    s.page.get_by_role("link", name="Sara Holm beder om at komme med i kæden", exact=False).first.click()
    s.page.wait_for_load_state()
    assert "Jeg er hendes nye mentor på FGU" in s.page.content()
    s.page.get_by_label("Ja, med den rolle jeg vælger").check()
    s.page.get_by_label("Rolle i kæden").select_option(ChainRole.MENTOR)
    s.page.get_by_label("Eller lovgrundlag").select_option("kui")  # Sara is from another sector
    s.screenshot("youth-access-request-answer")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Send svar").click()
    s.page.wait_for_load_state()
    assert Membership.objects.active().filter(youth=p.youth, professional=p.outsider).exists()
