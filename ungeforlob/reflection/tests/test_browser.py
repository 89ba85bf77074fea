from __future__ import annotations

import pytest
from django.utils import timezone

from ungeforlob.reflection import services
from ungeforlob.reflection.models import AgreedAction, Answer, Element, Rating
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_reflection_from_the_first_answer_to_the_action_on_the_owners_i_dag(browse, p: Personas,
                                                                               width: int) -> None:
    services.defaults_install(actor=p.leader, municipality=p.municipality)
    group = services.group_create(actor=p.leader, name="Kædegruppen", kind="chain",
                                  members=[p.contact_person, p.colleague])
    first = Element.objects.get(municipality=p.municipality, key="meddesign")
    question = first.questions.first()
    today = timezone.localdate()

    s = browse(width)
    page = s.page
    s.login("kontaktperson", PASSWORD)
    s.goto("/modellen/")
    assert page.get_by_role("heading", name="Den unges meddesign").is_visible()
    s.screenshot("reflection-model")
    assert s.axe_violations() == []

    page.get_by_role("link", name="Kædegruppen").click()
    page.get_by_text("Ny refleksion").click()
    page.get_by_label("Overskrift").fill("Første gennemgang")
    page.get_by_role("button", name="Start refleksionen").click()
    page.wait_for_load_state()

    page.get_by_label(question.text).fill("Vi spørger den unge først, ved hvert møde.")
    page.get_by_label("Hvor langt er vi med „Den unges meddesign“?").select_option("3")
    s.screenshot("reflection-edit")
    assert s.axe_violations() == []
    page.get_by_role("button", name="Gem refleksionen").click()
    page.wait_for_load_state()
    assert "Refleksionen er gemt." in page.content()

    page.get_by_text("Tilføj en handling").click()
    page.get_by_label("Hvad har I aftalt?").fill("Ny dagsorden for opfølgningsmøder")
    page.get_by_label("Ansvarlig").select_option(label=p.colleague.get_full_name())
    page.get_by_label("Senest").fill(today.isoformat())
    page.get_by_role("button", name="Tilføj handling").click()
    page.wait_for_load_state()
    s.screenshot("reflection-detail")
    assert s.axe_violations() == []

    s.goto(f"/modellen/grupper/{group.pk}/")
    assert page.locator("svg.rf-chart rect").count() == 1
    s.screenshot("reflection-group")
    assert s.axe_violations() == []
    assert s.console_errors == []

    assert Answer.objects.filter(question=question).count() == 1
    assert Rating.objects.get(element=first).level == 3
    action = AgreedAction.objects.get()
    assert action.owner == p.colleague

    owner = browse(width)
    owner.login("kollega", PASSWORD)
    owner.goto("/i-dag/")
    item = owner.page.locator("li[data-kind=handling]")
    assert item.count() == 1 and "Ny dagsorden for opfølgningsmøder" in item.inner_text()
    owner.screenshot("reflection-i-dag")
    assert owner.axe_violations() == []
    item.get_by_role("link", name="Ny dagsorden for opfølgningsmøder", exact=True).click()
    owner.page.wait_for_load_state()
    owner.page.get_by_role("button", name="Markér som udført").click()
    owner.page.wait_for_load_state()
    action.refresh_from_db()
    assert action.done_at is not None
