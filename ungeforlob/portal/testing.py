"""Helpers for tests of the young person's pages."""

from __future__ import annotations

import re

from django.test import Client

from ungeforlob.portal.auth import portal_login  # noqa: F401 - re-exported for tests
from ungeforlob.youth.models import Youth


def last_code_sent_to(youth: Youth) -> str:
    from ungeforlob.messaging.models import OutboundMessage

    message = OutboundMessage.objects.filter(youth=youth, related_type="portal.logincode").latest("id")
    return re.search(r"\b(\d{6})\b", message.body).group(1)  # type: ignore[union-attr]


def youth_client(youth: Youth) -> Client:
    """A client logged in as the young person through the real SMS-code flow."""
    client = Client()
    client.post("/min-side/login/", {"mobile": youth.mobile})
    response = client.post("/min-side/kode/", {"code": last_code_sent_to(youth)})
    assert response.status_code == 302, response.content.decode()[:500]
    return client
