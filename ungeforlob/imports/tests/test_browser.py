"""In Chromium at 1280 and 360 px: an administrator uploads a caseload file with a bad row, reads the dry run,
confirms, and watches the progress bar while the worker runs the file; every page axe-clean."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.imports import services
from ungeforlob.imports.tests.factories import caseload_file, young_person
from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.youth.models import Youth

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_upload_dry_run_confirm_and_progress(browse: Any, p: Personas, width: int, monkeypatch: Any) -> None:
    monkeypatch.setattr(services, "SYNC_LIMIT", 3)  # so this small file goes to the worker, as a large one would
    s = browse(width)
    s.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()
    s.goto("/import/")
    s.screenshot(f"imports-index-{width}")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Importér unge").click()
    s.page.wait_for_url("**/import/unge/")
    rows = [young_person(600 + i, **({"Mål": "Komme i skole"} if i == 0 else {})) for i in range(6)]
    rows.append(young_person(699, **{"E-mail": "ikke en mail"}))
    s.page.get_by_label("Fil (CSV eller Excel)").set_input_files(
        {"name": "unge.csv", "mimeType": "text/csv", "buffer": caseload_file(rows)})
    s.screenshot(f"imports-upload-{width}")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Kontrollér filen").click()
    s.page.get_by_text("Kontrol (tørkørsel): intet er gemt endnu.").wait_for()
    counts = s.page.locator("#import-counts").inner_text()
    assert "Nye unge, der vil blive oprettet\t6" in counts and "Rækker med fejl (springes over)\t1" in counts
    error = s.page.locator("#import-errors tbody tr").first.inner_text()
    assert error.startswith("8") and "E-mail" in error and "E-mailadressen er ikke gyldig." in error
    assert not Youth.objects.filter(last_name="Importsen").exists()
    s.screenshot(f"imports-dry-run-{width}")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Bekræft og importér").click()
    s.page.get_by_text("Importen er i gang …").wait_for()
    services.imports_advance(chunk=3, seconds=0)
    s.page.get_by_text("3 af 7 rækker (43 %)").wait_for(timeout=15_000)  # htmx polls every two seconds
    s.screenshot(f"imports-progress-{width}")
    assert s.axe_violations() == []
    while services.imports_advance(chunk=3, seconds=0):
        pass
    s.page.get_by_text("Importen er færdig.").wait_for(timeout=15_000)
    assert "Nye unge oprettet\t6" in s.page.locator("#import-counts").inner_text()
    assert Youth.objects.filter(last_name="Importsen").count() == 6
    s.screenshot(f"imports-done-{width}")
    assert s.axe_violations() == []
    assert s.console_errors == []
