import pytest

from ungeforlob.portal.testing import last_code_sent_to
from ungeforlob.testing import Personas

pytestmark = pytest.mark.browser


def test_a_youth_logs_in_on_a_phone_and_sees_who_has_looked(browse, p: Personas, as_user) -> None:
    as_user(p.colleague).get(f"/unge/{p.youth.pk}/")  # someone has looked
    s = browse(360)
    s.goto("/min-side/login/")
    s.page.fill("#id_mobile", "20 12 34 56")
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/kode/")
    s.screenshot("portal-code")
    s.page.fill("#id_code", last_code_sent_to(p.youth))
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/")
    assert "Hej Josefine" in s.page.locator("h1").inner_text()
    s.screenshot("portal-home")
    assert s.axe_violations() == []

    s.page.get_by_role("link", name="Hvem har kigget").click()
    s.page.wait_for_load_state()
    assert "Jobcenter Ung" in s.page.content()
    s.screenshot("portal-access-log")
    assert s.axe_violations() == []

    s.goto("/min-side/kaede/")
    assert "Kan hjælpe med" in s.page.content()
    s.screenshot("portal-chain")
    assert s.axe_violations() == []

    s.goto("/min-side/mine-data/")
    with s.page.expect_download() as download:
        s.page.get_by_role("link", name="Hent som PDF (til at læse)").click()
    assert download.value.suggested_filename == "mine-data.pdf"
    assert s.console_errors == []


def _log_in(s, youth) -> None:  # noqa: ANN001
    s.goto("/min-side/login/")
    s.page.fill("#id_mobile", youth.mobile)
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/kode/")
    s.page.fill("#id_code", last_code_sent_to(youth))
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/")


def test_a_youth_on_a_phone_checks_in_evaluates_herself_withdraws_a_consent_and_downloads(
        browse, p: Personas, as_user) -> None:
    from ungeforlob.accounts.models import Organisation
    from ungeforlob.chain.services import member_add
    from ungeforlob.portal.testing import give_consent, give_plan
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER

    give_plan(p.youth, p.contact_person)
    consent = give_consent(p.youth, p.contact_person, Organisation.objects.get(name="Jobcenter Ung"))
    member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role="mentor", consent=consent)
    as_user(p.colleague).get(f"/unge/{p.youth.pk}/")  # someone has looked

    s = browse(360)
    s.page.set_viewport_size({"width": 360, "height": 800})
    _log_in(s, p.youth)
    assert "Sara Holm (Jobcenter Ung) er kommet med i din kæde" in s.page.content()
    s.screenshot("portal-home-full")

    # Min plan and a check-in on the sub-goal.
    s.page.get_by_role("link", name="Min plan").click()
    s.page.wait_for_url("**/min-side/plan/")
    assert "Komme op om morgenen" in s.page.content()
    s.screenshot("portal-plan")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Tjek ind på delmålet").click()
    s.page.check("#id_outcome_0", force=True)
    s.page.fill("#id_line", "Jeg kom op alle dage")
    s.page.check("#id_closeness_3", force=True)
    s.screenshot("portal-checkin")
    assert s.axe_violations() == []
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/plan/")
    assert "Din kontaktperson kan se det nu" in s.page.content()

    # Selvevaluering: every statement answered with 4, then the radar, then keep it.
    s.goto("/min-side/selvevaluering/")
    s.page.click("main form button[type=submit]")
    for _dimension in DIMENSION_ORDER:
        s.page.wait_for_selector("main form input[type=radio]")
        for radio in s.page.locator("main form input[type=radio][value='4']").all():
            radio.check(force=True)
        s.page.click("main form button.button-primary")
        s.page.wait_for_load_state()
    s.page.wait_for_url("**/afslut/")
    assert s.page.locator("svg.prog-radar").count() == 1
    s.screenshot("portal-selfeval-radar")
    assert s.axe_violations() == []
    s.page.check("#id_keep_0", force=True)
    s.page.click("main form button[type=submit]")
    s.page.wait_for_url("**/min-side/selvevaluering/")
    assert "Din selvevaluering er gemt." in s.page.content()

    # Mine samtykker: the first tap asks what it means, the second withdraws, at once.
    s.goto("/min-side/samtykker/")
    s.page.get_by_role("link", name="Træk mit ja tilbage til Jobcenter Ung").click()
    s.page.wait_for_url(f"**/min-side/samtykker/{consent.pk}/traek-tilbage/")
    assert "Det betyder også, at Sara Holm ikke kan se dine oplysninger mere." in s.page.content()
    s.screenshot("portal-consent-withdraw")
    assert s.axe_violations() == []
    assert s.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert as_user(p.outsider).get(f"/unge/{p.youth.pk}/").status_code == 200  # asking is not doing
    s.page.get_by_role("button", name="Ja, træk mit ja tilbage").click()
    s.page.wait_for_url("**/min-side/samtykker/")
    assert "Det gælder fra nu." in s.page.content()
    s.screenshot("portal-consents")
    assert s.axe_violations() == []
    assert as_user(p.outsider).get(f"/unge/{p.youth.pk}/").status_code == 404

    # Who has looked, everything written, where am I, and the download.
    s.goto("/min-side/hvem-har-kigget/")
    assert "Jobcenter Ung" in s.page.content()
    for path, name in (("/min-side/skrevet-om-mig/", "portal-written"), ("/min-side/hvor-er-jeg/", "portal-where"),
                       ("/min-side/oensker/", "portal-wishes")):
        s.goto(path)
        s.screenshot(name)
        assert s.axe_violations() == [], path
    s.goto("/min-side/mine-data/")
    with s.page.expect_download() as download:
        s.page.get_by_role("link", name="Hent som PDF (til at læse)").click()
    assert download.value.suggested_filename == "mine-data.pdf"
    assert s.console_errors == []


