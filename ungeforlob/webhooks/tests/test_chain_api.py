"""API v1 for concerns and referrals (ungeforlob/chain/api.py): the same chain services as the pages, the same
policy, and the webhook events they emit."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import Concern, Referral
from ungeforlob.integrations.tests.factories import api_client as integration_client
from ungeforlob.integrations.tests.factories import bearer
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas
from ungeforlob.webhooks.models import Delivery, EventType
from ungeforlob.webhooks.tests.factories import subscription

pytestmark = pytest.mark.django_db


def _post(path: str, body: dict[str, Any], kind: str = "school", **headers: str) -> Any:
    return Client().post(path, json.dumps(body), content_type="application/json", headers={**bearer(kind), **headers})


def _get(path: str, kind: str = "school", **headers: str) -> Any:
    return Client().get(path, headers={**bearer(kind), **headers})


def _concern_body(p: Personas, **over: Any) -> dict[str, Any]:
    return {"youth_id": p.youth.pk, "category": "fravaer", "severity": "alvorlig",
            "description": "Ikke mødt i skole i otte dage.", **over}


def test_a_client_raises_a_concern_through_the_chain_service(p: Personas) -> None:
    client = integration_client(p, "school")
    subscription(p, client=client, events=(EventType.CONCERN_RAISED,))

    response = _post("/api/v1/concerns", _concern_body(p))

    assert response.status_code == 201, response.content
    concern = Concern.objects.get(pk=response.json()["id"])
    assert concern.youth == p.youth and concern.severity == "alvorlig" and concern.ack_due is not None
    assert response.json()["ack_due"] == concern.ack_due.isoformat()
    assert StaffNotification.objects.filter(recipient=p.contact_person).exists(), "the contact person is told"
    row = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="concern", actor_name=client.name)
    assert row.youth_id == p.youth.pk and row.actor_id is None
    assert Delivery.objects.filter(subscription__client=client, event_type=EventType.CONCERN_RAISED).count() == 1


def test_a_concern_is_refused_for_a_young_person_the_client_may_not_see(p: Personas) -> None:
    integration_client(p, "school")
    integration_client(p, "outsider")
    assert _post("/api/v1/concerns", _concern_body(p), "outsider").status_code == 404
    assert _post("/api/v1/concerns", _concern_body(p, youth_id=2**62)).status_code == 404
    assert not Concern.objects.exists()


def test_a_concern_needs_the_write_scope_and_a_token(p: Personas) -> None:
    integration_client(p, "noscope")
    assert _post("/api/v1/concerns", _concern_body(p), "noscope").status_code == 403
    assert Client().post("/api/v1/concerns", json.dumps(_concern_body(p)),
                         content_type="application/json").status_code == 401
    assert not Concern.objects.exists()


@pytest.mark.parametrize("bad", [{"category": "ukendt"}, {"severity": "x"}, {"description": ""},
                                 {"description": "x" * 2001}, {"youth_id": "abc"}, {"youth_id": -1}])
def test_a_bad_concern_is_answered_422_in_the_error_shape(p: Personas, bad: dict[str, Any]) -> None:
    integration_client(p, "school")
    response = _post("/api/v1/concerns", _concern_body(p, **bad))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert not Concern.objects.exists()


def test_the_list_shows_only_concerns_about_young_people_the_client_may_see(p: Personas) -> None:
    integration_client(p, "school")
    integration_client(p, "outsider")
    _post("/api/v1/concerns", _concern_body(p))

    mine = _get("/api/v1/concerns").json()
    assert mine["count"] == 1 and mine["results"][0]["youth_id"] == p.youth.pk
    assert _get("/api/v1/concerns", "outsider").json()["count"] == 0
    assert _get("/api/v1/concerns?open=false").json()["count"] == 0
    assert _get("/api/v1/concerns?acknowledged=false").json()["count"] == 1


def test_the_concern_list_costs_the_same_queries_for_few_or_many(p: Personas, count_queries: Any,
                                                                 settings: Any) -> None:
    settings.API_RATE_LIMIT_PER_MINUTE = 0  # the rate limit notes a client's first call of each minute
    from ungeforlob.chain import services
    from ungeforlob.testing import make_youth

    integration_client(p, "school")
    services.concern_raise(actor=p.contact_person, youth=p.youth, category="trivsel", severity="lav",
                           description="Trist.")
    few = count_queries(lambda: _get("/api/v1/concerns"))
    for n in range(6):
        youth = make_youth(p.contact_person, first_name=f"Ung{n}")
        services.concern_raise(actor=p.contact_person, youth=youth, category="bolig", severity="middel",
                               description=f"Uden bolig {n}.")
    assert count_queries(lambda: _get("/api/v1/concerns")) == few


def test_acknowledging_checks_if_match_and_is_done_once(p: Personas) -> None:
    integration_client(p, "school")
    concern_id = _post("/api/v1/concerns", _concern_body(p)).json()["id"]
    etag = _get(f"/api/v1/concerns/{concern_id}")["ETag"]

    stale = _post(f"/api/v1/concerns/{concern_id}/acknowledge", {}, **{"If-Match": '"stale"'})
    assert stale.status_code == 412
    assert Concern.objects.get(pk=concern_id).acknowledged_at is None

    done = _post(f"/api/v1/concerns/{concern_id}/acknowledge", {}, **{"If-Match": etag})
    assert done.status_code == 200 and done.json()["acknowledged_at"]
    assert done["ETag"] != etag
    again = _post(f"/api/v1/concerns/{concern_id}/acknowledge", {})
    assert again.status_code == 200
    assert again.json()["acknowledged_at"] == done.json()["acknowledged_at"]


def test_only_the_contact_persons_organisation_or_a_notified_one_acknowledges(p: Personas) -> None:
    from ungeforlob.chain import services
    from ungeforlob.integrations.models import ApiClient

    concern = services.concern_raise(actor=p.colleague, youth=p.youth, category="trivsel", severity="lav",
                                     description="Trist.")
    school = integration_client(p, "school")
    # The job centre (the colleague's organisation) sees Josefine but holds no contact role and was not notified.
    ApiClient.objects.filter(pk=school.pk).update(organisation=p.colleague.organisation)
    assert _post(f"/api/v1/concerns/{concern.pk}/acknowledge", {}).status_code == 403
    concern.refresh_from_db()
    assert concern.acknowledged_at is None


def _referral_body(**over: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {"first_name": "Ali", "last_name": "Demir", "birth_date": today.replace(year=today.year - 18).isoformat(),
            "problem": "Er droppet ud af FGU og vil gerne videre.", "youth_accepted": True,
            "accepted_asked_by": "Sara fra FGU", "accepted_on": today.isoformat(), **over}


def test_a_partners_system_refers_a_young_person_once_per_idempotency_key(p: Personas) -> None:
    client = integration_client(p, "school")
    subscription(p, client=client, events=(EventType.REFERRAL_RECEIVED, EventType.REFERRAL_DECIDED))
    key = str(uuid.uuid4())

    first = _post("/api/v1/referrals", _referral_body(), **{"Idempotency-Key": key})
    again = _post("/api/v1/referrals", _referral_body(), **{"Idempotency-Key": key})

    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["id"] == again.json()["id"] and first.json()["status"] == "afventer"
    referral = Referral.objects.get()
    assert referral.organisation_name == client.organisation.name
    assert Delivery.objects.filter(event_type=EventType.REFERRAL_RECEIVED).count() == 1


def test_a_referral_without_the_young_persons_yes_is_refused_in_danish(p: Personas) -> None:
    integration_client(p, "school")
    response = _post("/api/v1/referrals", _referral_body(youth_accepted=False))
    assert response.status_code == 422
    assert "sagt ja" in json.dumps(response.json(), ensure_ascii=False)
    assert _post("/api/v1/referrals", _referral_body(), **{"Idempotency-Key": "nope"}).status_code == 422
    assert not Referral.objects.exists()


def test_a_client_reads_the_status_of_its_own_organisations_referrals_only(p: Personas) -> None:
    from ungeforlob.chain import services

    integration_client(p, "school")
    integration_client(p, "outsider")
    referral_id = _post("/api/v1/referrals", _referral_body()).json()["id"]
    services.referral_decline(actor=p.contact_person, referral=Referral.objects.get(pk=referral_id),
                              reason="Bor i en anden kommune.")

    status = _get(f"/api/v1/referrals/{referral_id}").json()
    assert status["status"] == "afvist" and status["decided_at"]
    assert "Bor i en anden" not in json.dumps(status)
    assert _get("/api/v1/referrals?status=afvist").json()["count"] == 1
    assert _get(f"/api/v1/referrals/{referral_id}", "outsider").status_code == 404
    assert _get("/api/v1/referrals", "outsider").json()["count"] == 0


def test_the_referral_list_costs_the_same_queries_for_few_or_many(p: Personas, count_queries: Any,
                                                                  settings: Any) -> None:
    settings.API_RATE_LIMIT_PER_MINUTE = 0  # the rate limit notes a client's first call of each minute
    integration_client(p, "school")
    _post("/api/v1/referrals", _referral_body())
    few = count_queries(lambda: _get("/api/v1/referrals"))
    for n in range(5):
        _post("/api/v1/referrals", _referral_body(first_name=f"Ung{n}", last_name="Nielsen"))
    assert count_queries(lambda: _get("/api/v1/referrals")) == few

