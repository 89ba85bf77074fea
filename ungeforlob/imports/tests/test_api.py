"""API v1 education events: the rightful client applies them (once); wrong scope, no token, an organisation that
may not see the young person and another municipality's client are refused."""

from __future__ import annotations

import datetime
import json

from django.test import Client
from django.utils import timezone

from ungeforlob.audit.models import AuditEvent
from ungeforlob.chain.models import Concern
from ungeforlob.imports.models import EducationEvent
from ungeforlob.integrations.tests.factories import api_client, bearer
from ungeforlob.testing import Personas, cpr_for_age
from ungeforlob.transitions.models import Station
from ungeforlob.youth import cpr

URL = "/api/v1/education-events"


def _body(p: Personas, kind: str = "startet", **extra: str) -> dict[str, str]:
    body = {"event_id": "UDB-77", "cpr": cpr.decrypt(p.youth.cpr_encrypted), "kind": kind,
            "date": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
            "institution_number": "280727", "institution_name": "FGU Trekanten", "programme": "FGU"}
    body.update(extra)
    return body


def _post(url: str, body: object, kind: str = "school") -> object:
    return Client().post(url, json.dumps(body), content_type="application/json", headers=bearer(kind))


def test_a_client_applies_an_event_once(p: Personas) -> None:
    api_client(p, "school")
    first = _post(URL, _body(p))
    assert first.status_code == 201, first.content
    data = first.json()
    assert data["status"] == "applied" and data["youth_id"] == p.youth.pk
    assert Station.objects.get(pk=data["station_id"]).kind == "fgu"
    again = _post(URL, _body(p))
    assert again.status_code == 200 and again.json()["status"] == "unchanged" and again.json()["id"] == data["id"]
    assert EducationEvent.objects.get().client_name == "Testsystem school"
    assert AuditEvent.objects.filter(youth_id=p.youth.pk, object_type="education_event",
                                     actor_name="Testsystem school").count() == 1


def test_a_drop_out_through_the_api_raises_a_concern(p: Personas) -> None:
    api_client(p, "school")
    _post(URL, _body(p, event_id="UDB-1", date=(timezone.localdate() - datetime.timedelta(days=30)).isoformat()))
    response = _post(URL, _body(p, kind="afbrudt", event_id="UDB-2"))
    assert response.status_code == 201
    assert Concern.objects.get(pk=response.json()["concern_id"]).youth_id == p.youth.pk


def test_an_event_that_does_not_fit_is_422_in_the_error_shape(p: Personas) -> None:
    api_client(p, "school")
    response = _post(URL, _body(p, kind="fuldfoert"))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["details"] == [{"loc": ["institution_name"],
                                 "msg": "Den unge har ingen åben station på FGU Trekanten at afslutte."}]
    assert _post(URL, _body(p, cpr="12")).status_code == 422


def test_the_wrong_clients_are_refused(p: Personas) -> None:
    for kind in ("outsider", "stranger", "noscope", "expired"):
        api_client(p, kind)
    assert Client().post(URL, json.dumps(_body(p)), content_type="application/json").status_code == 401
    assert _post(URL, _body(p), "expired").status_code == 401
    assert _post(URL, _body(p), "noscope").status_code == 403
    assert _post(URL, _body(p), "outsider").status_code == 404
    assert _post(URL, _body(p), "stranger").status_code == 404
    assert not EducationEvent.objects.exists() and not Station.objects.exists()


def test_a_batch_answers_each_event(p: Personas) -> None:
    api_client(p, "school")
    api_client(p, "outsider")
    events = [_body(p, event_id="B-1"), _body(p, event_id="B-2", cpr=cpr_for_age(19, serial=404)),
              _body(p, event_id="B-3", kind="nej"), _body(p, event_id="B-1")]
    response = _post(f"{URL}/batch", {"events": events[:2] + events[3:]})
    assert response.status_code == 200
    assert [r["status"] for r in response.json()["results"]] == ["applied", "not_found", "unchanged"]
    assert _post(f"{URL}/batch", {"events": [events[2]]}).status_code == 422
    assert _post(f"{URL}/batch", {"events": []}).status_code == 422
    outsider = _post(f"{URL}/batch", {"events": [_body(p, event_id="B-9")]}, "outsider")
    assert outsider.json()["results"][0]["status"] == "not_found"
