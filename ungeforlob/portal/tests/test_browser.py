import pytest

from ungeforlob.core.testing import Personas
from ungeforlob.portal.testing import last_code_sent_to

pytestmark = pytest.mark.browser


def test_a_youth_logs_in_on_a_phone_and_sees_who_has_looked(browse, p: Personas, as_user) -> None:
    as_user(p.colleague).get(f"/unge/{p.youth.pk}/")  # someone has looked
    s = browse(360)
    s.goto("/min-side/login/")
    s.page.fill("#id_mobile", "20 12 34 56")
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/kode/")
    s.screenshot("portal-code")
    s.page.fill("#id_code", last_code_sent_to(p.youth))
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/")
    assert "Hej Josefine" in s.page.locator("h1").inner_text()
    s.screenshot("portal-home")
    assert s.axe_violations() == []

    s.page.get_by_role("link", name="Hvem har kigget").click()
    s.page.wait_for_load_state()
    assert "Jobcenter Ung" in s.page.content()
    s.screenshot("portal-access-log")
    assert s.axe_violations() == []

    s.goto("/min-side/kaede/")
    assert "Kan hjælpe med" in s.page.content()
    s.screenshot("portal-chain")
    assert s.axe_violations() == []

    s.goto("/min-side/mine-data/")
    with s.page.expect_download() as download:
        s.page.get_by_role("link", name="Hent som PDF (til at læse)").click()
    assert download.value.suggested_filename == "mine-data.pdf"
    assert s.console_errors == []
