"""In Chromium at 1280 and 360 px: the administrator registers a system and sees its token once; the API's
documentation page runs Swagger UI under the strict CSP (no console errors: a CSP refusal is one)."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _login_admin(s: Any, p: Personas) -> None:
    s.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_administrator_registers_a_system_and_sees_its_token_once(browse: Any, p: Personas,
                                                                      width: int) -> None:
    s = browse(width)
    _login_admin(s, p)
    s.goto("/integrationer/")
    assert s.page.get_by_text("Der er ingen systemer med adgang til API'et endnu.").is_visible()
    s.screenshot("integrations-empty")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Nyt system").click()
    s.page.get_by_label("Systemets navn").fill("Byskolens elevsystem")
    s.page.get_by_label("Organisation").select_option(label="Ungeindsatsen")
    s.page.get_by_label("Læse unge (liste og stamdata)").check()
    s.page.get_by_label("Læse planer").check()
    s.screenshot("integrations-form")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Opret og vis token").click()
    s.page.wait_for_load_state()
    token = s.page.locator(".integrations-token").inner_text()
    assert token.startswith("ugf_")
    s.screenshot("integrations-token")
    assert s.axe_violations() == []
    s.page.reload()
    assert s.page.locator(".integrations-token").count() == 0
    s.goto("/integrationer/")
    assert s.page.get_by_role("link", name="Byskolens elevsystem").is_visible()
    s.screenshot("integrations-list")
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_api_documentation_runs_under_the_strict_csp(browse: Any, p: Personas, width: int) -> None:
    s = browse(width)
    s.goto("/api/v1/docs")
    s.page.get_by_text("/api/v1/youth", exact=True).first.wait_for(timeout=20_000)
    assert s.page.get_by_role("heading", name="Ungeforløb API").first.is_visible()
    s.screenshot("integrations-api-docs")
    assert s.console_errors == []
