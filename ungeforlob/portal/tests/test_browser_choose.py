"""Choosing and saying in a browser at 360 px (issue 17, points 5–9): a check-in reaches the contact person's
I dag, she proposes a contact person, and every choice on a youth form is a large, visible control."""

from __future__ import annotations

import pytest

from ungeforlob.portal.tests.test_browser import _log_in
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser

# Every radio button and checkbox on Min side's forms: a visible box of at least 24 px, inside a tap target of
# at least 44 px, and no 0×0 or transparent inputs.
CONTROLS_JS = """() => [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')].map(i => {
  const r = i.getBoundingClientRect(); const s = getComputedStyle(i);
  const label = i.closest('label') || document.querySelector(`label[for="${i.id}"]`);
  const t = label ? label.getBoundingClientRect() : r;
  return {id: i.id, w: r.width, h: r.height, opacity: parseFloat(s.opacity), visibility: s.visibility,
          display: s.display, appearance: s.appearance, target: Math.min(t.width, t.height)};
})"""


def _assert_visible_controls(s, path: str) -> int:  # noqa: ANN001
    controls = s.page.evaluate(CONTROLS_JS)
    bad = [c for c in controls if c["w"] < 24 or c["h"] < 24 or c["opacity"] < 1 or c["visibility"] != "visible"
           or c["display"] == "none" or c["appearance"] == "none" or c["target"] < 44]  # "none": nothing is drawn
    assert not bad, f"{path}: controls too small or invisible: {bad}"
    return len(controls)


def _tap(s, counter: list[int], action) -> None:  # noqa: ANN001
    action()
    counter[0] += 1


def test_a_check_in_at_360_px_shows_on_the_contact_persons_i_dag(browse, p: Personas) -> None:
    from ungeforlob.portal.testing import give_plan

    give_plan(p.youth, p.contact_person)
    s = browse(360)
    s.page.set_viewport_size({"width": 360, "height": 800})
    _log_in(s, p.youth)
    taps = [0]
    _tap(s, taps, lambda: s.page.get_by_role("link", name="Min plan").click())
    s.page.wait_for_url("**/min-side/plan/")
    _tap(s, taps, lambda: s.page.get_by_role("link", name="Tjek ind på delmålet").click())
    s.page.wait_for_url("**/tjek-ind/**")
    assert _assert_visible_controls(s, "check-in") == 8  # two outcomes, five steps, "nået"
    _tap(s, taps, lambda: s.page.get_by_text("Jeg har gjort det", exact=True).click())
    s.page.fill("#id_line", "Jeg kom op alle dage")  # optional: her own words
    _tap(s, taps, lambda: s.page.locator("label[for=id_closeness_3]").click())
    s.screenshot("portal-checkin-choices")
    assert s.axe_violations() == []
    _tap(s, taps, lambda: s.page.get_by_role("button", name="Send").click())
    s.page.wait_for_url("**/min-side/plan/")
    assert "Du skrev: »Jeg kom op alle dage«" in s.page.content()
    assert "Det har du skrevet:" in s.page.content()
    s.screenshot("portal-plan-own-words")
    assert s.axe_violations() == []
    assert taps[0] == 5  # from Min side: Min plan, Tjek ind, outcome, how close, Send

    staff = browse(360)
    staff.login("kontaktperson", PASSWORD)
    staff.goto("/i-dag/")
    assert "Den unge har tjekket ind" in staff.page.content()
    assert "Jeg kom op alle dage" in staff.page.content()
    staff.screenshot("portal-checkin-on-i-dag")
    staff.page.get_by_role("link", name="Den unge har tjekket ind").first.click()
    staff.page.wait_for_url("**/tjek-ind/")
    staff.screenshot("portal-staff-checkins")
    assert staff.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_she_proposes_a_contact_person_and_the_contact_person_answers(browse, p: Personas, width: int) -> None:
    from ungeforlob.portal.models import ContactProposal, ProposalStatus
    from ungeforlob.portal.services import presentation_save

    presentation_save(actor=p.outsider, choosable=True, good_at="Jeg er god til at lytte og til at finde praktik")
    presentation_save(actor=p.colleague, choosable=True, good_at="Jeg kender mange arbejdspladser")
    s = browse(width)
    _log_in(s, p.youth)
    taps = [0]
    _tap(s, taps, lambda: s.page.get_by_role("link", name="Vælg din kontaktperson").click())
    s.page.wait_for_url("**/min-side/kontaktperson/")
    assert _assert_visible_controls(s, "choose contact") == 2
    s.screenshot("portal-choose-contact")
    assert s.axe_violations() == []
    _tap(s, taps, lambda: s.page.get_by_text("Sara Holm").click())
    _tap(s, taps, lambda: s.page.get_by_role("button", name="Send mit forslag").click())
    s.page.wait_for_url("**/min-side/kontaktperson/")
    assert "Venter på svar" in s.page.content()
    s.screenshot("portal-choose-contact-sent")
    assert s.axe_violations() == []
    assert taps[0] == 3  # from Min side: Vælg din kontaktperson, the person, Send mit forslag

    staff = browse(width)
    staff.login("kontaktperson", PASSWORD)
    staff.goto("/i-dag/")
    staff.page.get_by_role("link", name="Den unge foreslår en ny kontaktperson").first.click()
    staff.page.wait_for_url("**/kontaktperson-forslag/")
    staff.screenshot("portal-staff-proposals")
    assert staff.axe_violations() == []
    staff.page.locator("main form input[type=radio][value='ja']").check(force=True)
    staff.page.click("main form button[type=submit]")
    staff.page.wait_for_load_state()
    assert ContactProposal.objects.get().status == ProposalStatus.ACCEPTED
    s.goto("/min-side/kontaktperson/")
    assert "Sagt ja" in s.page.content()


