"""End to end in Chromium at desktop and phone width: a team assessment, and a self-evaluation round (kept,
then one not kept that is printed to PDF and discarded). Screenshots of the step chart and the radar."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ungeforlob.progression import services
from ungeforlob.progression.models import AssessmentVersion, RoundStatus, SelfEvaluationRound, YouthPlacement
from ungeforlob.progression.questionnaire import DIMENSION_ORDER, statements_for
from ungeforlob.progression.tests.factories import assess, days_ago
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts"


@pytest.mark.parametrize("width", [1280, 360])
def test_a_team_assessment_end_to_end(browse, p: Personas, width: int) -> None:
    # A non-linear history first: a leap, a detour back, an overlap and the youth's own placements.
    assess(p.youth, p.contact_person, level="kontaktparat", on=days_ago(330), placement="vejledningsparat",
           words="Jeg kommer jo")
    assess(p.youth, p.contact_person, level="valgparat", on=days_ago(240))
    assess(p.youth, p.contact_person, level="vejledningsparat", on=days_ago(150), overlap="valgparat",
           placement="valgparat", words="Jeg er videre end I tror")
    indicator = services.indicator_set_current(municipality=p.municipality).indicators.get(
        text__startswith="kan nævne 1–3")

    s = browse(width)
    page = s.page
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/")
    page.get_by_role("link", name="Progression", exact=True).first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Ny teamvurdering").click()
    page.wait_for_load_state()
    page.get_by_label("Dato for vurderingen").fill(days_ago(2).isoformat())
    page.get_by_label("Niveau", exact=True).select_option("uddannelsesparat")
    page.get_by_label("Overlapper med").select_option("valgparat")
    page.locator(f"label[for=id_ind_{indicator.pk}]").click()
    page.locator(f"#id_evidence_{indicator.pk}").fill("Nævnte tømrer, murer og VVS")
    page.locator("label[for=id_youth_took_part]").click()
    page.get_by_label("Teamets begrundelse").fill("Stabilt fremmøde på FGU; valget har holdt.")
    page.locator("label[for=id_youth_placement_level_4]").click()
    page.get_by_label("Den unges egne ord").fill("Jeg er klar til et job")
    s.screenshot("progression-assessment-form")
    assert s.axe_violations() == []
    page.get_by_role("button", name="Gem vurderingen").click()
    page.wait_for_load_state()

    assert "Vurderingen er gemt." in page.content()
    chart = page.locator("svg.prog-stepchart[role=img]:visible")
    assert chart.count() == 1  # the wide or the narrow drawing, never both
    desc = chart.locator("desc").text_content()
    assert "2 spring" in desc and "1 omvej tilbage" in desc and "2 perioder med overlap" in desc
    assert page.get_by_role("cell", name="Spring 2 niveauer frem").count() == 2
    s.screenshot("progression-stepchart")
    assert s.axe_violations() == []
    assert s.console_errors == []
    latest = AssessmentVersion.objects.filter(is_current=True).order_by("-assessed_on").first()
    assert (latest.level, latest.overlap_level, latest.youth_took_part) == ("uddannelsesparat", "valgparat", True)
    assert latest.observations.get().evidence == "Nævnte tømrer, murer og VVS"
    assert YouthPlacement.objects.filter(level="erhvervsparat", own_words="Jeg er klar til et job").exists()

    page.get_by_role("link", name="Her er du på vej").click()
    page.wait_for_load_state()
    assert page.locator(".prog-stone-here").inner_text().startswith("Du er klar til skole eller uddannelse")
    s.screenshot("progression-journey")
    assert s.axe_violations() == []


def _answer_round(s, page, youth_pk: int, *, values: dict[str, int]) -> None:
    for i, dimension in enumerate(DIMENSION_ORDER):
        assert page.locator("h2").first.inner_text().startswith(f"Tema {i + 1} af 6")
        for j, statement in enumerate(statements_for(dimension)):
            choice = 5 if j == 3 and dimension == "robusthed" else values[dimension] - 1  # index 5 is "ved ikke"
            page.locator(f"label[for=id_s_{statement.key}_{choice}]").click()
        if dimension == "maal":
            page.get_by_label("Hvad vil du gerne blive bedre til her?").fill("Finde en læreplads")
        if i == 0 and s.width == 360:
            s.screenshot("selfeval-question")
            assert s.axe_violations() == []
        page.get_by_role("button", name="Gem og se profilbilledet" if i == 5 else "Gem og gå videre").click()
        page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 360])
def test_a_self_evaluation_round_end_to_end(browse, p: Personas, width: int) -> None:
    s = browse(width)
    page = s.page
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/selvevaluering/")
    assert "Der er ingen gemte runder" in page.content()
    assert s.axe_violations() == []

    page.get_by_role("button", name="Start en ny runde").click()
    page.wait_for_load_state()
    _answer_round(s, page, p.youth.pk, values={"motivation": 2, "maal": 2, "fleksibilitet": 3, "robusthed": 2,
                                               "sociale_normer": 3, "faglighed": 2})
    page.locator("label[for=id_keep_0]").click()
    page.get_by_role("button", name="Afslut runden").click()
    page.wait_for_load_state()
    first = SelfEvaluationRound.objects.get()
    assert first.status == RoundStatus.KEPT
    SelfEvaluationRound.objects.filter(pk=first.pk).update(started_at=first.started_at.replace(year=first.started_at.year - 1))

    # A second round, months later: the radar shows it over the first one.
    s.goto(f"/unge/{p.youth.pk}/selvevaluering/")
    page.get_by_role("button", name="Start en ny runde").click()
    page.wait_for_load_state()
    _answer_round(s, page, p.youth.pk, values={"motivation": 4, "maal": 3, "fleksibilitet": 4, "robusthed": 3,
                                               "sociale_normer": 5, "faglighed": 3})
    radar = page.locator("svg.prog-radar[role=img]")
    assert radar.is_visible()
    assert "Tegnet oven på 1 tidligere runde." in radar.locator("desc").text_content()
    s.screenshot("selfeval-finish-radar")
    assert s.axe_violations() == []
    page.locator("label[for=id_keep_0]").click()
    page.get_by_role("button", name="Afslut runden").click()
    page.wait_for_load_state()
    page.get_by_role("textbox", name="Opfølgning").fill("Vi aftalte at besøge en tømrerskole.")
    page.get_by_role("button", name="Gem opfølgning").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Skriv din læsning").click()
    page.get_by_label("Din læsning af profilen").fill("Jeg ser mere robusthed, end Josefine selv gør.")
    page.locator("#id_score_robusthed").select_option("4")
    page.locator("#id_score_maal").select_option("3")
    page.get_by_role("button", name="Gem læsningen").click()
    page.wait_for_load_state()
    assert "Vi aftalte at besøge en tømrerskole." in page.content()
    # The reading is drawn beside the youth's answers: two rated dimensions, not neighbours, so two marks and
    # no line through the unrated ones.
    assert page.locator("svg.prog-radar rect[fill='#b35900']").count() == 2
    assert page.locator("svg.prog-radar polyline[stroke='#b35900']").count() == 0
    s.screenshot("selfeval-radar")
    assert s.axe_violations() == []

    # A third round the youth does not want kept: printed to PDF, then gone.
    s.goto(f"/unge/{p.youth.pk}/selvevaluering/")
    page.get_by_role("button", name="Start en ny runde").click()
    page.wait_for_load_state()
    _answer_round(s, page, p.youth.pk, values={"motivation": 1, "maal": 1, "fleksibilitet": 2, "robusthed": 1,
                                               "sociale_normer": 2, "faglighed": 1})
    page.locator("label[for=id_keep_1]").click()
    page.get_by_role("button", name="Afslut runden").click()
    page.wait_for_load_state()
    assert "Den unge har valgt ikke at gemme denne runde" in page.content()
    assert s.axe_violations() == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent som PDF og slet").click()
    pdf = ARTIFACTS / "pdf" / f"selvevaluering-browser-{width}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    download.value.save_as(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(pdf.with_suffix(""))],
                   check=True)
    assert SelfEvaluationRound.objects.filter(status=RoundStatus.KEPT).count() == 2
    assert not SelfEvaluationRound.objects.exclude(status=RoundStatus.KEPT).exists()
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_contact_person_finds_due_reassessments(browse, p: Personas, width: int) -> None:
    from ungeforlob.testing import make_youth

    assess(p.youth, p.contact_person, level="valgparat", on=days_ago(120), overlap="uddannelsesparat")
    make_youth(p.contact_person, first_name="Ali", last_name="Karimi")  # never assessed: the first is due
    s = browse(width)
    page = s.page
    s.login("kontaktperson", PASSWORD)
    if "/i-dag/" in page.url:  # I dag lists the reassessments too
        assert page.get_by_text("Revurdering af progression", exact=True).count() == 2
    s.goto("/unge/")
    level_cell = page.locator("td", has_text="Valgparat")  # Mine unge shows the level and its date
    assert level_cell.count() == 1
    assert days_ago(120).strftime("%Y") in level_cell.inner_text()
    page.locator(".app-mainnav summary", has_text="Mere").click()  # Revurderinger is under the menu's "Mere"
    page.get_by_role("link", name="Revurderinger").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Revurderinger"
    assert "Forfalden" in page.content() and "Aldrig – første vurdering" in page.content()
    s.screenshot("progression-reassessments")
    assert s.axe_violations() == []
    s.goto(f"/unge/{p.youth.pk}/")
    card = page.locator("section[aria-labelledby=h-progression]")
    assert "Revurdering forfalden siden" in card.inner_text()
    s.screenshot("progression-overview-card")
    assert s.axe_violations() == []
    page.get_by_role("link", name="Se trappen").click()
    page.wait_for_load_state()
    assert page.locator("svg.prog-stepchart:visible").count() == 1
