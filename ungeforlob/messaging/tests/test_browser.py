"""In Chromium: record consent, agree a wake-up series, see it in the development gateway, answer as the
youth through the webhook, and find the answer in the conversation — at desktop and phone width."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.utils import timezone

from ungeforlob.messaging.models import MessageKind, MessageStatus, OutboundMessage
from ungeforlob.messaging.outbox import process_batch
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_wake_up_series_reaches_the_phone_and_the_answer_reaches_the_conversation(
    browse: Any, p: Personas, settings: Any, width: int
) -> None:
    settings.DEBUG = True
    settings.SMS_INBOUND_TOKEN = "browser-token"
    s = browse(width)
    page = s.page
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/")
    page.get_by_role("navigation", name="Den unges sider").get_by_role("link", name="Beskeder").click()
    page.wait_for_load_state()
    assert page.get_by_text("Der sendes ingen SMS'er").is_visible()

    # Consent first: without it nothing can be set up.
    page.get_by_role("link", name="Registrér samtykke til SMS").click()
    page.fill("#id_note", "Mundtligt ved samtale")
    page.get_by_role("button", name="Den unge siger ja til SMS").click()
    page.wait_for_load_state()
    assert page.get_by_text("Samtykket til SMS-kontakt er registreret.").is_visible()

    # The wake-up series: every day at 06.30 for a week.
    page.get_by_role("link", name="Vækning om morgenen").click()
    page.wait_for_load_state()
    page.fill("#id_time_of_day", "06:30")
    for day in ("Lørdag", "Søndag"):
        page.get_by_label(day).check()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.fill("#id_start_date", tomorrow.isoformat())
    page.fill("#id_stop_date", (tomorrow + datetime.timedelta(days=6)).isoformat())
    s.screenshot("sms-wakeup-form")
    assert s.axe_violations() == []
    page.get_by_role("button", name="Aftal vækning").click()
    page.wait_for_load_state()
    assert page.get_by_text("Vækningen er aftalt.").is_visible()
    assert page.get_by_text("Kl. 06.30 · man, tir, ons, tor, fre, lør, søn").is_visible()
    wakeups = OutboundMessage.objects.filter(youth=p.youth, kind=MessageKind.WAKEUP).order_by("send_at")
    assert wakeups.count() == 7

    # The worker sends the first morning's message through the development gateway.
    first = wakeups.first()
    assert process_batch(now=first.send_at).sent == 1
    page.locator(".app-mainnav summary", has_text="Mere").click()  # the development phone is under "Mere"
    page.get_by_role("link", name="SMS (udvikling)").click()
    page.wait_for_load_state()
    assert page.get_by_text("Godmorgen Josefine! Tid til at stå op.").is_visible()
    s.screenshot("sms-dev-gateway")
    assert s.axe_violations() == []

    # The youth answers; the provider posts the answer to the webhook.
    response = page.request.post(
        s.base_url + "/sms/indgaaende/",
        data=json.dumps({"msisdn": 4520123456, "message": "Er oppe nu!", "id": f"b-{width}"}),
        headers={"Content-Type": "application/json", "Authorization": "Bearer browser-token"},
    )
    assert response.status == 200

    s.goto(f"/unge/{p.youth.pk}/beskeder/")
    thread = page.locator(".sms-thread")
    assert thread.get_by_text("Godmorgen Josefine! Tid til at stå op.").is_visible()
    assert thread.get_by_text("Er oppe nu!").is_visible()
    s.screenshot("sms-conversation")
    assert s.axe_violations() == []
    assert s.console_errors == []
    first.refresh_from_db()
    assert first.status == MessageStatus.SENT
