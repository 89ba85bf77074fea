"""The log review in a real browser at desktop and phone width: from the sample to a question, its answer and the
report; and the record of processing."""

from __future__ import annotations

import pytest

from ungeforlob.logreview.models import SampledRead
from ungeforlob.logreview.tests.factories import world
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
