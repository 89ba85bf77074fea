import datetime

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.core.workdays import add_working_days
from ungeforlob.testing import PASSWORD, Personas, make_youth
from ungeforlob.transitions.models import FollowUp, FollowUpStatus, Transition
from ungeforlob.transitions.tests.factories import procedures, transition

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_transition_with_the_default_procedure_from_creation_to_i_dag(browse, p: Personas, width: int) -> None:
    procedures(p)
    today = timezone.localdate()
    ali = make_youth(p.contact_person, first_name="Ali", last_name="Karimi", mobile="")
    transition(p, youth=ali, days=-2)  # Ali started two days ago: pre-meeting and welcome are overdue
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    assert s.page.locator("h1").inner_text() == "I dag"

    # Create Josefine's transition with the default procedure.
    s.goto(f"/unge/{p.youth.pk}/overgange/")
    s.page.get_by_role("link", name="Ny overgang").click()
    s.page.select_option("#id_kind", "eud_gf1")
    s.page.fill("#id_institution", "Syddansk Erhvervsskole")
    s.page.fill("#id_date", (today + datetime.timedelta(days=20)).isoformat())
    assert s.page.locator("#id_procedure option:checked").inner_text() == "Den gode uddannelsesstart"
    s.screenshot("transitions-new")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Opret overgang").click()
    s.page.wait_for_load_state()
    assert "Overgangen er oprettet med 9 opfølgninger." in s.page.content()
    schedule = s.page.locator("table.tr-schedule")
    assert schedule.get_by_role("cell", name="Fællesmøde med KUI, skolen og den unge (8 uger) (Møde)").is_visible()
    assert schedule.get_by_text("SMS planlagt").count() == 3
    s.screenshot("transitions-schedule")
    assert s.axe_violations() == []

    # Move the start date to today: the welcome visit is today, the pre-meeting is now overdue.
    s.page.get_by_role("link", name="Flyt startdato").click()
    s.page.fill("#id_date", today.isoformat())
    s.page.get_by_role("button", name="Flyt startdatoen").click()
    s.page.wait_for_load_state()
    assert "opfølgningerne er flyttet med" in s.page.content()
    t = Transition.objects.get(youth=p.youth)
    assert t.followups.get(title="Velkomst på første dag").due_date == today
    assert t.followups.get(title="Formøde før start").due_date == add_working_days(today, -5)
    assert t.followups.get(title="SMS dagen før").status == FollowUpStatus.CANCELLED  # its moment has passed
    s.screenshot("transitions-moved")

    # I dag: the overdue steps first (Ali's oldest), then Josefine's welcome today.
    s.page.get_by_role("link", name="I dag", exact=True).click()
    s.page.wait_for_load_state()
    # Other capabilities add their own items (reassessments due, concerns, deadlines) to the same list.
    items = s.page.locator("ol.tr-agenda > li[data-kind=opfoelgning]")
    assert items.count() == 8  # per young person: group visit, pre-meeting, roadmap for day 1, welcome
    assert "Forsinket" in items.first.inner_text() and "Ali Karimi" in items.first.inner_text()
    assert "Velkomst på første dag" in items.last.inner_text() and "Josefine" in items.last.inner_text()
    s.screenshot("transitions-i-dag")
    assert s.axe_violations() == []

    def item(youth: str, title: str):  # noqa: ANN202 - a Playwright locator
        return s.page.locator("ol.tr-agenda > li[data-kind=opfoelgning]").filter(has_text=youth).filter(
            has_text=title)

    welcome = item("Josefine", "Velkomst på første dag")
    welcome.locator("summary", has_text="Udført").click()
    welcome.get_by_label("Kort note").fill("Tog imod Josefine ved indgangen; hun mødte sin kontaktlærer.")
    s.screenshot("transitions-i-dag-done-form")
    welcome.get_by_role("button", name="Markér som udført").click()
    s.page.wait_for_load_state()
    assert "Velkomst på første dag er markeret som udført." in s.page.content()

    pre = item("Josefine", "Formøde før start")
    pre.locator("summary", has_text="Udført").click()
    pre.get_by_role("button", name="Markér som udført").click()
    s.page.wait_for_load_state()

    ali_welcome = item("Ali", "Velkomst på første dag")
    ali_welcome.locator("summary", has_text="Spring over").click()
    ali_welcome.get_by_label("Hvorfor springes den over?").fill("Ali ville helst møde op alene.")
    ali_welcome.get_by_role("button", name="Spring over").click()
    s.page.wait_for_load_state()

    ali_pre = item("Ali", "Formøde før start")
    ali_pre.locator("summary", has_text="Flyt").click()
    ali_pre.get_by_label("Ny dato").fill((today + datetime.timedelta(days=1)).isoformat())
    ali_pre.get_by_role("button", name="Flyt").click()
    s.page.wait_for_load_state()
    for who in ("Josefine", "Ali"):  # the group visits and the roadmaps for day 1 (Vejle's procedure)
        for title in ("Gruppevist besøg på uddannelsesstedet", "Køreplan for dag 1"):
            step = item(who, title)
            step.locator("summary", has_text="Udført").click()
            step.get_by_role("button", name="Markér som udført").click()
            s.page.wait_for_load_state()
    assert s.page.locator("ol.tr-agenda > li[data-kind=opfoelgning]").count() == 0
    assert "Formøde før start" in s.page.locator("table.tr-schedule").inner_text()  # Ali's, tomorrow
    s.screenshot("transitions-i-dag-cleared")
    assert s.axe_violations() == []

    done = FollowUp.objects.get(transition=t, title="Velkomst på første dag")
    assert done.status == FollowUpStatus.DONE and done.note.startswith("Tog imod Josefine")
    assert FollowUp.objects.get(youth=ali, title="Velkomst på første dag").status == FollowUpStatus.SKIPPED

    # The note is on Josefine's timeline.
    s.goto(f"/unge/{p.youth.pk}/tidslinje/")
    assert "Opfølgning udført: Velkomst på første dag" in s.page.content()
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_leaders_and_administrators_pages(browse, p: Personas, width: int) -> None:
    procedures(p)
    for i in range(5):
        transition(p, youth=make_youth(p.contact_person, first_name=f"Elev{i}", mobile=""),
                   date=timezone.localdate() - datetime.timedelta(days=120 + i))
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/ledelse/overgange/")
    assert "100 %" in s.page.content() and "Elev" not in s.page.content()
    s.screenshot("transitions-leader")
    assert s.axe_violations() == []

    admin = browse(width)
    admin.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    admin.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    admin.page.get_by_role("button", name="Fortsæt").click()
    admin.page.wait_for_load_state()
    admin.page.get_by_role("link", name="Procedurer").click()
    admin.page.get_by_role("link", name="Den gode uddannelsesstart", exact=True).click()
    admin.page.wait_for_load_state()
    assert admin.page.get_by_text("5 arbejdsdage før, 09:00").is_visible()
    admin.screenshot("transitions-procedure")
    assert admin.axe_violations() == []
    admin.page.get_by_role("link", name="Ret SMS dagen før").click()
    admin.page.fill("#id_sms_template", "Hej {navn}")
    admin.page.get_by_role("button", name="Gem trin").click()
    admin.page.wait_for_load_state()
    assert "Ukendt flettefelt: {navn}" in admin.page.content()
    admin.screenshot("transitions-step-error")
    assert admin.axe_violations() == []
    assert s.console_errors == [] and admin.console_errors == []
