"""Reads for the API and the administrator's pages. Every read of young people starts from
`policy.youth_for_client`."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import CharField, Exists, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat

from ungeforlob import policy
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.integrations.models import ApiClient
from ungeforlob.progression.levels import level_label
from ungeforlob.youth.models import Youth
from ungeforlob.youth.selectors import search_filter


def _contact_person_name() -> Subquery:
    contact = (Membership.objects.active().filter(youth=OuterRef("pk"), role=ChainRole.CONTACT_PERSON)
               .order_by("start_date", "pk")
               .annotate(holder=Coalesce(
                   Concat(F("professional__first_name"), Value(" "), F("professional__last_name"),
                          output_field=CharField()),
                   F("team__name"), output_field=CharField()))
               .values("holder")[:1])
    return Subquery(contact, output_field=CharField())


def youth_for_api(client: ApiClient, *, q: str = "", level: str = "", contact_person: int | None = None,
                  updated_since: datetime.datetime | None = None,
                  action: policy.Action = policy.Action.VIEW) -> QuerySet[Youth]:
    """The young people the client may see, with their level and contact person; one query per page however
    many rows (each column a subquery)."""
    from ungeforlob.progression.selectors import caseload_level_annotations

    rows = policy.youth_for_client(client, action)
    rows = search_filter(rows, q[:100]) if q and not q.strip().replace("-", "").isdigit() else rows
    rows = rows.annotate(**caseload_level_annotations(),
                         contact_person_name=Coalesce(_contact_person_name(), Value(""), output_field=CharField()))
    if level:
        rows = rows.filter(current_level=level)
    if contact_person:
        rows = rows.filter(Exists(Membership.objects.active().filter(
            youth=OuterRef("pk"), role=ChainRole.CONTACT_PERSON, professional_id=contact_person)))
    if updated_since:
        rows = rows.filter(updated_at__gte=updated_since)
    return rows.order_by("first_name", "last_name", "pk")


def with_labels(rows: list[Youth]) -> list[dict[str, Any]]:
    """Rows of `youth_for_api` as the API shows them."""
    return [{
        "id": y.pk, "first_name": y.first_name, "last_name": y.last_name, "preferred_name": y.preferred_name,
        "birth_date": y.birth_date, "level": y.current_level, "level_label": level_label(y.current_level),
        "contact_person": y.contact_person_name.strip(), "updated_at": y.updated_at,
    } for y in rows]


def plan_for_api(youth: Youth) -> dict[str, Any]:
    """The plan as the API shows it, with an ETag over every part's id and version (one change anywhere in the
    plan changes it). The queries of `plans.selectors.plan_for`'s goal tree."""
    from django.db.models import Prefetch

    from ungeforlob.integrations.api.helpers import etag_of
    from ungeforlob.plans.models import Activity, Goal, SubGoal

    goals = list(Goal.objects.filter(youth=youth).order_by("position", "pk").prefetch_related(
        Prefetch("subgoals", queryset=SubGoal.objects.order_by("created_at", "pk").prefetch_related(
            Prefetch("activities", queryset=Activity.objects.order_by("pk"))))))
    state: list[Any] = []
    out = []
    for goal in goals:
        state += ["g", goal.pk, goal.version]
        subgoals = []
        for sub in goal.subgoals.all():
            state += ["s", sub.pk, sub.version]
            activities = []
            for act in sub.activities.all():
                state += ["a", act.pk, act.version]
                activities.append({
                    "id": act.pk, "title": act.title, "reason": act.reason, "responsible": act.responsible,
                    "responsible_name": act.responsible_name, "start_date": act.start_date,
                    "end_date": act.end_date, "when_text": act.when_text, "place": act.place, "status": act.status,
                    "offer_id": act.offer_id, "version": act.version})
            subgoals.append({"id": sub.pk, "text": sub.text, "target_date": sub.target_date, "status": sub.status,
                             "success_criterion": sub.success_criterion, "version": sub.version,
                             "activities": activities})
        out.append({"id": goal.pk, "position": goal.position, "text": goal.text, "written_by": goal.written_by,
                    "version": goal.version, "updated_at": goal.updated_at, "subgoals": subgoals})
    return {"youth_id": youth.pk, "goals": out, "etag": etag_of("plan", youth.pk, *state)}


