"""In Chromium at 1280 and 360 px: find an offer by filters, link it to an activity, import a CSV with a bad row."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.offers import services
from ungeforlob.offers.models import Offer, PracticeAssessment
from ungeforlob.offers.tests.factories import make_activity, make_offer, set_profile_needs
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _catalogue(p: Personas) -> Offer:
    angst = make_offer(p.municipality, "Angstgruppe for unge", sector="sundhed", age_min=15, age_max=22,
                       readiness="kontaktparat vejledningsparat", needs=("angst", "psykisk sårbarhed"), capacity=8,
                       focus="Otte gruppemøder med en psykolog om at mestre angst i hverdagen.",
                       contact_name="Camilla Dahl", address="Sygehusvej 1, 7100 Vejle")
    PracticeAssessment.objects.create(offer=angst, element="virkning", rating=3, evidence="Evalueret 2023: 70 % fastholdt")
    PracticeAssessment.objects.create(offer=angst, element="oekonomi", rating=1, evidence="Ingen opgørelse")
    make_offer(p.municipality, "Virksomhedspraktik", sector="jobcenter", age_min=18, age_max=29,
               readiness="valgparat erhvervsparat", needs=("praktik",), capacity=1, waiting_list=3)
    make_offer(p.municipality, "Brobygning på FGU", sector="fgu", age_min=16, age_max=24, readiness="valgparat")
    return angst


@pytest.mark.parametrize("width", [1280, 360])
def test_a_professional_finds_an_offer_by_filters(browse: Any, p: Personas, width: int) -> None:
    angst = _catalogue(p)
    s = browse(width)
    s.login("udenfor", PASSWORD)
    menu = s.page.get_by_role("navigation", name="Hovedmenu")
    menu.locator("summary", has_text="Mere").click()  # Tilbud is under the menu's "Mere"
    menu.get_by_role("link", name="Tilbud").click()
    s.page.wait_for_load_state()
    assert s.page.locator("h1").inner_text() == "Tilbud"
    s.page.get_by_label("Sektor").select_option("sundhed")
    s.page.get_by_label("Den unges alder").fill("17")
    s.page.get_by_label("Parathedsniveau").select_option("vejledningsparat")
    s.page.get_by_role("button", name="Find tilbud").click()
    s.page.wait_for_url("**/tilbud/?*")
    s.page.get_by_text("1 tilbud fundet").wait_for()
    assert s.page.get_by_role("link", name="Angstgruppe for unge").is_visible()
    assert s.page.get_by_role("link", name="Virksomhedspraktik").count() == 0
    s.screenshot("offers-find")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Angstgruppe for unge").click()
    s.page.wait_for_url(f"**/tilbud/{angst.pk}/")
    assert s.page.get_by_role("heading", name="Lovende praksis").is_visible()
    assert s.page.get_by_text("Evalueret 2023: 70 % fastholdt").is_visible()
    assert s.page.get_by_text("Ingen af de unge, du er i kæden om, bruger tilbuddet.").is_visible()
    s.screenshot("offers-detail")
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_contact_person_links_a_suggested_offer_to_an_activity(browse: Any, p: Personas, width: int) -> None:
    _catalogue(p)
    set_profile_needs(p.youth, "Josefine har angst og undgår skolen.")
    make_activity(p.youth, "Gruppeforløb om angst")
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/")
    s.page.get_by_role("navigation", name="Den unges sider").get_by_role("link", name="Tilbud").click()
    s.page.wait_for_url(f"**/unge/{p.youth.pk}/tilbud/")
    card = s.page.locator(".offers-suggestions > li").first
    assert "Angstgruppe for unge" in card.inner_text()
    assert "Svarer på behov i profilen: angst" in card.inner_text()
    s.screenshot("offers-suggestions")
    assert s.axe_violations() == []
    card.get_by_label("Knyt til aktivitet").select_option(label="Gruppeforløb om angst")
    card.get_by_role("button", name="Knyt til").click()
    s.page.wait_for_load_state()
    assert s.page.get_by_text("er knyttet til Angstgruppe for unge").is_visible()
    linked = s.page.locator("table.offers-table")
    assert "Gruppeforløb om angst" in linked.inner_text() and "Angstgruppe for unge" in linked.inner_text()
    s.screenshot("offers-linked")
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_an_administrator_imports_a_csv_with_a_bad_row(browse: Any, p: Personas, width: int) -> None:
    s = browse(width)
    s.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()
    s.goto("/tilbud/import/")
    s.screenshot("offers-import-form")
    assert s.axe_violations() == []
    rows = "".join(f"Tilbud nr. {i},{15 + i % 10},25\n" for i in range(60))
    csv = ("name,age_min,age_max\nMentorforløb,15,25\nForkert alder,tyve,25\n" + rows).encode()
    s.page.get_by_label("Fil med tilbud (CSV eller Excel)").set_input_files(
        {"name": "katalog.csv", "mimeType": "text/csv", "buffer": csv})
    s.page.get_by_role("button", name="Importér").click()
    s.page.get_by_text("Importen kører i baggrunden").wait_for()
    # The worker imports (here: its job, run by the test); the page polls until it sees the import done.
    while services.offer_imports_advance():
        pass
    s.page.get_by_text("Importen er færdig.").wait_for(timeout=30_000)
    assert s.page.get_by_text("61 tilbud oprettet og 0 opdateret.").is_visible()
    errors = s.page.locator("#import-errors tbody tr")
    assert errors.count() == 1
    assert errors.first.inner_text().startswith("3")
    assert "Alder fra skal være et helt tal (fik »tyve«)" in errors.first.inner_text()
    s.screenshot("offers-import-result")
    assert s.axe_violations() == []
    assert Offer.objects.filter(municipality=p.municipality).count() == 61
    # The administrator's other pages: the offer form and the promising-practice assessment.
    s.goto("/tilbud/nyt/")
    s.page.get_by_label("Navn", exact=True).fill("Mentorforløb")
    s.page.get_by_label("Kontaktparat").check()
    s.page.get_by_role("button", name="Gem").click()
    s.page.wait_for_load_state()
    assert "findes allerede" in s.page.content()
    s.screenshot("offers-form-error")
    assert s.axe_violations() == []
    mentor = Offer.objects.get(name="Mentorforløb")
    s.goto(f"/tilbud/{mentor.pk}/lovende-praksis/")
    s.page.get_by_label("Vurdering af Virkning").select_option("3")
    s.page.get_by_label("Dokumentation for Virkning").fill("Evaluering 2024: 60 % i uddannelse")
    s.screenshot("offers-assessment")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Gem vurdering").click()
    s.page.wait_for_url(f"**/tilbud/{mentor.pk}/")
    assert s.page.get_by_text("Evaluering 2024: 60 % i uddannelse").is_visible()
    assert s.console_errors == []
