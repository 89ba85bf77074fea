"""The chain in a real browser, at desktop and phone width: concerns, escalation, referrals, handovers."""

import datetime

import pytest
from django.utils import timezone

from ungeforlob.accounts.models import User
from ungeforlob.chain import services
from ungeforlob.chain.models import Concern, Handover, HandoverStatus, Referral, ReferralStatus
from ungeforlob.chain.tasks import concerns_escalate
from ungeforlob.testing import PASSWORD, Personas, cpr_for_age

pytestmark = pytest.mark.browser


def _check(s, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_colleague_raises_a_concern_and_the_contact_person_acknowledges(browse, p: Personas, width: int) -> None:
    s = browse(width)
    s.login("kollega", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/bekymringer/ny/")
    s.page.select_option("#id_category", "trivsel")
    s.page.select_option("#id_severity", "alvorlig")
    s.page.fill("#id_description", "Virkede meget trist i dag og sagde, at intet giver mening.")
    _check(s, "chain-concern-form")
    s.page.click("main button[type=submit]")
    s.page.wait_for_load_state()
    assert "Bekymringen er sendt" in s.page.content()
    _check(s, "chain-concern-raised")

    cp = browse(width)
    cp.login("kontaktperson", PASSWORD)
    cp.goto("/bekymringer/?status=mine")
    assert "Josefine Hansen" in cp.page.content()
    _check(cp, "chain-concern-list")
    cp.page.get_by_role("link", name="Josefine Hansen").click()
    cp.page.wait_for_load_state()
    cp.page.get_by_role("button", name="Kvittér for bekymringen").click()
    cp.page.wait_for_load_state()
    assert "Du har kvitteret" in cp.page.content()
    _check(cp, "chain-concern-acknowledged")
    assert Concern.objects.get().acknowledged_by == p.contact_person
    assert s.console_errors == [] and cp.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_an_unacknowledged_concern_escalates_to_the_leader(browse, p: Personas, width: int) -> None:
    concern = services.concern_raise(actor=p.colleague, youth=p.youth, category="fravaer", severity="middel",
                                     description="Ikke mødt op i en uge.")
    Concern.objects.filter(pk=concern.pk).update(ack_due=timezone.localdate() - datetime.timedelta(days=1))
    assert concerns_escalate() == 1  # the worker's job (ungeforlob.scheduler.jobs); no page load escalates
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/kapacitet/")
    assert "Josefine" not in s.page.content()
    _check(s, "chain-capacity")
    s.goto("/notifikationer/")
    assert "ikke kvitteret inden fristen" in s.page.content()
    _check(s, "chain-notifications")
    concern.refresh_from_db()
    assert concern.escalated_to == p.leader


@pytest.mark.parametrize("width", [1280, 360])
def test_a_partner_refers_and_intake_accepts(browse, p: Personas, width: int) -> None:
    partner = browse(width)
    partner.login("udenfor", PASSWORD)
    partner.goto("/henvisninger/ny/")
    partner.page.fill("#id_first_name", "Omar")
    partner.page.fill("#id_last_name", "Khalil")
    partner.page.fill("#id_cpr", cpr_for_age(18))
    partner.page.fill("#id_problem", "Ingen uddannelse eller job. Vil gerne være mekaniker.")
    partner.page.check("#id_youth_accepted")
    partner.page.fill("#id_accepted_asked_by", "Sara Holm")
    partner.page.fill("#id_mobile", "20 11 22 33")
    _check(partner, "chain-referral-form")
    partner.page.click("main button[type=submit]")
    partner.page.wait_for_load_state()
    assert "Henvisningen er sendt" in partner.page.content()
    _check(partner, "chain-referral-mine")

    intake = browse(width)
    intake.login("kontaktperson", PASSWORD)
    intake.goto("/henvisninger/")
    _check(intake, "chain-referral-queue")
    intake.page.get_by_role("link", name="Omar Khalil").click()
    intake.page.wait_for_load_state()
    _check(intake, "chain-referral-detail")
    intake.page.get_by_role("button", name="Modtag henvisningen").click()
    intake.page.wait_for_load_state()
    assert "har fået en kontaktperson" in intake.page.content()
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.ACCEPTED and referral.youth is not None
    partner.goto("/henvisninger/mine/")
    assert "Modtaget" in partner.page.content()


@pytest.mark.parametrize("width", [1280, 360])
def test_a_contact_person_hands_over_and_the_receiver_accepts(browse, p: Personas, width: int) -> None:
    receiver = User.objects.get(username="anden")
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/kaede/")
    _check(s, "chain-circle")
    s.page.get_by_role("link", name="Overlever", exact=True).click()
    s.page.wait_for_load_state()
    s.page.select_option("#id_receiver", str(receiver.pk))
    s.page.fill("#id_what_works", "Korte møder om formiddagen. SMS dagen før.")
    s.page.fill("#id_watch_out", "Bliver stille i store grupper.")
    _check(s, "chain-handover-form")
    s.page.click("main form.chain-form button[type=submit]")
    s.page.wait_for_load_state()
    assert "Overleveringen er sendt" in s.page.content()

    r = browse(width)
    r.login("anden", PASSWORD)
    r.goto("/overleveringer/")
    r.page.get_by_role("link", name="Josefine Hansen fra Mette Kjær").click()
    r.page.wait_for_load_state()
    _check(r, "chain-handover-detail")
    r.page.get_by_role("button", name="Acceptér overleveringen").click()
    r.page.wait_for_load_state()
    assert "Du har accepteret" in r.page.content()
    assert Handover.objects.get().status == HandoverStatus.ACCEPTED
    _check(r, "chain-circle-after-handover")


def test_a_referral_without_cpr_on_a_phone_gets_its_number_at_intake(browse, p: Personas) -> None:
    from ungeforlob.chain.tests.helpers import civil_partner
    from ungeforlob.youth import cpr

    civil_partner(p)
    number = cpr_for_age(17)
    partner = browse(360)
    partner.login("gadeplan", PASSWORD)
    partner.goto("/henvisninger/ny/")
    partner.page.fill("#id_first_name", "Omar")
    partner.page.fill("#id_last_name", "Khalil")
    partner.page.fill("#id_birth_date", cpr.birth_date(cpr.normalize_cpr(number)).isoformat())
    partner.page.fill("#id_problem", "Går hjemme og vil gerne i gang med noget.")
    partner.page.check("#id_youth_accepted")
    partner.page.fill("#id_accepted_asked_by", "Ahmad")
    _check(partner, "chain-referral-form-no-cpr")
    partner.page.get_by_role("button", name="Send henvisning").click()
    partner.page.wait_for_url("**/henvisninger/mine/")

    intake = browse(360)
    intake.login("kontaktperson", PASSWORD)
    intake.goto(f"/henvisninger/{Referral.objects.get().pk}/")
    assert "Ikke oplyst" in intake.page.content()
    _check(intake, "chain-referral-detail-no-cpr")
    intake.page.get_by_role("button", name="Modtag henvisningen").click()
    assert "Henvisningen har intet CPR-nummer" in intake.page.content()
    intake.screenshot("chain-referral-detail-no-cpr-error")
    intake.page.fill("#id_cpr_number", number)
    intake.page.get_by_role("button", name="Modtag henvisningen").click()
    intake.page.wait_for_url("**/henvisninger/")
    assert Referral.objects.get().status == ReferralStatus.ACCEPTED
