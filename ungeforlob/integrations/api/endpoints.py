"""The integrations app's own endpoints of API v1: young people (list, detail), their plan and progression level,
the offers (HSDS) and the leaders' aggregates. Each endpoint: scope → policy (client_youth / youth_for_client) →
one selector → schema."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from pydantic import BeforeValidator

from ungeforlob.integrations import selectors
from ungeforlob.integrations.api.auth import check_scope, client_of
from ungeforlob.integrations.api.helpers import (
    PageParams,
    audit_call,
    audit_listed,
    client_youth,
    etag_of,
    page_of,
    paginate,
    set_etag,
)
from ungeforlob.integrations.api.schemas import ERRORS
from ungeforlob.integrations.scopes import Scope
from ungeforlob.progression.levels import Level

router = Router(tags=["Unge"])

LevelCode = Literal["kontaktparat", "vejledningsparat", "valgparat", "uddannelsesparat", "erhvervsparat"]
assert set(LevelCode.__args__) == set(Level.values)  # type: ignore[attr-defined]  # noqa: S101


class YouthOut(Schema):
    id: int
    first_name: str
    last_name: str
    preferred_name: str
    birth_date: datetime.date
    level: str = Field(description="Seneste vurdering af progressionsniveau (kode), tom når ikke vurderet.")
    level_label: str
    contact_person: str = Field(description="Kontaktpersonens navn (eller teamets), tom når ingen.")
    updated_at: datetime.datetime


# RFC 3339, as the OpenAPI format date-time says: a date, a time with seconds and an offset (Z or +01:00).
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def _rfc3339(value: object) -> object:
    """pydantic would also take a number of seconds or a bare date; the API takes what its schema says."""
    if not isinstance(value, str) or not _RFC3339.fullmatch(value.strip()):
        raise ValueError("Skriv tidspunktet efter RFC 3339, fx 2026-01-31T12:00:00Z.")
    return value.strip()


Timestamp = Annotated[datetime.datetime, BeforeValidator(_rfc3339)]


class YouthFilters(PageParams):
    q: str = Field("", max_length=100, description="Søg i navn.")
    level: LevelCode | None = Field(None, description="Kun unge på dette progressionsniveau.")
    contact_person: int | None = Field(None, ge=1, le=2**63 - 1,
                                       description="Kun unge med denne medarbejder (id) som kontaktperson.")
    updated_since: Timestamp | None = Field(None, description="Kun unge ændret siden (RFC 3339, fx "
                                                                  "2026-01-31T12:00:00Z).")


@router.get("/youth", response={200: page_of(YouthOut), **ERRORS}, url_name="youth_list",
            summary="Unge, klienten må se")
def youth_list(request: HttpRequest, filters: Query[YouthFilters]) -> dict:
    """The young people the client's organisation may see (scope `youth:read`), filtered and paginated. Each
    young person shown gets a LIST row on "Hvem har kigget" with the client's name."""
    client = check_scope(request, Scope.YOUTH_READ)
    rows = selectors.youth_for_api(client, q=filters.q, level=filters.level or "",
                                   contact_person=filters.contact_person, updated_since=filters.updated_since)
    page = paginate(request, rows, filters)
    audit_listed(request, page["results"])
    page["results"] = selectors.with_labels(page["results"])
    return page


@router.get("/youth/{youth_id}", response={200: YouthOut, **ERRORS}, url_name="youth_detail",
            summary="Én ung")
def youth_detail(request: HttpRequest, youth_id: int, response: HttpResponse) -> object:
    """One young person (scope `youth:read`), with an ETag of their record's state."""
    check_scope(request, Scope.YOUTH_READ)
    client = client_of(request)
    youth = client_youth(request, youth_id, what="youth",
                         queryset=selectors.youth_for_api(client))
    set_etag(response, etag_of("youth", youth.pk, youth.updated_at.isoformat()))
    return selectors.with_labels([youth])[0]



# --- Plan and progression --------------------------------------------------------------------------------------


class ActivityOut(Schema):
    id: int
    title: str
    reason: str
    responsible: str
    responsible_name: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    when_text: str
    place: str
    status: str
    offer_id: int | None
    version: int


