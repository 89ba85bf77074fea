import pytest

from ungeforlob.plans.models import Activity, Evaluation, Goal, SubGoal
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_contact_person_builds_a_plan_with_the_youth_from_scratch(browse, p: Personas, width: int) -> None:
    s = browse(width)
    page = s.page
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/plan/")
    # One drawing for wide screens, one stacked for phones; only the one that fits is shown (and read).
    layout = "narrow" if width < 600 else "wide"
    assert page.locator(f"svg.plans-figure-{layout}[role=img]").is_visible()
    assert page.locator("svg.plans-figure:visible").count() == 1
    s.screenshot("plans-empty")
    assert s.axe_violations() == []

    page.get_by_role("link", name="Skriv det første mål").click()
    page.get_by_label("Målet – med den unges egne ord").fill("Jeg vil være frisør")
    page.locator("#id_written_by_0").check()
    s.screenshot("plans-goal-form")
    assert s.axe_violations() == []
    page.get_by_role("button", name="Gem mål").click()
    page.wait_for_load_state()
    assert page.locator(f"svg.plans-figure-{layout} desc").text_content().endswith("Mål 1: Jeg vil være frisør.")

    page.get_by_role("link", name="Nyt delmål under mål 1").click()
    page.get_by_label("Delmål").fill("Komme i praktik i en salon")
    page.get_by_label("Sådan ved vi, at det er nået").fill("Jeg har en praktikaftale")
    page.get_by_label("Hvornår vil vi gerne have nået det").fill("2030-03-01")
    page.get_by_role("button", name="Gem delmål").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Ny aktivitet til Komme i praktik i en salon").click()
    page.get_by_label("Aktivitet", exact=True).fill("Ringe til tre saloner")
    page.get_by_label("Hvorfor hjælper det på delmålet?").fill("Så jeg kan finde en praktikplads")
    page.locator("#id_methods_0").check()
    s.screenshot("plans-activity-form")
    assert s.axe_violations() == []
    page.get_by_role("button", name="Gem aktivitet").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Evaluer Komme i praktik i en salon").click()
    page.locator("#id_closeness_2").check()
    page.get_by_label("Det gik godt").fill("Jeg ringede til to")
    page.get_by_label("Næste skridt").fill("Ringe til den sidste")
    page.get_by_role("button", name="Gem evaluering").click()
    page.wait_for_load_state()

    assert "Seneste: 3 af 5" in page.content()
    assert page.locator(".plans-activity-title strong").inner_text() == "Ringe til tre saloner"
    assert page.locator(".plans-tags li").first.inner_text() == "Karrierelæring: at opdage"
    s.screenshot("plans-built")
    assert s.axe_violations() == []
    assert s.console_errors == []
    goal = Goal.objects.get(youth=p.youth)
    assert goal.written_by == "ung"
    assert SubGoal.objects.filter(goal=goal).count() == 1
    assert Activity.objects.filter(subgoal__goal=goal, methods=["kl_opdage"]).count() == 1
    assert Evaluation.objects.get(youth=p.youth).closeness == 3


@pytest.mark.parametrize("width", [1280, 360])
def test_the_other_plan_pages_are_accessible(browse, p: Personas, width: int) -> None:
    from django.utils import timezone

    from ungeforlob.plans import services
    from ungeforlob.plans.tests.factories import build_plan

    services.profile_update(youth=p.youth, actor=p.contact_person, version=1, own_story="Jeg vil gerne videre.",
                            professional_description="Stabil i FGU.", motivation_mastery="Vil se fremskridt.")
    services.note_create(youth=p.youth, actor=p.contact_person, text="Vi talte om praktik.")
    meeting = services.meeting_create(youth=p.youth, actor=p.contact_person, held_on=timezone.localdate(),
                                      keep_open=True, participants=[p.contact_person])
    goal = build_plan(p.youth, p.contact_person, goals=2, subgoals=2, evaluations=4)[0]
    services.meeting_close(youth=p.youth, meeting=meeting, actor=p.contact_person, agreed="To mål.")
    services.goal_update(youth=p.youth, goal=goal, actor=p.colleague, version=goal.version, text="Nyt ord",
                         written_by="sammen", change_reason="Hun ville sige det anderledes")
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    for path, name in [("profil/", "plans-profile"), ("profil/ret/", "plans-profile-edit"),
                       ("notater/", "plans-notes"), ("plan/del/", "plans-share"), ("plan/moeder/nyt/", "plans-meeting"),
                       (f"plan/moeder/{meeting.pk}/", "plans-meeting-detail"), ("plan/historik/", "plans-history"),
                       ("plan/", "plans-plan-with-progress"), ("", "plans-overview-card")]:
        s.goto(f"/unge/{p.youth.pk}/{path}")
        s.screenshot(name)
        assert s.axe_violations() == [], path
    assert s.console_errors == []
