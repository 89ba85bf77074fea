"""The integrations app's endpoints: plan, progression, offers (HSDS), the leaders' aggregates."""

from __future__ import annotations

from django.test import Client

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.integrations.tests.factories import api_client, bearer
from ungeforlob.offers.tests.factories import make_offer
from ungeforlob.plans.services.plan import goal_create
from ungeforlob.progression.tests.factories import assess
from ungeforlob.testing import Personas


def get(path: str, kind: str = "school") -> object:
    return Client().get(path, headers=bearer(kind))


def test_it_reads_the_plan_with_an_etag_that_changes_with_the_plan(p: Personas) -> None:
    api_client(p, "school")
    goal_create(youth=p.youth, actor=p.contact_person, text="Jeg vil have et job")
    first = get(f"/api/v1/youth/{p.youth.pk}/plan")
    assert first.status_code == 200
    assert [g["text"] for g in first.json()["goals"]] == ["Jeg vil have et job"]
    goal_create(youth=p.youth, actor=p.contact_person, text="Jeg vil tage kørekort")
    second = get(f"/api/v1/youth/{p.youth.pk}/plan")
    assert first["ETag"] and second["ETag"] != first["ETag"]
    assert AuditEvent.objects.filter(youth_id=p.youth.pk, object_type="plan", actor_name="Testsystem school",
                                      action=AuditAction.READ).count() == 2


def test_it_refuses_the_plan_of_someone_the_organisation_may_not_see(p: Personas) -> None:
    api_client(p, "outsider")
    response = get(f"/api/v1/youth/{p.youth.pk}/plan", kind="outsider")
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(object_type="plan", action=AuditAction.READ).exists()


def test_it_reads_the_progression_level(p: Personas) -> None:
    api_client(p, "school")
    assert get(f"/api/v1/youth/{p.youth.pk}/progression").json()["level"] is None
    assess(p.youth, p.contact_person, level="valgparat")
    body = get(f"/api/v1/youth/{p.youth.pk}/progression").json()
    assert body["level"] == "valgparat" and body["level_label"] == "Valgparat"
    assert get("/api/v1/youth?level=valgparat").json()["count"] == 1


def test_it_serves_the_municipalitys_active_offers_as_hsds_pages(p: Personas) -> None:
    api_client(p, "school")
    make_offer(p.municipality, "Mentorforløb")
    make_offer(p.municipality, "Værkstedet")
    make_offer(p.municipality, "Lukket tilbud", is_active=False)
    make_offer(p.other_organisation.municipality, "Nabotilbud")
    body = get("/api/v1/offers?per_page=1").json()
    assert body["total_items"] == 2 and body["total_pages"] == 2 and body["first_page"] and not body["last_page"]
    assert [s["name"] for s in body["contents"]] == ["Mentorforløb"]
    assert [s["name"] for s in get("/api/v1/offers?per_page=1&page=2").json()["contents"]] == ["Værkstedet"]
    assert get("/api/v1/offers?page=9").json()["contents"] == []


def test_the_aggregates_hide_figures_resting_on_fewer_than_five(p: Personas) -> None:
    api_client(p, "school")
    response = get("/api/v1/aggregates")
    assert response.status_code == 200
    tables = response.json()["tables"]
    assert "flow-matrix" in {t["slug"] for t in tables}
    cells = [c for t in tables for row in t["rows"] for c in row["cells"]]
    assert cells
    for cell in cells:
        if cell["kind"] == "count":
            assert cell["value"] is None or cell["value"] >= 5
        if cell["suppressed"]:
            assert cell["value"] is None and cell["display"] == "færre end 5"
    body = response.content.decode()
    assert "Josefine" not in body and "Mikkel" not in body


def test_the_aggregates_never_name_a_young_person(p: Personas) -> None:
    api_client(p, "school")
    body = get("/api/v1/aggregates").content.decode()
    assert str(p.youth.first_name) not in body
    assert '"youth_id"' not in body
