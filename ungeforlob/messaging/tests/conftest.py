from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ungeforlob.messaging.fake_gateway import FakeGateway
from ungeforlob.messaging.services import consent_give
from ungeforlob.testing import Personas


@pytest.fixture
def consented(p: Personas) -> Personas:
    """The personas, with Josefine's consent to SMS contact recorded by her contact person."""
    consent_give(actor=p.contact_person, youth=p.youth, note="Mundtligt ved første samtale")
    return p


@pytest.fixture(autouse=True)
def _var_dir(settings: Any, tmp_path: Any) -> None:
    """The development gateway's file goes to a throw-away directory."""
    settings.VAR_DIR = tmp_path


@pytest.fixture
def fake_gateway(settings: Any) -> Iterator[FakeGateway]:
    """A real HTTP fake provider on 127.0.0.1, with the HTTP gateway configured to use it."""
    with FakeGateway(token="s3cret") as gw:
        settings.SMS_GATEWAY = "http"
        settings.SMS_HTTP_URL = gw.url
        settings.SMS_HTTP_TOKEN = "s3cret"
        settings.SMS_SENDER_NAME = "UngeTest"
        settings.SMS_HTTP_TIMEOUT = 0.5
        yield gw
