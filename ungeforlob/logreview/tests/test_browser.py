"""The log review in a real browser at desktop and phone width: from the sample to a question, its answer and the
report; and the record of processing."""

from __future__ import annotations

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.logreview.models import SampledRead
from ungeforlob.logreview.tests.factories import dpo, world
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _check(s, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_officer_reviews_a_read_asks_the_person_and_sees_the_answer(browse, p: Personas, width: int) -> None:
    w = world(p)
    s = browse(width)
    s.login("dpo", PASSWORD)
    # The data protection officer uses two factors, like an administrator.
    device = TOTPDevice.objects.get(user=dpo(p))
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()
    assert "/logkontrol/" in s.page.url  # the officer lands on the log review
    s.goto("/logkontrol/")
    _check(s, "logreview-index")
    s.page.locator(f"a[href='/logkontrol/stikproeve/{w.sample.pk}/']").click()
    s.page.wait_for_load_state()
    assert "Jonas Friis" in s.page.content()
    _check(s, "logreview-sample")
    s.page.get_by_role("link", name="Vurdér").first.click()
    s.page.wait_for_load_state()
    assert "Fuldt CPR-nummer vist" in s.page.content()
    s.page.get_by_label("Spørg medarbejderen").check()
    s.page.fill("#id_note", "Hvorfor så du CPR-nummeret kl. 22?")
    _check(s, "logreview-review")
    s.page.get_by_role("button", name="Gem vurdering").click()
    s.page.wait_for_load_state()
    assert "Vurderingen er gemt" in s.page.content()
    assert SampledRead.objects.get(pk=w.open_row.pk).question == "Hvorfor så du CPR-nummeret kl. 22?"

    person = browse(width)
    person.login("kollega", PASSWORD)
    person.goto(f"/logkontrol/spoergsmaal/{w.open_row.pk}/")
    assert "Hvorfor så du CPR-nummeret kl. 22?" in person.page.content()
    person.page.fill("#id_answer", "Skolen ringede efter lukketid og skulle bruge hendes CPR-nummer.")
    _check(person, "logreview-answer")
    person.page.get_by_role("button", name="Send svar").click()
    person.page.wait_for_load_state()
    assert "Dit svar er sendt" in person.page.content()

    s.goto(f"/logkontrol/opslag/{w.open_row.pk}/")
    assert "Skolen ringede efter lukketid" in s.page.content()
    _check(s, "logreview-answered")
    s.goto("/logkontrol/rapport/")
    _check(s, "logreview-report")
    s.goto("/logkontrol/udtraek/")
    _check(s, "logreview-export")
    s.goto("/behandlingsfortegnelse/")
    assert "Behandlingsaktiviteter" in s.page.content()
    _check(s, "processing-record")
