"""Reads of the open door: only what the municipality wrote for everyone, its procedures and its active offers.
No young person's data is read here. Each function runs a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from ungeforlob.accounts.models import Municipality
from ungeforlob.offers.models import Offer
from ungeforlob.openinfo.models import PublicPage
from ungeforlob.transitions.models import Procedure, ProcedureStep


def published_page(code: str) -> PublicPage:
    """The municipality's published page, or 404 (also when it exists but is not published)."""
    page = (PublicPage.objects.select_related("municipality")
            .filter(municipality__code=code[:40], published=True).first())
    if page is None:
        raise Http404
    return page


def active_offers(municipality_id: int) -> QuerySet[Offer]:
    return (Offer.objects.filter(municipality_id=municipality_id, is_active=True)
            .select_related("provider").order_by("name", "pk"))


def active_procedures(municipality_id: int) -> list[Procedure]:
    steps = Prefetch("steps", queryset=ProcedureStep.objects.order_by("offset_days", "position", "pk"))
    return list(Procedure.objects.filter(municipality_id=municipality_id, is_active=True)
                .order_by("-is_default", "name").prefetch_related(steps))


def public_context(page: PublicPage) -> dict[str, Any]:
    """What the public page shows. Three queries (the page itself read by `published_page`, procedures with their
    steps, offers)."""
    mid = page.municipality_id
    return {
        "page": page,
        "municipality": page.municipality,
        "procedures": active_procedures(mid) if page.show_procedures else [],
        "offers": list(active_offers(mid)) if page.show_offers else [],
    }


def published_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(public_page__published=True).order_by("name")


def page_for_edit(user: Any, code: str) -> tuple[Municipality, PublicPage | None]:
    """The user's own municipality (by its code in the URL) and its page, if written. Another municipality's code
    answers 404, whether or not it exists."""
    municipality = Municipality.objects.filter(code=code[:40], pk=user.municipality_id).first()
    if municipality is None:
        raise Http404
    return municipality, PublicPage.objects.filter(municipality=municipality).first()
