"""The administrator's dry run and confirmed run in Chromium at 1280 and 360 px, axe-clean; the leader's view."""

from __future__ import annotations

import datetime

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.plans.models import JournalNote
from ungeforlob.retention.models import RetentionRun
from ungeforlob.retention.tests.factories import ended_course
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_the_administrator_sees_the_dry_run_confirms_and_finds_the_run_in_the_history(
        browse, p: Personas, width: int) -> None:
    youth = ended_course(p, ended=datetime.date(2015, 1, 1))
    s = browse(width)
    s.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()
    s.goto("/opbevaring/")
    assert s.page.get_by_role("heading", name="Opbevaring og sletning").is_visible()
    s.screenshot("retention-rules")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Hvad er forfaldent nu").click()
    s.page.wait_for_load_state()
    assert youth.first_name not in s.page.content()
    s.screenshot("retention-dry-run")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Kør reglerne nu …").click()
    s.page.wait_for_load_state()
    assert not RetentionRun.objects.exists()
    s.screenshot("retention-confirm")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Ja, anonymiser og slet nu").click()
    s.page.wait_for_load_state()
    assert "Kørslen er gennemført" in s.page.content()
    assert not JournalNote.objects.filter(youth=youth).exists()
    s.screenshot("retention-history")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Regler").click()
    s.page.get_by_role("link", name="Ret SMS-historik").click()
    s.page.fill("#id_legal_basis", "")
    s.page.get_by_role("button", name="Gem reglen").click()
    s.page.wait_for_load_state()
    assert "Dette felt er påkrævet" in s.page.content() or "påkrævet" in s.page.content()
    s.screenshot("retention-rule-error")
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_leader_reads_the_dry_run_without_names_or_buttons(browse, p: Personas, width: int) -> None:
    youth = ended_course(p, ended=datetime.date(2015, 1, 1))
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/opbevaring/proevekoersel/")
    assert s.page.get_by_role("heading", name="Hvad er forfaldent nu").is_visible()
    assert youth.first_name not in s.page.content() and "Kør reglerne nu" not in s.page.content()
    s.screenshot("retention-dry-run-leader")
    assert s.axe_violations() == []
