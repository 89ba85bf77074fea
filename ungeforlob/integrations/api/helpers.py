"""What every router of API v1 uses: the young person a client may reach (and the audit row of the read),
pagination, ETag and If-Match, and the audit row of a call that reads no one in particular.

Optimistic locking: a GET of a changeable object answers an `ETag` (`etag_of(version or updated_at …)`); a write
that changes it must send `If-Match` with that ETag — missing: 428 `precondition_required`; another ETag: 412
`precondition_failed`. Creating something new needs no If-Match.
"""

from __future__ import annotations

import hashlib
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Schema
from pydantic import create_model

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record, audit_record_list
from ungeforlob.integrations.api.auth import client_of
from ungeforlob.integrations.api.errors import ApiError
from ungeforlob.youth.models import Youth

M = TypeVar("M", bound=Model)

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000


def api_purpose(request: HttpRequest) -> str:
    scope = getattr(request, "api_scope", "")
    return f"API ({scope})" if scope else "API"


def client_youth(request: HttpRequest, youth_id: Any, *, action: policy.Action = policy.Action.VIEW,
                 what: str = "youth", audit: bool = True, queryset: QuerySet[Youth] | None = None) -> Youth:
    """The young person `youth_id`, if the calling client's organisation may do `action` to them; 404 otherwise
    (not visible answers like not existing). Writes the audit READ row with the client as the actor, so the young
    person's "Hvem har kigget" shows the system by its name (`what` names the part read)."""
    client = client_of(request)
    try:
        pk = policy.pk_or_404(youth_id)
    except Exception:
        raise ApiError("not_found") from None
    base = queryset if queryset is not None else Youth.objects.all()
    youth = base.filter(pk__in=policy.youth_for_client(client, action).values("pk")).filter(pk=pk).first()
    if youth is None:
        raise ApiError("not_found")
    if audit:
        audit_record(actor=client, action=AuditAction.READ, youth=youth, object_type=what,
                     purpose=api_purpose(request), detail={"client": client.pk,
                                                           "scope": getattr(request, "api_scope", "")})
    return youth


def audit_listed(request: HttpRequest, youths: list[Youth]) -> None:
    """The young people a list call showed: one LIST row each, named by the client (one statement)."""
    audit_record_list(actor=client_of(request), youths=youths, purpose=api_purpose(request))


def audit_call(request: HttpRequest, *, object_type: str, detail: dict[str, Any] | None = None) -> None:
    """A call that reads no young person (offers, aggregates): one row naming the client and the scope."""
    client = client_of(request)
    audit_record(actor=client, action=AuditAction.READ, object_type=object_type, municipality=client.municipality,
                 purpose=api_purpose(request),
                 detail={"client": client.pk, "scope": getattr(request, "api_scope", ""), **(detail or {})})


# --- Pagination ----------------------------------------------------------------------------------------------


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Højst så mange rækker (1–100).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Spring så mange rækker over.")


_pages: dict[type, type[Schema]] = {}


def page_of(item: type[Schema]) -> type[Schema]:
    """The response schema of a page of `item`: count, limit, offset, next (the next page's URL or null) and
    results."""
    if item not in _pages:
        _pages[item] = create_model(  # type: ignore[call-overload]
            f"{item.__name__}Page", __base__=Schema,
            count=(int, ...), limit=(int, ...), offset=(int, ...), next=(str | None, None),
            results=(list[item], ...),  # type: ignore[valid-type]
        )
    return _pages[item]


def paginate(request: HttpRequest, queryset: QuerySet[M], params: PageParams) -> dict[str, Any]:
    """One COUNT and one SELECT whatever the size of the list."""
    count = queryset.count()
    rows = list(queryset[params.offset: params.offset + params.limit])
    following = None
    if params.offset + params.limit < count:
        query = request.GET.copy()
        query["offset"] = str(params.offset + params.limit)
        query["limit"] = str(params.limit)
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"count": count, "limit": params.limit, "offset": params.offset, "next": following, "results": rows}


# --- ETag and If-Match ---------------------------------------------------------------------------------------


def etag_of(*parts: Any) -> str:
    """A strong ETag from what identifies a state (the object's id and version, or updated_at)."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f'"{digest}"'


def set_etag(response: HttpResponse, etag: str) -> None:
    response["ETag"] = etag


def check_if_match(request: HttpRequest, etag: str, *, required: bool = True) -> None:
    """A write on an object fetched with `etag`: 428 when If-Match is missing (and required), 412 when it names
    another state. `*` matches any state."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        if required:
            raise ApiError("precondition_required")
        return
    if header == "*":
        return
    sent = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if etag not in sent:
        raise ApiError("precondition_failed", headers={"ETag": etag})
