"""A chain meeting in a real browser at desktop and phone width: from the agenda to a decision to the owner's
I dag."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.meetings import services
from ungeforlob.meetings.models import Decision
from ungeforlob.meetings.tests.factories import meeting_for
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _check(s, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_chain_meeting_from_agenda_to_decision_to_the_owners_i_dag(browse, p: Personas, width: int) -> None:
    meeting = meeting_for(p)
    occurrence = services.occurrence_create(actor=p.contact_person, meeting=meeting, held_on=timezone.localdate())
    due = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()

    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/kaedemoeder/{meeting.pk}/")
    _check(s, "meetings-meeting")
    s.goto(f"/kaedemoeder/moede/{occurrence.pk}/")
    s.page.select_option("#id_youth", str(p.youth.pk))
    s.page.fill("#id_question", "Kan jobcentret tilbyde en praktik inden for lager?")
    s.page.select_option("#id_grounds", "kui")
    s.page.click("form[action$='/punkt/'] button[type=submit]")
    s.page.wait_for_load_state()
    assert "Den unge er sat på dagsordenen" in s.page.content()
    _check(s, "meetings-agenda")

    s.page.get_by_role("link", name="Josefine Hansen").click()
    s.page.wait_for_load_state()
    assert "Kan jobcentret tilbyde en praktik inden for lager?" in s.page.content()
    s.page.fill("#id_text", "Jonas finder to praktikpladser")
    s.page.select_option("#id_owner", str(p.colleague.pk))
    s.page.fill("#id_due_on", due)
    _check(s, "meetings-entry")
    s.page.get_by_role("button", name="Gem beslutning").click()
    s.page.wait_for_load_state()
    assert "Beslutningen er gemt" in s.page.content()
    _check(s, "meetings-decided")

    owner = browse(width)
    owner.login("kollega", PASSWORD)
    owner.goto("/i-dag/")
    assert "Jonas finder to praktikpladser" in owner.page.content()
    _check(owner, "meetings-owner-i-dag")
    # Wait for the new page itself: `wait_for_load_state` right after a click can answer for the page being left,
    # and a screenshot taken while it is replaced fails ("Unable to capture screenshot").
    with owner.page.expect_navigation():
        owner.page.locator("li[data-kind='kædemøde'] .tr-item-actions a").first.click()
    _check(owner, "meetings-decision-done")
    owner.page.get_by_role("button", name="Markér som udført").click()
    owner.page.wait_for_load_state()
    assert Decision.objects.get().done_at is not None
    assert "Jonas finder to praktikpladser" not in owner.page.content()
    assert s.console_errors == [] and owner.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_youths_meetings_tab_and_the_agreements_read_well(browse, p: Personas, width: int) -> None:
    from ungeforlob.meetings.tests.factories import world

    w = world(p)
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/moeder/")
    s.page.locator(f"#p{w.plan_meeting.pk} summary").click()
    _check(s, "meetings-youth-tab")
    s.goto("/samarbejdsaftaler/")
    assert "Fælles gennemgang af henvisninger" in s.page.content()
    _check(s, "meetings-agreements")
    leader = browse(width)
    leader.login("leder", PASSWORD)
    leader.goto("/i-dag/")
    assert "Tag samarbejdsaftalen op igen" in leader.page.content()
    leader.goto(f"/samarbejdsaftaler/{w.agreement.pk}/ret/")
    _check(leader, "meetings-agreement-form")


def test_the_meeting_cards_on_the_youths_meetings_tab_have_no_stray_bullet(browse, p: Personas) -> None:
    """Found in review of issue 17: DKFDS drew a list bullet in the corner of each meeting card."""
    from ungeforlob.meetings.tests.factories import world

    world(p)
    s = browse(1280)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/moeder/")
    bullets = s.page.evaluate("() => [...document.querySelectorAll('.mt-meetings > li')]"
                              ".map(li => getComputedStyle(li, '::before').content).filter(c => c && c !== 'none')")
    assert s.page.locator(".mt-meetings > li").count() > 0 and bullets == []
