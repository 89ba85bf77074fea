"""The login code reaches the young person through the real outbox and development gateway."""

import datetime
import re
import zoneinfo

import pytest
from django.test import Client

from ungeforlob.messaging.models import DevGatewayMessage, MessageStatus, OutboundMessage
from ungeforlob.messaging.outbox import process_batch
from ungeforlob.messaging.selectors import conversation_thread
from ungeforlob.testing import Personas

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


@pytest.mark.django_db(transaction=True)  # the worker sends from its own threads and connections
def test_the_code_is_sent_at_night_without_sms_consent_and_its_text_is_blanked_after(p: Personas) -> None:
    assert not hasattr(p.youth, "sms_consent") or not p.youth.sms_consent.is_active
    client = Client()
    client.post("/min-side/login/", {"mobile": p.youth.mobile})
    message = OutboundMessage.objects.get(youth=p.youth, related_type="portal.logincode")
    night = datetime.datetime(2026, 11, 22, 2, 30, tzinfo=CPH)
    message.send_at = message.due_at = night - datetime.timedelta(minutes=1)
    message.save(update_fields=["send_at", "due_at"])
    process_batch(now=night)
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    delivered = DevGatewayMessage.objects.latest("id")
    code = re.search(r"\b(\d{6})\b", delivered.body).group(1)
    assert code not in message.body  # the stored copy no longer holds the code
    assert client.post("/min-side/kode/", {"code": code}).status_code == 302


def test_staff_never_see_a_login_code_in_the_conversation(p: Personas) -> None:
    Client().post("/min-side/login/", {"mobile": p.youth.mobile})
    OutboundMessage.objects.filter(related_type="portal.logincode").update(status=MessageStatus.SENT)
    items, _more = conversation_thread(p.youth, show_all=True)
    assert items == [] or not any("kode" in item.body.lower() for item in items)
    assert all(item.message.related_type != "portal.logincode" for item in items)
