"""API v1 for concerns and referrals: a partner's system raises and acknowledges concerns, refers young people and
follows its referrals — through the same chain services as the pages (deadlines, notifications, audit, webhooks).

Mounted by the integrations app (`api.add_router("/", "ungeforlob.chain.api.router")`). A client acts as its
organisation (`policy.youth_for_client`); the writes are made in the name of the administrator who registered the
client (the chain's rows name a member of staff), and an audit row of each call names the client itself.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain import services
from ungeforlob.chain.models import Concern, ConcernCategory, Referral, ReferralStatus, Severity
from ungeforlob.integrations.api.auth import check_scope, client_of
from ungeforlob.integrations.api.errors import ApiError
from ungeforlob.integrations.api.helpers import (
    PageParams,
    api_purpose,
    audit_call,
    audit_listed,
    check_if_match,
    client_youth,
    etag_of,
    page_of,
    paginate,
    set_etag,
)
from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.scopes import Scope

router = Router(tags=["Bekymringer og henvisninger"])
# GET and POST of one path are one URL pattern with one name ("concerns", "referrals").

CategoryCode = Literal["fravaer", "trivsel", "misbrug", "bolig", "oekonomi", "helbred", "kriminalitet", "andet"]
SeverityCode = Literal["lav", "middel", "alvorlig"]
StatusCode = Literal["afventer", "modtaget", "afvist"]
assert set(CategoryCode.__args__) == set(ConcernCategory.values)  # type: ignore[attr-defined]  # noqa: S101
assert set(SeverityCode.__args__) == set(Severity.values)  # type: ignore[attr-defined]  # noqa: S101
assert set(StatusCode.__args__) == set(ReferralStatus.values)  # type: ignore[attr-defined]  # noqa: S101

MAX_ID = 2**63 - 1


class ErrorBody(Schema):
    code: str
    message: str
    details: list[dict] = Field(default_factory=list)


class Error(Schema):
    error: ErrorBody


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 412: Error, 422: Error, 428: Error, 429: Error}


def _actor(client: ApiClient) -> Any:
    """The member of staff the chain's rows name: the administrator who registered the client."""
    if client.created_by_id is None or not client.created_by.is_active:
        raise ApiError("conflict", message="Klienten har ingen aktiv administrator, der står for den.")
    return client.created_by


# --- Concerns --------------------------------------------------------------------------------------------------


class ConcernIn(Schema):
    youth_id: int = Field(..., ge=1, le=MAX_ID)
    category: CategoryCode
    severity: SeverityCode
    description: str = Field(..., min_length=1, max_length=2000, description="Hvad er set (fritekst).")


class ConcernOut(Schema):
    id: int
    youth_id: int
    category: str
    severity: str
    description: str
    raised_at: datetime.datetime
    ack_due: datetime.date = Field(description="Kvitteres senest (arbejdsdag); derefter går den til lederen.")
    acknowledged_at: datetime.datetime | None
    escalated_at: datetime.datetime | None
    closed_at: datetime.datetime | None


class ConcernFilters(PageParams):
    youth_id: int | None = Field(None, ge=1, le=MAX_ID, description="Kun denne unges bekymringer.")
    open: bool | None = Field(None, description="Kun åbne (true) eller afsluttede (false).")
    acknowledged: bool | None = Field(None, description="Kun kvitterede (true) eller ikke kvitterede (false).")


def _concerns(client: ApiClient) -> QuerySet[Concern]:
    return Concern.objects.filter(youth__in=policy.youth_for_client(client).values("pk"))


def _concern(request: HttpRequest, concern_id: int) -> Concern:
    client = client_of(request)
    concern = _concerns(client).select_related("youth").filter(pk=concern_id).first()
    if concern is None:
        raise ApiError("not_found")
    audit_record(actor=client, action=AuditAction.READ, youth=concern.youth, obj=concern,
                 purpose=api_purpose(request), detail={"client": client.pk, "scope": request.api_scope})  # type: ignore[attr-defined]
    return concern


def _concern_etag(concern: Concern) -> str:
    return etag_of("concern", concern.pk, concern.acknowledged_at, concern.escalated_at, concern.closed_at)


