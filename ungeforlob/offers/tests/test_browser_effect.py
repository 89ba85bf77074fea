"""In Chromium at 1280 and 360 px: a leader reads a live fact box; an administrator records a round of the
fidelity checklist and sees it in the method page's history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.offers.models import CostUnit, EvaluationEntry, FidelityItem, OfferMethod
from ungeforlob.offers.tests.test_factbox import make_fixture
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_leader_reads_the_fact_box_of_an_offer(browse: Any, p: Personas, width: int) -> None:
    offer = make_fixture(p)
    OfferMethod.objects.create(offer=offer, advisers=Decimal("2.0"), target_served=12, target_education_share=50,
                               target_median_days=150, target_retention_3=75, target_per_adviser=Decimal(12))
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto(f"/tilbud/{offer.pk}/faktaboks/")
    s.page.get_by_label("Fra").fill("2026-01-01")
    s.page.get_by_label("Til").fill("2026-12-31")
    s.page.get_by_role("button", name="Vis periode").click()
    s.page.wait_for_url("**/faktaboks/?*")
    table = s.page.get_by_role("table")
    assert "Faktaboks for 1. januar 2026 – 31. december 2026" in table.inner_text()
    row = s.page.get_by_role("row", name="Afsluttet til uddannelse")
    assert "56 %" in row.inner_text() and "50 %" in row.inner_text()
    assert "færre end 5" in s.page.get_by_role("row", name="Afsluttet til job").inner_text()
    assert s.page.get_by_role("heading", name="Sådan regnes tallene").is_visible()
    assert s.page.get_by_role("button", name="Udskriv").is_visible()
    s.screenshot("offers-factbox")
    assert s.axe_violations() == []
    assert s.console_errors == []
    # Printed: the fact box and its definitions, without the menus, the period form or the buttons.
    s.page.emulate_media(media="print")
    assert s.page.locator(".app-header").is_hidden() and s.page.locator(".app-mainnav").is_hidden()
    assert s.page.get_by_role("button", name="Vis periode").is_hidden()
    assert s.page.get_by_role("button", name="Udskriv").is_hidden()
    assert table.is_visible() and s.page.get_by_role("heading", name="Sådan regnes tallene").is_visible()


@pytest.mark.parametrize("width", [1280, 360])
def test_an_administrator_records_a_fidelity_round(browse: Any, p: Personas, width: int) -> None:
    offer = make_fixture(p)
    OfferMethod.objects.create(
        offer=offer, method="En fast ungeguide følger den unge før og efter overgangen.", change="Den unge bliver "
        "på uddannelsen.", change_signs="Færre afbrud de første tre måneder.", advisers=Decimal(2),
        cost_amount=Decimal(20000), cost_unit=CostUnit.PER_COURSE)
    FidelityItem.objects.create(offer=offer, text="Samme guide hele forløbet", position=1)
    FidelityItem.objects.create(offer=offer, text="Kontakt dagen før første skoledag", position=2)
    EvaluationEntry.objects.create(offer=offer, entry_date="2026-02-01", text="Flere falder fra i uge 3–6.")
    s = browse(width)
    s.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()
    s.goto(f"/tilbud/{offer.pk}/metode/")
    s.page.get_by_role("link", name="Ny gennemgang").click()
    s.page.wait_for_url("**/runde/")
    s.page.get_by_role("group", name="Samme guide hele forløbet").get_by_label("Ja").check()
    s.page.get_by_role("button", name="Gem gennemgang").click()
    s.page.wait_for_load_state()
    assert "Svar ja, delvist eller nej." in s.page.content()
    s.screenshot("offers-fidelity-error")
    assert s.axe_violations() == []
    s.page.get_by_role("group", name="Kontakt dagen før første skoledag").get_by_label("Delvist").check()
    s.page.get_by_role("group", name="Kontakt dagen før første skoledag").get_by_label("Kommentar").fill(
        "Ikke i juleferien")
    s.page.get_by_role("button", name="Gem gennemgang").click()
    s.page.wait_for_url(f"**/tilbud/{offer.pk}/metode/")
    assert s.page.get_by_text("Ikke i juleferien").is_visible()
    assert s.page.get_by_text("Flere falder fra i uge 3–6.").is_visible()
    s.goto(f"/tilbud/{offer.pk}/metode/?fra=2026-01-01&til=2026-12-31")
    assert "25.714 kr." in s.page.get_by_role("row", name="Pris pr. godt udfald (uddannelse eller job)").inner_text()
    s.screenshot("offers-method")
    assert s.axe_violations() == []
    assert s.console_errors == []
