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


@pytest.mark.parametrize("width", [1280, 360])
def test_a_contact_person_rates_themselves_and_plans_a_gap_their_leader_sees_it(browse, p: Personas,
                                                                                width: int) -> None:
    from ungeforlob.accounts.models import Team
    from ungeforlob.reflection.models import Competence, DevelopmentItem

    services.defaults_install(actor=p.leader, municipality=p.municipality)
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Kontaktpersonerne")
    team.members.set([p.contact_person, p.colleague])
    first = Competence.objects.filter(municipality=p.municipality).first()

    s = browse(width)
    page = s.page
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/kompetencer/personer/{p.contact_person.pk}/")
    page.get_by_role("link", name="Vurdér mig selv").click()
    page.get_by_label(first.title).select_option("2")
    s.screenshot("reflection-self-rating")
    assert s.axe_violations() == []
    page.get_by_role("button", name="Gem min vurdering").click()
    page.wait_for_load_state()
    page.get_by_text("Tilføj et punkt til udviklingsplanen").click()
    page.get_by_label("Hvad vil du gøre?").fill("Sidemandsoplæring med Kasper")
    page.get_by_label("Hvornår?").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Tilføj punkt").click()
    page.wait_for_load_state()
    s.screenshot("reflection-profile")
    assert s.axe_violations() == []
    assert DevelopmentItem.objects.get().competence == first

    s.goto("/i-dag/")
    assert "Sidemandsoplæring med Kasper" in page.locator("li[data-kind=udviklingsplan]").inner_text()
    s.goto(f"/kompetencer/teams/{team.pk}/")
    s.screenshot("reflection-team")
    assert s.axe_violations() == []

    leader = browse(width)
    leader.login("leder", PASSWORD)
    leader.goto(f"/kompetencer/personer/{p.contact_person.pk}/")
    assert "Sidemandsoplæring med Kasper" in leader.page.content()
    leader.goto("/kompetencer/")
    leader.screenshot("reflection-competences")
    assert leader.axe_violations() == []
    assert s.console_errors == [] and leader.console_errors == []