def test_min_plan_reads_with_text_at_200_percent_on_a_phone(browse, p: Personas) -> None:
    from ungeforlob.portal.testing import give_plan

    give_plan(p.youth, p.contact_person)
    s = browse(360)
    s.page.set_viewport_size({"width": 360, "height": 800})
    _log_in(s, p.youth)
    for path in ("/min-side/", "/min-side/plan/"):
        s.goto(path)
        # The user's text size doubled (CSSOM: allowed under the strict CSP, unlike a <style> element).
        s.page.evaluate("() => { const h = document.documentElement;"
                        " h.style.fontSize = (parseFloat(getComputedStyle(h).fontSize) * 2) + 'px'; }")
        overflow = s.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 200 % text"
        s.screenshot("portal-large-text" + path.replace("/", "-").rstrip("-"))


def test_a_youth_on_a_phone_stops_sms_only_after_saying_yes_to_the_question(browse, p: Personas) -> None:
    from ungeforlob.messaging.services import consent_give

    sms = consent_give(actor=p.contact_person, youth=p.youth)
    s = browse(360)
    s.page.set_viewport_size({"width": 360, "height": 800})
    _log_in(s, p.youth)
    s.goto("/min-side/samtykker/")
    s.page.get_by_role("link", name="Stop SMS fra os").click()
    s.page.wait_for_url("**/min-side/samtykker/sms/stop/")
    s.screenshot("portal-sms-stop")
    assert s.axe_violations() == []
    assert s.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    s.page.get_by_role("link", name="Nej, gå tilbage").click()  # changing her mind changes nothing
    s.page.wait_for_url("**/min-side/samtykker/")
    sms.refresh_from_db()
    assert sms.is_active
    s.page.get_by_role("link", name="Stop SMS fra os").click()
    s.page.get_by_role("button", name="Ja, stop SMS").click()
    s.page.wait_for_url("**/min-side/samtykker/")
    assert "Du får ikke SMS fra os." in s.page.content()
    sms.refresh_from_db()
    assert not sms.is_active and sms.withdrawn_via == "portal"
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_contact_person_answers_a_wish_from_the_youth_overview(browse, p: Personas, width: int) -> None:
    from ungeforlob.plans.models import Goal
    from ungeforlob.portal.services import wish_create
    from ungeforlob.testing import PASSWORD

    wish_create(youth=p.youth, kind="maal", text="Få et fritidsjob")
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/")
    s.page.get_by_role("link", name="Se og svar på ønsker").click()
    s.page.wait_for_url("**/oensker/")
    s.screenshot("portal-staff-wishes")
    assert s.axe_violations() == []
    s.page.locator("main form input[type=radio][value='ja']").check(force=True)
    s.page.fill("main form textarea", "Godt mål. Vi kigger på det torsdag.")
    s.page.click("main form button[type=submit]")
    s.page.wait_for_load_state()
    assert "Svaret er gemt" in s.page.content()
    assert Goal.objects.filter(youth=p.youth, text="Få et fritidsjob").exists()


def test_a_youth_on_a_phone_takes_a_pdf_copy_instead_of_keeping_her_picture(browse, p: Personas) -> None:
    from ungeforlob.progression.models import SelfEvaluationRound
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER, statements_for
    from ungeforlob.progression.services import self_evaluation_answer, self_evaluation_start

    round = self_evaluation_start(youth=p.youth, by_youth=True)
    self_evaluation_answer(round=round, by_youth=True,
                           answers={st.key: 4 for st in statements_for(DIMENSION_ORDER[0])})
    s = browse(360)
    _log_in(s, p.youth)
    s.goto(f"/min-side/selvevaluering/{round.pk}/afslut/")
    s.screenshot("portal-selfeval-finish-copy")
    assert s.axe_violations() == []
    with s.page.expect_download() as download:
        s.page.get_by_role("button", name="Hent den som PDF, og slet den her").click()
    assert download.value.suggested_filename.startswith("min-selvevaluering-")
    assert not SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    s.page.get_by_role("button", name="Færdig").click()
    s.page.wait_for_url("**/min-side/selvevaluering/")
    assert "Selvevalueringen er slettet" in s.page.content()