class SubGoalOut(Schema):
    id: int
    text: str
    target_date: datetime.date | None
    status: str
    success_criterion: str
    version: int
    activities: list[ActivityOut]


class GoalOut(Schema):
    id: int
    position: int
    text: str
    written_by: str
    version: int
    updated_at: datetime.datetime
    subgoals: list[SubGoalOut]


class PlanOut(Schema):
    youth_id: int
    goals: list[GoalOut]


@router.get("/youth/{youth_id}/plan", response={200: PlanOut, **ERRORS}, url_name="youth_plan",
            summary="Den unges plan (mål, delmål, aktiviteter)")
def youth_plan(request: HttpRequest, youth_id: int, response: HttpResponse) -> object:
    """The plan in the young person's own words (scope `plan:read`), with an ETag of its state."""
    check_scope(request, Scope.PLAN_READ)
    youth = client_youth(request, youth_id, what="plan")
    plan = selectors.plan_for_api(youth)
    set_etag(response, plan["etag"])
    return plan


class ProgressionOut(Schema):
    youth_id: int
    level: str | None = Field(description="Seneste vurdering (kode), null når ikke vurderet.")
    level_label: str
    overlap_level: str = Field(description="Et niveau, den unge også viser tegn på (kode), tom når intet.")
    assessed_on: datetime.date | None


@router.get("/youth/{youth_id}/progression", response={200: ProgressionOut, **ERRORS},
            url_name="youth_progression", summary="Den unges progressionsniveau")
def youth_progression(request: HttpRequest, youth_id: int) -> object:
    """The team's latest assessment on the taxonomy's five levels (scope `progression:read`)."""
    check_scope(request, Scope.PROGRESSION_READ)
    youth = client_youth(request, youth_id, what="progression")
    return selectors.progression_for_api(youth)


# --- Offers (HSDS) and the leaders' aggregates ------------------------------------------------------------------

offers_router = Router(tags=["Tilbud"])
aggregates_router = Router(tags=["Ledelsestal"])


class OfferParams(Schema):
    page: int = Field(1, ge=1, le=100_000, description="Sidenummer (HSDS), fra 1.")
    per_page: int = Field(50, ge=1, le=100, description="Tilbud pr. side (1–100).")


@offers_router.get("/offers", response={200: dict[str, object], **ERRORS}, url_name="offers",
                   summary="Kommunens aktive tilbud som Open Referral HSDS 3")
def offers(request: HttpRequest, params: Query[OfferParams]) -> dict:
    """The municipality's active offers as an HSDS 3 page of services (scope `offers:read`); the same services
    as the open-data feed and the catalogue's HSDS export."""
    client = check_scope(request, Scope.OFFERS_READ)
    page = selectors.offers_for_api(client, page=params.page, per_page=params.per_page)
    audit_call(request, object_type="api_offers", detail={"page": params.page})
    return page


class CellOut(Schema):
    value: float | None = Field(description="Tallet; null når det er skjult (færre end 5 unge bag).")
    base: int | None
    kind: str
    suppressed: bool
    display: str


class RowOut(Schema):
    label: str
    cells: list[CellOut]


class TableOut(Schema):
    slug: str
    title: str
    columns: list[str]
    rows: list[RowOut]
    note: str


class AggregatesOut(Schema):
    quarters: list[str]
    tables: list[TableOut]


@aggregates_router.get("/aggregates", response={200: AggregatesOut, **ERRORS}, url_name="aggregates",
                       summary="Ledelsens tal for kommunen (kun samlede tal)")
def aggregates(request: HttpRequest) -> object:
    """The leaders' tables for the last eight quarters (scope `aggregates:read`): movements between levels and
    outcomes. Counts only, never a young person; a figure resting on fewer than 5 young people is hidden
    (`suppressed`, value null) by the same rules as the leader's pages."""
    client = check_scope(request, Scope.AGGREGATES_READ)
    data = selectors.aggregates_for_api(client)
    audit_call(request, object_type="api_aggregates")
    return data
