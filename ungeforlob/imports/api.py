"""API v1: education status events (the national youth database's feed) — one event, or a batch of them.

Mounted by the integrations app (`api.add_router("/", "ungeforlob.imports.api.router")`). Scope `stations:write`.
The client acts as its organisation: an event is applied only to a young person its organisation's members may
edit (by CPR number, in the client's municipality); any other CPR number answers "not found", the same as one
not registered. The same event twice (its `event_id`, or CPR, event, institution and date) is applied once.
"""


import datetime
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.imports.events import Event, education_event_record, event_check
from ungeforlob.imports.models import EducationEventSource
from ungeforlob.integrations.api.auth import client_of, require_scope
from ungeforlob.integrations.api.errors import ApiError
from ungeforlob.integrations.api.helpers import api_purpose
from ungeforlob.integrations.scopes import Scope
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Youth

router = Router(tags=["Uddannelsesstatus"])

MAX_BATCH = 500
FIELDS = {"cpr": "cpr", "kind": "kind", "date": "date", "institution_number": "institution_number",
          "institution_name": "institution_name", "programme": "programme", "event_id": "event_id"}


class EducationEventIn(Schema):
    event_id: str = Field("", max_length=100, description="Ungedatabasens id for hændelsen (gør gentagne kald sikre).")
    cpr: str = Field(..., max_length=11, description="Den unges CPR-nummer (10 cifre, evt. med bindestreg).")
    kind: Literal["optaget", "startet", "afbrudt", "fuldfoert"] = Field(
        ..., description="optaget → planlagt station; startet → stationen starter; fuldfoert → stationen slutter "
                         "som gennemført; afbrudt → stationen slutter som afbrudt, og kontaktpersonen får en bekymring.")
    date: datetime.date = Field(..., description="For optaget den planlagte start, ellers den dag det skete.")
    institution_number: str = Field("", max_length=20)
    institution_name: str = Field("", max_length=150)
    programme: str = Field("", max_length=200, description="Uddannelsens navn, fx »EUD grundforløb 1«.")


class EducationEventOut(Schema):
    status: Literal["applied", "unchanged", "not_found", "invalid"]
    event_id: str = ""
    id: int | None = Field(None, description="Hændelsens id i Ungeforløb.")
    youth_id: int | None = None
    station_id: int | None = None
    concern_id: int | None = None
    errors: list[dict[str, Any]] = Field(default_factory=list)


class BatchIn(Schema):
    events: list[EducationEventIn] = Field(..., min_length=1, max_length=MAX_BATCH)


class BatchOut(Schema):
    results: list[EducationEventOut]


class ErrorBody(Schema):
    code: str
    message: str
    details: list[dict] = Field(default_factory=list)


class Error(Schema):
    error: ErrorBody


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 422: Error, 429: Error}


def _actor(client: Any) -> Any:
    """The member of staff the path's writes are made in the name of: the administrator who registered the client
    (stations, transitions and concerns name a user); the audit row of each event names the client itself."""
    if client.created_by_id is None or not client.created_by.is_active:
        raise ApiError("conflict", message="Klienten har ingen aktiv administrator, der står for den.")
    return client.created_by


def _apply(request: HttpRequest, payload: EducationEventIn) -> EducationEventOut:
    client = client_of(request)
    event, problems = event_check(payload.dict())
    if event is None:
        return EducationEventOut(status="invalid", event_id=payload.event_id,
                                 errors=[{"loc": [FIELDS.get(key, key)], "msg": message} for key, message in problems])
    youth = _youth(client, event)
    if youth is None:
        return EducationEventOut(status="not_found", event_id=payload.event_id)
    try:
        record, applied = education_event_record(actor=_actor(client), youth=youth, event=event,
                                                 source=EducationEventSource.API, client_name=client.name)
    except ValidationError as exc:
        return EducationEventOut(status="invalid", event_id=payload.event_id, youth_id=youth.pk, errors=[
            {"loc": [key], "msg": message} for key, messages in exc.message_dict.items() for message in messages])
    if applied:
        audit_record(actor=client, action=AuditAction.CREATE, youth=youth, obj=record, object_type="education_event",
                     purpose=api_purpose(request), detail={"client": client.pk, "kind": record.kind})
    return EducationEventOut(status="applied" if applied else "unchanged", event_id=record.external_id, id=record.pk,
                             youth_id=youth.pk, station_id=record.station_id, concern_id=record.concern_id)


def _youth(client: Any, event: Event) -> Youth | None:
    return (policy.youth_for_client(client, policy.Action.EDIT)
            .filter(cpr_hash=cpr.lookup_hash(event.digits)).first())


@router.post("/education-events", response={200: EducationEventOut, 201: EducationEventOut, **ERRORS},
             url_name="education_event_create", summary="Registrér én uddannelseshændelse")
@require_scope(Scope.STATIONS_WRITE)
def education_event_create(request: HttpRequest, payload: EducationEventIn) -> Status:
    """201 when the event was applied now, 200 when it was applied before (the same key); 404 when the young person
    is not one the client may edit (or not registered); 422 when the event does not fit the data or the path."""
    result = _apply(request, payload)
    if result.status == "not_found":
        raise ApiError("not_found")
    if result.status == "invalid":
        raise ApiError("validation_error", details=result.errors)
    return Status(201 if result.status == "applied" else 200, result)


@router.post("/education-events/batch", response={200: BatchOut, **ERRORS}, url_name="education_event_batch",
             summary="Registrér op til 500 uddannelseshændelser")
@require_scope(Scope.STATIONS_WRITE)
def education_event_batch(request: HttpRequest, payload: BatchIn) -> BatchOut:
    """Each event on its own (in order): applied, unchanged (seen before), not_found (a young person the client may
    not edit, or not registered — reported, not created) or invalid (with the errors)."""
    return BatchOut(results=[_apply(request, event) for event in payload.events])
