"""API v1's core: bearer tokens only, the one error shape, scopes, the client acting as its organisation, the
audit rows naming the system, ETag/If-Match, pagination, the rate limit."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.integrations.api.errors import ApiError
from ungeforlob.integrations.api.helpers import check_if_match, etag_of
from ungeforlob.integrations.tests.factories import api_client, bearer, token_for
from ungeforlob.testing import Personas, make_youth


def get(path: str, kind: str | None = "school", **headers: str) -> object:
    if kind:
        headers = {**bearer(kind), **headers}
    return Client().get(path, headers=headers)


def assert_error_shape(response: object, status: int, code: str) -> None:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert isinstance(body["error"]["details"], list)


def test_it_lists_the_young_people_the_clients_organisation_may_see(p: Personas) -> None:
    api_client(p, "school")
    response = get("/api/v1/youth")
    assert response.status_code == 200
    names = [row["first_name"] for row in response.json()["results"]]
    # Ungeindsatsen holds the contact person of both young people of the personas.
    assert sorted(names) == ["Josefine", "Mikkel"]
    assert response.json()["count"] == 2


def test_it_refuses_a_call_without_a_token_in_the_error_shape(p: Personas) -> None:
    response = get("/api/v1/youth", kind=None)
    assert_error_shape(response, 401, "unauthorized")
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("kind", ["expired", "revoked"])
def test_it_refuses_an_expired_or_revoked_token(p: Personas, kind: str) -> None:
    api_client(p, kind)
    assert_error_shape(get(f"/api/v1/youth/{p.youth.pk}", kind=kind), 401, "unauthorized")


def test_it_refuses_an_unknown_token(p: Personas) -> None:
    response = Client().get("/api/v1/youth", headers={"Authorization": "Bearer ugf_nonsense"})
    assert_error_shape(response, 401, "unauthorized")


def test_it_refuses_a_token_in_the_query_string(p: Personas) -> None:
    api_client(p, "school")
    response = Client().get(f"/api/v1/youth?access_token={token_for('school')}")
    assert_error_shape(response, 400, "token_in_url")


def test_a_session_login_is_no_way_into_the_api(p: Personas, as_user: object) -> None:
    response = as_user(p.contact_person).get("/api/v1/youth")  # type: ignore[operator]
    assert_error_shape(response, 401, "unauthorized")


def test_it_refuses_a_client_without_the_scope(p: Personas) -> None:
    api_client(p, "noscope")
    response = get("/api/v1/youth", kind="noscope")
    assert_error_shape(response, 403, "forbidden")
    assert response.json()["error"]["details"][0]["msg"] == "youth:read"


def test_an_outsider_organisations_client_sees_no_one(p: Personas) -> None:
    api_client(p, "outsider")
    assert get("/api/v1/youth", kind="outsider").json()["count"] == 0
    assert_error_shape(get(f"/api/v1/youth/{p.youth.pk}", kind="outsider"), 404, "not_found")


def test_another_municipalitys_client_sees_no_one_here(p: Personas) -> None:
    api_client(p, "stranger")
    assert get("/api/v1/youth", kind="stranger").json()["count"] == 0
    assert_error_shape(get(f"/api/v1/youth/{p.youth.pk}", kind="stranger"), 404, "not_found")


def test_the_errors_speak_english_when_asked(p: Personas) -> None:
    response = get("/api/v1/youth", kind=None, **{"Accept-Language": "en"})
    assert response.json()["error"]["message"].startswith("Give a valid access token")
    response = get("/api/v1/youth", kind=None, **{"Accept-Language": "da"})
    assert response.json()["error"]["message"].startswith("Angiv et gyldigt adgangstoken")


def test_bad_query_parameters_are_a_422_in_the_error_shape(p: Personas) -> None:
    api_client(p, "school")
    response = get("/api/v1/youth?limit=0&updated_since=igaar")
    assert_error_shape(response, 422, "validation_error")
    assert {tuple(d["loc"]) for d in response.json()["error"]["details"]} >= {("query", "limit"),
                                                                              ("query", "updated_since")}


@pytest.mark.parametrize("bad", ["0", "abc", "99999999999999999999", "-3"])
def test_an_impossible_id_is_a_404_or_422_never_a_500(p: Personas, bad: str) -> None:
    api_client(p, "school")
    response = get(f"/api/v1/youth/{bad}")
    assert response.status_code in (404, 422)
    assert "error" in response.json()


def test_the_read_is_on_hvem_har_kigget_by_the_systems_name(p: Personas) -> None:
    from ungeforlob.portal.selectors import looked_groups

    client = api_client(p, "school")
    assert get(f"/api/v1/youth/{p.youth.pk}").status_code == 200
    row = AuditEvent.objects.filter(youth_id=p.youth.pk, action=AuditAction.READ, actor_name=client.name).get()
    assert row.actor_id is None
    assert row.detail["scope"] == "youth:read"
    assert row.detail["client"] == client.pk
    texts = [r["text"] for r in looked_groups(p.youth)["rows"]]
    assert any(client.name in text for text in texts), texts


def test_a_list_call_writes_a_list_row_per_young_person_shown(p: Personas) -> None:
    client = api_client(p, "school")
    get("/api/v1/youth?limit=1")
    shown = AuditEvent.objects.filter(action=AuditAction.LIST, actor_name=client.name)
    assert shown.count() == 1


def test_the_list_is_paginated_with_a_next_link(p: Personas) -> None:
    api_client(p, "school")
    body = get("/api/v1/youth?limit=1").json()
    assert body["limit"] == 1 and body["offset"] == 0 and len(body["results"]) == 1
    assert body["next"].endswith("/api/v1/youth?limit=1&offset=1")
    assert get("/api/v1/youth?limit=1&offset=1").json()["next"] is None


def test_the_list_filters_by_name_contact_person_and_updated_since(p: Personas) -> None:
    api_client(p, "school")
    assert [r["first_name"] for r in get("/api/v1/youth?q=josef").json()["results"]] == ["Josefine"]
    assert [r["first_name"] for r in get(f"/api/v1/youth?contact_person={p.contact_person.pk}").json()[
        "results"]] == ["Josefine"]
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat().replace("+00:00", "Z")
    assert get(f"/api/v1/youth?updated_since={future}").json()["count"] == 0
    assert get("/api/v1/youth?level=valgparat").json()["count"] == 0


def test_the_detail_carries_an_etag(p: Personas) -> None:
    api_client(p, "school")
    response = get(f"/api/v1/youth/{p.youth.pk}")
    assert response["ETag"] == etag_of("youth", p.youth.pk, p.youth.updated_at.isoformat())
    assert response.json()["contact_person"] == "Mette Kjær"


def test_if_match_is_required_and_must_match() -> None:
    request = RequestFactory().post("/")
    with pytest.raises(ApiError) as missing:
        check_if_match(request, '"abc"')
    assert missing.value.status == 428
    request = RequestFactory().post("/", headers={"If-Match": '"old"'})
    with pytest.raises(ApiError) as stale:
        check_if_match(request, '"abc"')
    assert stale.value.status == 412
    check_if_match(RequestFactory().post("/", headers={"If-Match": 'W/"abc", "x"'}), '"abc"')
    check_if_match(RequestFactory().post("/", headers={"If-Match": "*"}), '"abc"')
    check_if_match(RequestFactory().post("/"), '"abc"', required=False)


@override_settings(API_RATE_LIMIT_PER_MINUTE=3)
def test_it_answers_429_with_retry_after_over_the_rate_limit(p: Personas) -> None:
    cache.clear()
    api_client(p, "school")
    statuses = [get("/api/v1/youth").status_code for _ in range(4)]
    assert statuses[:3] == [200, 200, 200]
    response = get("/api/v1/youth")
    assert_error_shape(response, 429, "rate_limited")
    assert 1 <= int(response["Retry-After"]) <= 60


@override_settings(API_RATE_LIMIT_PER_MINUTE=0)  # a new minute's window would add its own write to one of the two
def test_the_list_makes_the_same_number_of_queries_for_more_young_people(p: Personas, count_queries: object) -> None:
    api_client(p, "school")
    small = count_queries(lambda: get("/api/v1/youth?limit=100"))  # type: ignore[operator]
    for n in range(15):
        make_youth(p.contact_person, first_name=f"Ung{n}", mobile=f"+45201000{n:02d}")
    large = count_queries(lambda: get("/api/v1/youth?limit=100"))  # type: ignore[operator]
    assert get("/api/v1/youth?limit=100").json()["count"] == 17
    assert large == small, (small, large)


def test_the_openapi_schema_and_docs_are_served(p: Personas) -> None:
    schema = Client().get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    assert "/api/v1/youth" in schema.json()["paths"]
    docs = Client().get("/api/v1/docs")
    assert docs.status_code == 200
    body = docs.content.decode()
    assert "integrations/swagger/swagger-ui-bundle.js" in body
    assert "cdn" not in body.lower()


def test_a_method_the_path_does_not_have_is_a_405_in_the_error_shape(p: Personas) -> None:
    response = Client().delete("/api/v1/youth")
    assert_error_shape(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"


def test_the_demo_client_is_registered_once_with_its_documented_token(p: Personas) -> None:
    from ungeforlob.integrations.demo import DEMO_API_TOKEN, DEMO_CLIENT_NAME, load
    from ungeforlob.integrations.models import ApiClient

    for _ in range(2):
        load(municipality=p.municipality, staff={"admin": p.administrator},
             orgs={"Demo Handelsskole": p.organisation})
    assert ApiClient.objects.filter(name=DEMO_CLIENT_NAME).count() == 1
    response = Client().get("/api/v1/youth", headers={"Authorization": f"Bearer {DEMO_API_TOKEN}"})
    assert response.status_code == 200


def test_the_registration_form_draws_the_default_expiry_for_the_date_picker(p: Personas, as_user: object) -> None:
    body = as_user(p.administrator).get("/integrationer/ny/").content.decode()  # type: ignore[operator]
    expected = (timezone.localdate() + datetime.timedelta(days=365)).isoformat()
    assert f'value="{expected}"' in body