def progression_for_api(youth: Youth) -> dict[str, Any]:
    from ungeforlob.progression.selectors import current_level_for

    current = current_level_for(youth)
    if current is None:
        return {"youth_id": youth.pk, "level": None, "level_label": "", "overlap_level": "", "assessed_on": None}
    return {"youth_id": youth.pk, "level": current.level, "level_label": current.label,
            "overlap_level": current.overlap_level or "", "assessed_on": current.assessed_on}


def offers_for_api(client: ApiClient, *, page: int, per_page: int) -> dict[str, Any]:
    """One HSDS 3 page of the client's municipality's active offers (the open-data feed's services). Three
    queries per page (count, offers with their load, need tags)."""
    from ungeforlob.offers import exchange
    from ungeforlob.offers.selectors import with_load
    from ungeforlob.openinfo.selectors import active_offers

    offers = active_offers(client.municipality_id)
    total = offers.count()
    start = (page - 1) * per_page
    rows = list(with_load(offers).select_related("municipality").prefetch_related("need_tags")
                [start:start + per_page]) if start < total else []
    body = exchange.hsds_page([exchange.hsds_service(o, in_use=o.in_use) for o in rows])
    pages = max(1, -(-total // per_page))
    body.update({"total_items": total, "total_pages": pages, "page_number": page, "size": len(rows),
                 "first_page": page == 1, "last_page": page >= pages, "empty": not rows})
    return body


def aggregates_for_api(client: ApiClient) -> dict[str, Any]:
    """The leaders' tables (flow and outcomes) for the municipality, last eight quarters, no filters: every
    figure a `suppression.Cell`, so small numbers are hidden as on the leader's pages."""
    from django.utils import timezone

    from ungeforlob.insights import flow, outcomes
    from ungeforlob.insights.filters import DEFAULT_QUARTERS, LeaderFilters
    from ungeforlob.insights.quarters import quarters_back

    quarters = quarters_back(timezone.localdate(), DEFAULT_QUARTERS)
    filters = LeaderFilters(client.municipality_id, quarters)
    tables = [*flow.tables(filters), *outcomes.tables(filters)]
    return {
        "quarters": [str(q.label) for q in quarters],
        "tables": [{
            "slug": t.slug, "title": str(t.title), "columns": [str(c) for c in t.columns], "note": str(t.note),
            "rows": [{"label": str(label), "cells": [
                {"value": None if c.suppressed else c.value, "base": c.base, "kind": c.kind,
                 "suppressed": c.suppressed, "display": c.display} for c in cells]} for label, cells in t.rows],
        } for t in tables],
    }


CLIENT_SORTS: dict[str, list[str]] = {
    "navn": ["name"], "-navn": ["-name"],
    "organisation": ["organisation__name", "name"], "-organisation": ["-organisation__name", "name"],
    "udloeber": ["expires_at", "name"], "-udloeber": ["-expires_at", "name"],
    "brugt": ["last_used_at", "name"], "-brugt": ["-last_used_at", "name"],
}


def clients_for(*, municipality_id: int, q: str = "", sort: str = "navn") -> QuerySet[ApiClient]:
    """The municipality's integration clients for the administrator's list (one query per page)."""
    from django.db.models import Q

    rows = ApiClient.objects.filter(municipality_id=municipality_id).select_related("organisation")
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(organisation__name__icontains=q) | Q(token_prefix__startswith=q))
    return rows.order_by(*CLIENT_SORTS.get(sort, CLIENT_SORTS["navn"]), "pk")


def own_client(user: Any, pk: Any) -> ApiClient:
    """A client of the administrator's own municipality, or 404 (another municipality's is not there)."""
    from django.http import Http404

    key = policy.pk_or_404(pk)
    client = (ApiClient.objects.filter(municipality_id=user.municipality_id, pk=key)
              .select_related("organisation", "created_by").first())
    if client is None:
        raise Http404
    return client
