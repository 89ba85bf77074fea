import pytest

from ungeforlob.offers.tests.factories import make_offer
from ungeforlob.openinfo.tests.factories import pages
from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.transitions.services.procedures import procedure_defaults_install

pytestmark = pytest.mark.browser


def _fits(s) -> bool:  # noqa: ANN001
    return s.page.evaluate("document.documentElement.scrollWidth") <= s.width


@pytest.mark.parametrize("width", [360, 1280])
def test_a_visitor_finds_the_municipalitys_page_from_the_staff_login(browse, p: Personas, width: int) -> None:
    pages(p)
    procedure_defaults_install(actor=p.administrator)
    make_offer(p.municipality, "Klatring med Energi til Hinanden", focus="Vi klatrer sammen hver tirsdag.",
               age_min=15, age_max=25, url="https://example.dk/klatring")
    s = browse(width)
    s.goto("/login/")
    s.page.get_by_role("link", name="Læs om ungeindsatsen i din kommune").click()
    s.page.wait_for_url("**/kommune/")
    s.screenshot("openinfo-index")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Testkommune").click()
    s.page.wait_for_url("**/kommune/test/ungeindsats/")
    s.page.locator("summary", has_text="Den gode uddannelsesstart").first.click()
    assert "Klatring med Energi til Hinanden" in s.page.content()
    assert _fits(s)
    s.screenshot("openinfo-page")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Gå til Min side").first.click()
    s.page.wait_for_url("**/min-side/login/")
    assert s.console_errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_the_leader_edits_the_page(browse, p: Personas, width: int) -> None:
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/kommune/test/ungeindsats/ret/")
    s.page.fill("#id_contact_youth", "Ring til os på 70 10 20 30.")
    s.page.get_by_label("Siden er offentlig").check()
    assert _fits(s)
    s.screenshot("openinfo-edit")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Gem siden").click()
    s.page.wait_for_url("**/ret/")
    assert "Siden er gemt og kan ses af alle." in s.page.content()
    s.goto("/kommune/test/ungeindsats/")
    assert "Ring til os på 70 10 20 30." in s.page.content()
