"""Reads of the sso app."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from ungeforlob.sso.models import ClaimMapping, IdentityProvider

SORTS = {"navn": "name", "-navn": "-name", "protokol": "protocol", "-protokol": "-protocol"}


def providers_for(*, municipality_id: int, q: str = "", sort: str = "navn") -> QuerySet[IdentityProvider]:
    qs = IdentityProvider.objects.filter(municipality_id=municipality_id).annotate(
        mapping_count=Count("mappings", distinct=True),
        user_count=Count("identities", filter=Q(identities__revoked=False), distinct=True))
    if q:
        qs = qs.filter(name__icontains=q)
    return qs.order_by(SORTS.get(sort, "name"), "pk")


def mappings_of(provider: IdentityProvider) -> QuerySet[ClaimMapping]:
    return provider.mappings.select_related("organisation").order_by("kind", "value")


def login_buttons() -> list[IdentityProvider]:
    """The switched-on providers, for the staff login page (name and id only)."""
    return list(IdentityProvider.objects.filter(is_active=True).only("pk", "name", "protocol").order_by("name"))