def test_every_choice_on_the_youth_forms_is_a_large_visible_control_at_360_px(browse, p: Personas) -> None:
    from ungeforlob.offers.models import Offer
    from ungeforlob.portal.services import presentation_save
    from ungeforlob.portal.testing import give_plan
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER
    from ungeforlob.progression.services import self_evaluation_answer, self_evaluation_start

    plan = give_plan(p.youth, p.contact_person)
    presentation_save(actor=p.outsider, choosable=True, good_at="Jeg lytter")
    Offer.objects.create(municipality=p.municipality, code="klatring", name="Klatring sammen", age_min=15, age_max=29,
                         focus="Vi klatrer sammen hver tirsdag.")
    round = self_evaluation_start(youth=p.youth, by_youth=True)
    self_evaluation_answer(round=round, answers={"mot1": 4}, goals={}, by_youth=True)
    s = browse(360)
    s.page.set_viewport_size({"width": 360, "height": 800})
    _log_in(s, p.youth)
    pages = {
        "/min-side/hvordan-gaar-det/": 10,
        f"/min-side/plan/tjek-ind/delmaal/{plan['subgoal'].pk}/": 8,
        f"/min-side/plan/tjek-ind/aktivitet/{plan['activity'].pk}/": 8,
        "/min-side/oensker/": 0,
        "/min-side/oensker/?slags=delmaal": 0,
        f"/min-side/selvevaluering/{round.pk}/tema/{DIMENSION_ORDER[0]}/": None,
        f"/min-side/selvevaluering/{round.pk}/afslut/": 2,
        "/min-side/kontaktperson/": 1,
        "/min-side/tilbud/": 0,
    }
    for path, expected in pages.items():
        s.goto(path)
        count = _assert_visible_controls(s, path)
        if expected is not None:
            assert count == expected, path
        overflow = s.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        assert s.axe_violations() == [], path
        s.screenshot("portal-controls" + path.split("?")[0].replace("/", "-").rstrip("-"))

    # Keyboard: Tab reaches a choice, the arrow keys move it, and the focused box shows a thick outline.
    s.goto("/min-side/hvordan-gaar-det/")
    s.page.focus("#id_heard_0")
    s.page.keyboard.press("ArrowRight")
    assert s.page.evaluate("() => document.activeElement.id") == "id_heard_1"
    assert s.page.is_checked("#id_heard_1")
    outline = s.page.evaluate("() => getComputedStyle(document.activeElement.closest('label')).outlineStyle")
    assert outline == "solid"


def test_a_selfevaluation_statement_fits_a_phone_as_one_compact_scale(browse, p: Personas) -> None:
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER
    from ungeforlob.progression.services import self_evaluation_start

    round = self_evaluation_start(youth=p.youth, by_youth=True)
    s = browse(360)
    s.page.set_viewport_size({"width": 360, "height": 800})
    _log_in(s, p.youth)
    s.goto(f"/min-side/selvevaluering/{round.pk}/tema/{DIMENSION_ORDER[0]}/")
    rows = s.page.evaluate("""() => [...document.querySelectorAll('main fieldset.portal-choices')].map(f =>
        new Set([...f.querySelectorAll('label.portal-option')].map(l => Math.round(l.getBoundingClientRect().top))).size)""")
    assert rows and all(n <= 2 for n in rows), rows  # 1–5 side by side, "Ved ikke" under: never six stacked
    heights = s.page.evaluate("""() => [...document.querySelectorAll('main fieldset.portal-choices')].map(f =>
        f.getBoundingClientRect().height)""")
    assert max(heights) < 400, heights  # one statement with its scale well within a phone's screen
    s.screenshot("portal-selfeval-compact")
    assert s.axe_violations() == []
    for radio in s.page.locator("main form input[type=radio][value='5']").all():
        radio.check()
    s.page.click("main form button.button-primary")
    s.page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_offers_and_the_presentation_pages_look_right(browse, p: Personas, width: int) -> None:
    from ungeforlob.offers.models import Offer
    from ungeforlob.portal.models import Wish

    Offer.objects.create(municipality=p.municipality, code="klatring", name="Klatring sammen", age_min=15, age_max=29,
                         focus="Vi klatrer sammen hver tirsdag. Du behøver ikke at kunne noget i forvejen.")
    s = browse(width)
    _log_in(s, p.youth)
    s.page.get_by_role("link", name="Tilbud til dig").click()
    s.page.wait_for_url("**/min-side/tilbud/")
    s.screenshot("portal-offers")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Det vil jeg gerne høre mere om").click()
    s.page.wait_for_url("**/min-side/tilbud/")
    assert "Du har spurgt om det." in s.page.content()
    assert Wish.objects.filter(youth=p.youth, kind="tilbud").count() == 1

    staff = browse(width)
    staff.login("udenfor", PASSWORD)
    staff.goto("/min-praesentation-for-unge/")
    staff.page.check("#id_choosable", force=True)
    staff.page.fill("#id_good_at", "Jeg er god til at lytte og til at finde praktik")
    staff.page.get_by_role("button", name="Gem").click()
    staff.page.wait_for_load_state()
    assert "Sådan ser de unge dig" in staff.page.content()
    staff.screenshot("portal-presentation")
    assert staff.axe_violations() == []
