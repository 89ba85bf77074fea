from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.meetings.models import MeetingParticipant
from ungeforlob.messaging.outbox import process_batch
from ungeforlob.plans.models import PlanMeeting
from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.youth.models import Guardian, Youth

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 1280])
def test_the_contact_person_invites_a_mother_to_a_plan_meeting_and_sees_the_sms_went(browse, p: Personas,
                                                                                    width: int, settings) -> None:
    settings.SMS_QUIET_HOURS_ENABLED = False  # at night the invitation would wait for 07:00 (tested in messaging)
    Youth.objects.filter(pk=p.youth.pk).update(birth_date=timezone.localdate() - datetime.timedelta(days=16 * 365))
    meeting = PlanMeeting.objects.create(youth=p.youth, held_on=timezone.localdate() + datetime.timedelta(days=3),
                                         created_by=p.contact_person)
    mother = Guardian.objects.create(youth=p.youth, name="Hanne Hansen", relation="mor", phone="+4561234567")
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/moeder/")
    card = s.page.locator(f"#p{meeting.pk}")
    card.locator("summary").click()
    card.locator("select[name=kind]").select_option("vaerge")
    card.locator("select[name=guardian]").select_option(str(mother.pk))
    card.get_by_role("button", name="Tilføj").click()
    s.page.wait_for_url(f"**/unge/{p.youth.pk}/moeder/")
    assert MeetingParticipant.objects.filter(guardian=mother, plan_meeting=meeting).exists()
    process_batch(now=timezone.now() + datetime.timedelta(minutes=1))
    s.page.reload()
    assert "SMS-invitation: Sendt" in s.page.locator(f"#p{meeting.pk}").inner_text()
    assert s.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    s.screenshot("meetings-guardian-invited")
    assert s.axe_violations() == []
