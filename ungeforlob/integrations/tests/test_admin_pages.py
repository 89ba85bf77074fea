"""The administrator's pages for integration clients: register (token shown once), list, revoke."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Role
from ungeforlob.integrations import tokens
from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.tests.factories import api_client
from ungeforlob.testing import Personas, make_user


def form_data(p: Personas, **changes: object) -> dict[str, object]:
    data = {"name": "Byskolens elevsystem", "organisation": p.organisation.pk, "scopes": ["youth:read"],
            "expires_at": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
            "submission": "abc123"}
    data.update(changes)
    return data


def test_it_registers_a_client_and_shows_its_token_once(p: Personas, as_user: object) -> None:
    admin = as_user(p.administrator)  # type: ignore[operator]
    response = admin.post("/integrationer/ny/", form_data(p))
    client = ApiClient.objects.get(name="Byskolens elevsystem")
    assert response.status_code == 302 and response["Location"] == f"/integrationer/{client.pk}/"
    page = admin.get(response["Location"])
    token = page.context["token"]
    assert token and token.startswith("ugf_") and token in page.content.decode()
    assert page["Cache-Control"] == "no-store"
    assert client.token_hash == tokens.hash_token(token) and token not in (client.token_hash, client.token_prefix)
    assert client.scopes == ["youth:read"] and client.organisation == p.organisation
    assert client.expires_at.date() >= timezone.localdate() + datetime.timedelta(days=30)
    again = admin.get(response["Location"])
    assert again.context["token"] is None and token not in again.content.decode()
    # The token works at once, as Ungeindsatsen.
    api = Client().get("/api/v1/youth", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200 and api.json()["count"] == 2


def test_a_double_submission_registers_one_client(p: Personas, as_user: object) -> None:
    admin = as_user(p.administrator)  # type: ignore[operator]
    admin.post("/integrationer/ny/", form_data(p))
    second = admin.post("/integrationer/ny/", form_data(p))
    assert second.status_code == 200
    assert "allerede sendt" in second.content.decode()
    assert ApiClient.objects.filter(name="Byskolens elevsystem").count() == 1


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"scopes": []}, "scopes", "Dette felt er påkrævet."),
    ({"scopes": ["root"]}, "scopes", "root"),
    ({"expires_at": "2001-01-01"}, "expires_at", "Udløbsdatoen skal ligge efter i dag."),
    ({"expires_at": "i morgen"}, "expires_at", "gyldig dato"),
    ({"name": "x" * 151}, "name", "150"),
])
def test_it_refuses_bad_input_in_danish_and_saves_nothing(p: Personas, as_user: object, changes: dict,
                                                          field: str, message: str) -> None:
    response = as_user(p.administrator).post("/integrationer/ny/", form_data(p, **changes))  # type: ignore[operator]
    assert response.status_code == 200
    assert any(message in str(e) for e in response.context["form"].errors.get(field, [])), \
        response.context["form"].errors
    assert not ApiClient.objects.exists()


def test_it_refuses_a_name_already_in_use(p: Personas, as_user: object) -> None:
    api_client(p, "school")
    response = as_user(p.administrator).post(  # type: ignore[operator]
        "/integrationer/ny/", form_data(p, name="testsystem SCHOOL"))
    assert "Der er allerede en klient med det navn." in response.context["form"].errors["name"]


def test_it_offers_only_organisations_of_the_own_municipality(p: Personas, as_user: object) -> None:
    response = as_user(p.administrator).post(  # type: ignore[operator]
        "/integrationer/ny/", form_data(p, organisation=p.other_organisation.pk))
    assert "organisation" in response.context["form"].errors
    assert not ApiClient.objects.exists()


def test_revoking_asks_first_and_then_stops_the_token_at_once(p: Personas, as_user: object) -> None:
    client = api_client(p, "school")
    admin = as_user(p.administrator)  # type: ignore[operator]
    confirm = admin.get(f"/integrationer/{client.pk}/tilbagekald/")
    assert confirm.status_code == 200
    client.refresh_from_db()
    assert client.revoked_at is None
    headers = {"Authorization": "Bearer ugf_school_testtoken_0123456789"}
    assert Client().get("/api/v1/youth", headers=headers).status_code == 200
    response = admin.post(f"/integrationer/{client.pk}/tilbagekald/", {"submission": "r1"})
    assert response.status_code == 302
    client.refresh_from_db()
    assert client.revoked_at is not None
    assert Client().get("/api/v1/youth", headers=headers).status_code == 401


@pytest.mark.parametrize("who", ["leader", "contact_person", "outsider", "stranger"])
def test_only_administrators_reach_the_pages(p: Personas, as_user: object, who: str) -> None:
    client = api_client(p, "school")
    browser = as_user(getattr(p, who))  # type: ignore[operator]
    for url in ("/integrationer/", "/integrationer/ny/", f"/integrationer/{client.pk}/",
                f"/integrationer/{client.pk}/tilbagekald/"):
        assert browser.get(url).status_code == 403, url
    assert browser.post("/integrationer/ny/", form_data(p)).status_code == 403
    assert not ApiClient.objects.filter(name="Byskolens elevsystem").exists()


def test_another_municipalitys_administrator_does_not_find_the_client(p: Personas, as_user: object) -> None:
    client = api_client(p, "school")
    other = make_user("nabo-admin", p.other_organisation.municipality, p.other_organisation,
                      role=Role.ADMINISTRATOR)
    TOTPDevice.objects.create(user=other, name="test", confirmed=True)
    browser = as_user(other)  # type: ignore[operator]
    assert browser.get(f"/integrationer/{client.pk}/").status_code == 404
    assert browser.post(f"/integrationer/{client.pk}/tilbagekald/", {"submission": "x"}).status_code == 404
    assert "Testsystem school" not in browser.get("/integrationer/").content.decode()
    client.refresh_from_db()
    assert client.revoked_at is None


def test_the_list_searches_sorts_and_has_an_empty_state(p: Personas, as_user: object) -> None:
    admin = as_user(p.administrator)  # type: ignore[operator]
    assert "Der er ingen systemer med adgang til API" in admin.get("/integrationer/").content.decode()
    for kind in ("school", "revoked", "expired"):
        api_client(p, kind)
    body = admin.get("/integrationer/?q=revok").content.decode()
    assert "Testsystem revoked" in body and "Testsystem school" not in body and "Tilbagekaldt" in body
    rows = admin.get("/integrationer/?sort=-navn").context["page"].object_list
    assert [c.name for c in rows] == ["Testsystem school", "Testsystem revoked", "Testsystem expired"]
    assert "Ingen systemer matcher" in admin.get("/integrationer/?q=zzz").content.decode()
    assert admin.get("/integrationer/?sort=nonsense").status_code == 200


def test_the_list_makes_the_same_number_of_queries_for_more_clients(p: Personas, as_user: object,
                                                                    count_queries: object) -> None:
    admin = as_user(p.administrator)  # type: ignore[operator]
    api_client(p, "school")
    small = count_queries(lambda: admin.get("/integrationer/"))  # type: ignore[operator]
    for kind in ("revoked", "expired", "noscope", "outsider"):
        api_client(p, kind)
    large = count_queries(lambda: admin.get("/integrationer/"))  # type: ignore[operator]
    assert large == small


def test_the_menu_shows_integrations_to_administrators_only(p: Personas, as_user: object) -> None:
    assert 'href="/integrationer/"' in as_user(p.administrator).get("/integrationer/").content.decode()  # type: ignore[operator]
    assert 'href="/integrationer/"' not in as_user(p.leader).get("/").content.decode()  # type: ignore[operator]
