"""The administrator's webhook page in a real browser at desktop and phone width: subscribe, copy the secret,
see a failed delivery, send it again, pause and delete with confirmation."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.webhooks.models import DeliveryStatus, Subscription
from ungeforlob.webhooks.tests.factories import api_client, delivery, subscription

pytestmark = pytest.mark.browser


def _check(s: Any, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_administrator_subscribes_a_client_and_handles_a_failed_delivery(browse: Any, p: Personas, width: int,
                                                                              settings: Any) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    api_client(p, name="Elevsystemet på FGU Syd")
    existing = subscription(p, client=api_client(p, name="Jobcentrets sagssystem"),
                            url="https://sag.jobcenter.example.dk/ungeforlob/haendelser/modtag")
    delivery(existing, last_error="HTTP 503")
    delivery(existing, status=DeliveryStatus.DELIVERED, last_status_code=200, last_error="")

    s = browse(width)
    s.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()

    s.goto("/administration/webhooks/")
    assert s.page.get_by_role("heading", name="Webhooks").is_visible()
    _check(s, "webhooks-list")

    s.page.get_by_role("link", name="Nyt abonnement").click()
    s.page.wait_for_load_state()
    s.page.get_by_label("Integrationsklient").select_option(label="Elevsystemet på FGU Syd")
    s.page.get_by_label("Modtagerens adresse").fill("https://elev.fgusyd.example.dk/hooks")
    s.page.get_by_label("Bekymring rejst").check()
    s.page.get_by_label("Overgang begyndt").check()
    _check(s, "webhooks-form")
    s.page.get_by_role("button", name="Opret abonnement").click()
    s.page.wait_for_load_state()
    secret = s.page.get_by_label("Hemmelighed").input_value()
    assert secret.startswith("whsec_")
    _check(s, "webhooks-created")
    assert Subscription.objects.filter(target_url="https://elev.fgusyd.example.dk/hooks").exists()

    s.goto(f"/administration/webhooks/{existing.pk}/")
    assert "HTTP 503" in s.page.content()
    _check(s, "webhooks-detail")
    s.page.get_by_role("button", name="Send igen").click()
    s.page.wait_for_load_state()
    assert "Leveringen sendes igen om lidt." in s.page.content()
    s.page.get_by_role("button", name="Sæt på pause").click()
    s.page.wait_for_load_state()
    assert s.page.get_by_role("button", name="Genoptag").is_visible()

    s.page.get_by_role("link", name="Slet").click()
    s.page.wait_for_load_state()
    _check(s, "webhooks-delete")
    s.page.get_by_role("button", name="Slet abonnement").click()
    s.page.wait_for_load_state()
    assert "Abonnementet er slettet." in s.page.content()
    assert not Subscription.objects.filter(pk=existing.pk).exists()
