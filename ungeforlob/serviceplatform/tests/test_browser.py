"""In a browser at 1280 and 360 px: "Hent fra CPR" on the form that registers a young person, and sending Min plan
to Digital Post. Screenshots under artifacts/screenshots/, axe clean."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.serviceplatform.models import FakeMessage, Letter
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _no_sideways_scroll(s) -> None:  # noqa: ANN001
    assert s.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [360, 1280])
def test_hent_fra_cpr_fills_in_the_name_and_shows_the_address(browse, p: Personas, fake_adapter: None,
                                                              width: int) -> None:
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto("/unge/ny/")
    s.page.fill("#id_cpr", "010310-4234")
    s.page.get_by_role("button", name="Hent fra CPR").click()
    s.page.wait_for_selector("#sp-cpr-answer .alert-success")
    assert s.page.input_value("#id_first_name") == "Sofie"
    assert s.page.input_value("#id_last_name") == "Testmark"
    assert "Kirkevej 4, 6800 Varde" in s.page.inner_text("#sp-cpr-answer")
    assert s.console_errors == []
    _no_sideways_scroll(s)
    s.screenshot("serviceplatform-hent-fra-cpr")
    assert s.axe_violations() == []
    # The filled-in form registers the young person as before.
    s.page.get_by_role("button", name="Opret").click()
    s.page.wait_for_load_state()
    assert "Sofie Testmark er oprettet" in s.page.content()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_contact_person_sends_min_plan_to_digital_post(browse, p: Personas, width: int) -> None:
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/plan/del/")
    s.page.get_by_role("link", name="Send til e-Boks/Digital Post").click()
    s.page.wait_for_url(f"**/unge/{p.youth.pk}/digital-post/plan/")
    _no_sideways_scroll(s)
    s.screenshot("serviceplatform-send-plan")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Send til Digital Post").click()
    s.page.wait_for_url(f"**/unge/{p.youth.pk}/plan/del/")
    assert "Min plan er sendt til Digital Post (1 modtager)." in s.page.content()
    letter = Letter.objects.get(youth=p.youth)
    assert FakeMessage.objects.filter(message_uuid=letter.message_id).exists()
    s.screenshot("serviceplatform-plan-sent")
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [360, 1280])
def test_a_meeting_invitation_goes_to_digital_post_and_lands_in_the_development_mailbox(
        browse, p: Personas, settings, width: int) -> None:  # noqa: ANN001
    from ungeforlob.plans.models import PlanMeeting

    settings.DEBUG = True
    meeting = PlanMeeting.objects.create(youth=p.youth, held_on=timezone.localdate() + datetime.timedelta(days=3),
                                         created_by=p.contact_person)
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/moeder/")
    s.page.get_by_role("link", name="Send invitationen med Digital Post").first.click()
    s.page.wait_for_url(f"**/digital-post/planmoede/{meeting.pk}/")
    s.page.get_by_role("button", name="Send til Digital Post").click()
    s.page.wait_for_url(f"**/unge/{p.youth.pk}/moeder/")
    assert "Invitationen er sendt til Digital Post (1 modtager)." in s.page.content()
    s.goto("/udvikling/digital-post/")
    assert "Invitation til planmøde" in s.page.content() and "planmoede.ics" in s.page.content()
    _no_sideways_scroll(s)
    s.screenshot("serviceplatform-mailbox")
    assert s.axe_violations() == []