def _may_handle(client: ApiClient, concern: Concern) -> bool:
    """The object rule of HANDLE_CONCERN for an organisation: it holds the contact-person role in the circle, or a
    member of it was notified of the concern."""
    contact = policy.youth_for_client(client, policy.Action.CONTACT_PERSON).filter(pk=concern.youth_id).exists()
    return contact or concern.notified.filter(organisation_id=client.organisation_id).exists()


@router.get("/concerns", response={200: page_of(ConcernOut), **ERRORS}, url_name="concerns",
            summary="Bekymringer om unge, klienten må se")
def concern_list(request: HttpRequest, filters: Query[ConcernFilters]) -> dict:
    """Concerns about the young people the client's organisation may see (scope `concerns:read`), newest first."""
    client = check_scope(request, Scope.CONCERNS_READ)
    rows = _concerns(client).select_related("youth").order_by("-raised_at", "-pk")
    if filters.youth_id is not None:
        rows = rows.filter(youth_id=filters.youth_id)
    if filters.open is not None:
        rows = rows.filter(closed_at__isnull=filters.open)
    if filters.acknowledged is not None:
        rows = rows.filter(acknowledged_at__isnull=not filters.acknowledged)
    page = paginate(request, rows, filters)
    audit_listed(request, list({c.youth_id: c.youth for c in page["results"]}.values()))
    return page


@router.post("/concerns", response={201: ConcernOut, **ERRORS}, url_name="concerns",
             summary="Rejs en bekymring")
def concern_create(request: HttpRequest, payload: ConcernIn, response: HttpResponse) -> Status[Concern]:
    """Raise a concern about a young person the client may see (scope `concerns:write`): the contact person is
    notified and must acknowledge it by its deadline, as on the page. The same concern sent again within ten
    minutes is the same concern."""
    client = check_scope(request, Scope.CONCERNS_WRITE)
    youth = client_youth(request, payload.youth_id, action=policy.Action.RAISE_CONCERN, what="concern", audit=False)
    concern = services.concern_raise(actor=_actor(client), youth=youth, category=payload.category,
                                     severity=payload.severity, description=payload.description)
    audit_record(actor=client, action=AuditAction.CREATE, youth=youth, obj=concern, purpose=api_purpose(request),
                 detail={"client": client.pk, "scope": Scope.CONCERNS_WRITE})
    set_etag(response, _concern_etag(concern))
    return Status(201, concern)


@router.get("/concerns/{concern_id}", response={200: ConcernOut, **ERRORS}, url_name="concern_detail",
            summary="Én bekymring")
def concern_detail(request: HttpRequest, concern_id: int, response: HttpResponse) -> Concern:
    """One concern (scope `concerns:read`), with an `ETag` to send as `If-Match` when acknowledging it."""
    check_scope(request, Scope.CONCERNS_READ)
    concern = _concern(request, _id(concern_id))
    set_etag(response, _concern_etag(concern))
    return concern


@router.post("/concerns/{concern_id}/acknowledge", response={200: ConcernOut, **ERRORS},
             url_name="concern_acknowledge", summary="Kvittér for en bekymring")
def concern_acknowledge(request: HttpRequest, concern_id: int, response: HttpResponse) -> Concern:
    """Acknowledge a concern (scope `concerns:write`): for the organisation holding the contact-person role, or one
    whose member was notified. `If-Match` (the concern's ETag) is checked when sent: 412 when the concern changed
    since it was fetched. Acknowledging twice changes nothing."""
    client = check_scope(request, Scope.CONCERNS_WRITE)
    concern = _concern(request, _id(concern_id))
    if not _may_handle(client, concern):
        raise ApiError("forbidden")
    check_if_match(request, _concern_etag(concern), required=False)
    if services.concern_acknowledge(actor=_actor(client), concern=concern):
        audit_record(actor=client, action=AuditAction.UPDATE, youth=concern.youth, obj=concern,
                     purpose=api_purpose(request), detail={"client": client.pk, "acknowledged": True})
    concern.refresh_from_db()
    set_etag(response, _concern_etag(concern))
    return concern


def _id(value: int) -> int:
    if not 1 <= value <= MAX_ID:
        raise ApiError("not_found")
    return value


# --- Referrals -------------------------------------------------------------------------------------------------


