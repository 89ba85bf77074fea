"""Fællesskaber in a browser: she signs up for an activity from Min side on a 360 px phone; the one who runs it
records attendance; the contact person sees her mødestabilitet. Screenshots at 360 and 1280, axe clean."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.activities.models import Activity, SignUp, SignUpStatus
from ungeforlob.activities.tests.factories import make_activity, sign_up
from ungeforlob.portal.testing import last_code_sent_to
from ungeforlob.testing import PASSWORD, Personas, make_youth

pytestmark = pytest.mark.browser


def _log_in_youth(s, youth) -> None:  # noqa: ANN001
    s.goto("/min-side/login/")
    s.page.fill("#id_mobile", youth.mobile)
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/kode/")
    s.page.fill("#id_code", last_code_sent_to(youth))
    s.page.click("main button[type=submit]")
    s.page.wait_for_url("**/min-side/")


def _no_sideways_scroll(s) -> None:  # noqa: ANN001
    assert s.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [360, 1280])
def test_she_signs_up_for_an_activity_from_min_side_in_two_taps(browse, p: Personas, width: int) -> None:
    climbing = make_activity(p, title="Klatring i hallen", seats=3,
                             description="Vi prøver væggen sammen. Sko og sele kan lånes.")
    aisha = make_youth(p.contact_person, first_name="Aisha", last_name="Rahimi", mobile="+4540123456")
    sign_up(climbing, aisha, show=True)
    full = make_activity(p, title="Gåtur ved stranden", seats=1, waiting_list=False, days=5)
    sign_up(full, p.other_youth)
    s = browse(width)
    _log_in_youth(s, p.youth)
    # Tap 1: Fællesskaber on Min side.
    s.page.get_by_role("link", name="Fællesskaber").click()
    s.page.wait_for_url("**/min-side/faellesskaber/")
    page = s.page.content()
    assert "1 anden er med: Aisha." in page and "Rahimi" not in page
    assert "Der er ikke flere pladser." in page
    _no_sideways_scroll(s)
    s.screenshot("activities-youth-list")
    assert s.axe_violations() == []
    # (Optional) show her first name, then tap 2: sign up.
    s.page.locator(f"label[for=show-{climbing.pk}]").click()
    s.page.get_by_role("button", name="Meld mig til Klatring i hallen").click()
    s.page.wait_for_url("**/min-side/faellesskaber/")
    assert "Du er tilmeldt. Du får en SMS dagen før." in s.page.content()
    signup = SignUp.objects.get(activity=climbing, youth=p.youth)
    assert signup.status == SignUpStatus.SIGNED_UP and signup.show_first_name
    s.screenshot("activities-youth-signed-up")
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_the_runner_records_attendance_and_the_contact_person_sees_stability(browse, p: Personas,
                                                                            width: int) -> None:
    held = make_activity(p, title="Vi laver mad sammen")
    s1 = sign_up(held, p.youth)
    sign_up(held, p.other_youth)
    Activity.objects.filter(pk=held.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=2))
    make_activity(p, title="Klatring i hallen")
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto("/faellesskaber/")
    _no_sideways_scroll(s)
    s.screenshot("activities-staff-list")
    assert s.axe_violations() == []
    s.goto("/faellesskaber/?hvornaar=tidligere")
    s.page.get_by_role("link", name="Vi laver mad sammen").click()
    s.page.get_by_role("link", name="Deltagere og fremmøde").click()
    s.page.wait_for_url("**/deltagere/")
    s.page.locator(f"label[for=id_s{s1.pk}_1]").click()
    _no_sideways_scroll(s)
    s.screenshot("activities-attendance")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Gem fremmøde").click()
    s.page.wait_for_url("**/deltagere/")
    assert SignUp.objects.get(pk=s1.pk).attended is True
    s.goto(f"/unge/{p.youth.pk}/")
    assert "1 af 1 (100 %)" in s.page.content()
    s.screenshot("activities-youth-card")
    s.goto("/faellesskaber/ny/")
    _no_sideways_scroll(s)
    s.screenshot("activities-create")
    assert s.axe_violations() == []
    assert s.console_errors == []
