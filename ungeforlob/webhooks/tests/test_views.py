"""The administrator's page: list, add with the secret shown once, pause, delete with confirmation, re-send."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ungeforlob.integrations.scopes import Scope
from ungeforlob.testing import Personas, client_for
from ungeforlob.webhooks import signing
from ungeforlob.webhooks.models import DeliveryStatus, EventType, Subscription
from ungeforlob.webhooks.tests.factories import api_client, delivery, subscription

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _test_receivers(settings: Any) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True


@pytest.fixture
def admin(p: Personas) -> Client:
    return client_for(p.administrator)


def _form(client: Any, **data: Any) -> dict[str, Any]:
    return {"client": str(client.pk), "target_url": "https://elev.example.dk/hooks",
            "events": [EventType.CONCERN_RAISED], "submission": "tok1", **data}


def test_it_subscribes_a_client_and_shows_the_secret_once(p: Personas, admin: Client) -> None:
    client = api_client(p, name="Elevsystemet")
    response = admin.post("/administration/webhooks/ny/", _form(client))

    assert response.status_code == 200
    sub = Subscription.objects.get(client=client)
    secret = signing.secret_decrypt(sub.secret_encrypted)
    assert secret in response.content.decode()
    assert sub.events == [EventType.CONCERN_RAISED] and sub.created_by == p.administrator
    assert secret not in admin.get(f"/administration/webhooks/{sub.pk}/").content.decode()
    assert secret not in admin.get("/administration/webhooks/").content.decode()


def test_it_refuses_a_second_copy_of_the_same_form(p: Personas, admin: Client) -> None:
    client = api_client(p)
    admin.post("/administration/webhooks/ny/", _form(client))
    again = admin.post("/administration/webhooks/ny/", _form(client))

    assert "allerede sendt" in again.content.decode()
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://elev.example.dk/hooks", "begynder med https://"),
    ("javascript:alert(1)", "begynder med https://"),
    ("x" * 600, "højst 500 tegn"),
])
def test_it_refuses_an_address_that_is_not_http(p: Personas, admin: Client, url: str, message: str) -> None:
    response = admin.post("/administration/webhooks/ny/", _form(api_client(p), target_url=url))
    assert response.status_code == 200 and message in response.content.decode()
    assert not Subscription.objects.exists()


def test_it_refuses_an_internal_address_outside_development(p: Personas, admin: Client, settings: Any) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    response = admin.post("/administration/webhooks/ny/", _form(api_client(p), target_url="http://127.0.0.1:8080/"))
    assert "internt netværk" in response.content.decode()
    assert not Subscription.objects.exists()


def test_it_refuses_a_client_without_the_webhooks_scope(p: Personas, admin: Client) -> None:
    client = api_client(p, scopes=(Scope.CONCERNS_READ,))
    response = admin.post("/administration/webhooks/ny/", _form(client))
    assert "Modtage hændelser" in response.content.decode()
    assert not Subscription.objects.exists()


def test_it_refuses_no_events_and_an_unknown_one(p: Personas, admin: Client) -> None:
    client = api_client(p)
    assert "Vælg mindst én hændelse" in admin.post("/administration/webhooks/ny/",
                                                   _form(client, events=[])).content.decode()
    assert "Vælg hændelser i listen" in admin.post("/administration/webhooks/ny/",
                                                   _form(client, events=["nope"])).content.decode()
    assert not Subscription.objects.exists()


def test_another_municipalitys_subscription_is_not_found(p: Personas, admin: Client) -> None:
    from ungeforlob.accounts.models import Municipality, Organisation

    other_m = Municipality.objects.get(code="nabo")
    other = Subscription.objects.create(
        municipality=other_m, client=api_client(p, organisation=Organisation.objects.get(municipality=other_m),
                                                municipality=other_m),
        target_url="https://nabo.example.dk/", events=["handover"], secret_encrypted="x", secret_hint="x")
    assert admin.get(f"/administration/webhooks/{other.pk}/").status_code == 404
    assert admin.post(f"/administration/webhooks/{other.pk}/slet/").status_code == 404
    assert admin.get("/administration/webhooks/999999999999999999999/").status_code == 404


def test_it_pauses_and_resumes(p: Personas, admin: Client) -> None:
    sub = subscription(p)
    admin.post(f"/administration/webhooks/{sub.pk}/pause/", {"paused": "1"})
    sub.refresh_from_db()
    assert sub.is_paused
    admin.post(f"/administration/webhooks/{sub.pk}/pause/", {"paused": "0"})
    sub.refresh_from_db()
    assert not sub.is_paused


def test_pause_is_not_a_get(p: Personas, admin: Client) -> None:
    sub = subscription(p)
    assert admin.get(f"/administration/webhooks/{sub.pk}/pause/").status_code == 405


def test_it_deletes_only_after_confirmation(p: Personas, admin: Client) -> None:
    sub = subscription(p)
    delivery(sub)
    assert "Slet abonnementet" in admin.get(f"/administration/webhooks/{sub.pk}/slet/").content.decode()
    assert Subscription.objects.filter(pk=sub.pk).exists()
    response = admin.post(f"/administration/webhooks/{sub.pk}/slet/")
    assert response.status_code == 302
    assert not Subscription.objects.filter(pk=sub.pk).exists()


def test_it_shows_failures_and_resends_a_failed_delivery(p: Personas, admin: Client) -> None:
    sub = subscription(p)
    failed = delivery(sub, last_error="HTTP 503")
    done = delivery(sub, status=DeliveryStatus.DELIVERED, last_status_code=200)

    page = admin.get(f"/administration/webhooks/{sub.pk}/").content.decode()
    assert "HTTP 503" in page and "Send igen" in page
    failed_only = admin.get(f"/administration/webhooks/{sub.pk}/?status=fejlet").context["deliveries"]
    assert [d.pk for d in failed_only] == [failed.pk]

    admin.post(f"/administration/webhooks/levering/{failed.pk}/send-igen/")
    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.QUEUED and failed.attempts == 0

    response = admin.post(f"/administration/webhooks/levering/{done.pk}/send-igen/", follow=True)
    assert "Kun en fejlet levering" in response.content.decode()
    done.refresh_from_db()
    assert done.status == DeliveryStatus.DELIVERED


def test_the_list_costs_the_same_queries_for_one_subscription_or_many(p: Personas, admin: Client,
                                                                     count_queries: Any) -> None:
    sub = subscription(p)
    delivery(sub)
    few = count_queries(lambda: admin.get("/administration/webhooks/"))
    for _n in range(10):
        s = subscription(p)
        delivery(s)
        delivery(s, status=DeliveryStatus.DELIVERED)
    many = count_queries(lambda: admin.get("/administration/webhooks/"))
    assert many == few


def test_the_detail_page_costs_the_same_queries_for_few_deliveries_or_many(p: Personas, admin: Client,
                                                                          count_queries: Any) -> None:
    sub = subscription(p)
    delivery(sub)
    few = count_queries(lambda: admin.get(f"/administration/webhooks/{sub.pk}/"))
    for n in range(30):
        delivery(sub, n=n)
    assert count_queries(lambda: admin.get(f"/administration/webhooks/{sub.pk}/")) == few