class ReferralIn(Schema):
    first_name: str = Field(..., min_length=1, max_length=100)
    last_name: str = Field(..., min_length=1, max_length=100)
    cpr: str = Field("", max_length=11, description="CPR-nummer (ddmmåå-xxxx); ellers fødselsdato.")
    birth_date: datetime.date | None = Field(None, description="Når CPR-nummeret ikke kendes.")
    problem: str = Field(..., min_length=1, max_length=1000, description="Hvad den unge har brug for hjælp til.")
    youth_accepted: bool = Field(..., description="Den unge har sagt ja til at blive henvist (skal være true).")
    accepted_asked_by: str = Field(..., min_length=1, max_length=150, description="Hvem spurgte den unge.")
    accepted_on: datetime.date = Field(..., description="Hvornår den unge sagde ja.")
    mobile: str = Field("", max_length=20)
    email: str = Field("", max_length=254)
    how_to_reach: str = Field("", max_length=300)


class ReferralOut(Schema):
    id: int
    status: str = Field(description="afventer, modtaget eller afvist")
    status_label: str
    submitted_at: datetime.datetime
    decided_at: datetime.datetime | None

    @staticmethod
    def resolve_status_label(obj: Referral) -> str:
        return str(obj.get_status_display())


class ReferralFilters(PageParams):
    status: StatusCode | None = None


def _referrals(client: ApiClient) -> QuerySet[Referral]:
    """The referrals the client's organisation sent (organisation names are unique in a municipality)."""
    return Referral.objects.filter(Q(municipality_id=client.municipality_id)
                                   & Q(organisation_name=client.organisation.name))


@router.post("/referrals", response={200: ReferralOut, 201: ReferralOut, **ERRORS}, url_name="referrals",
             summary="Henvis en ung")
def referral_create(request: HttpRequest, payload: ReferralIn) -> Status[Referral]:
    """Refer a young person from a partner's system (scope `referrals:write`), as the referral form does: the
    young person must have said yes, the age must fit the municipality's target group. 201 when new; 200 with the
    existing referral when the same `Idempotency-Key` (a UUID) was sent before, or the same young person is already
    in the queue from this organisation."""
    client = check_scope(request, Scope.REFERRALS_WRITE)
    key = _idempotency_key(request)
    referral, created = services.referral_submit(
        actor=_actor(client), organisation=client.organisation, first_name=payload.first_name,
        last_name=payload.last_name, cpr_number=payload.cpr, birth_date=payload.birth_date, problem=payload.problem,
        youth_accepted=payload.youth_accepted, accepted_asked_by=payload.accepted_asked_by,
        accepted_on=payload.accepted_on, mobile=payload.mobile, email=payload.email,
        how_to_reach=payload.how_to_reach, idempotency_key=key)
    if created:
        audit_record(actor=client, action=AuditAction.CREATE, obj=referral, municipality=client.municipality,
                     purpose=api_purpose(request), detail={"client": client.pk, "scope": Scope.REFERRALS_WRITE})
    return Status(201 if created else 200, referral)


def _idempotency_key(request: HttpRequest) -> uuid.UUID | None:
    raw = request.headers.get("Idempotency-Key", "").strip()
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ApiError("validation_error", details=[
            {"loc": ["header", "Idempotency-Key"], "msg": "Idempotency-Key skal være et UUID."}]) from None


@router.get("/referrals", response={200: page_of(ReferralOut), **ERRORS}, url_name="referrals",
            summary="Organisationens henvisninger og deres status")
def referral_list(request: HttpRequest, filters: Query[ReferralFilters]) -> dict:
    """The referrals the client's organisation sent, newest first (scope `referrals:read`): status only."""
    client = check_scope(request, Scope.REFERRALS_READ)
    rows = _referrals(client).order_by("-submitted_at", "-pk")
    if filters.status:
        rows = rows.filter(status=filters.status)
    audit_call(request, object_type="referral")
    return paginate(request, rows, filters)


@router.get("/referrals/{referral_id}", response={200: ReferralOut, **ERRORS}, url_name="referral_detail",
            summary="Status på én henvisning")
def referral_detail(request: HttpRequest, referral_id: int) -> Referral:
    client = check_scope(request, Scope.REFERRALS_READ)
    referral = _referrals(client).filter(pk=_id(referral_id)).first()
    if referral is None:
        raise ApiError("not_found")
    audit_call(request, object_type="referral", detail={"referral": referral.pk})
    return referral
