"""Reads of the relocation app."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ungeforlob.relocation.models import IncomingPackage, Relocation
from ungeforlob.youth.models import Youth


def relocations_of(youth: Youth) -> QuerySet[Relocation]:
    """The packages sent for a young person the caller has reached through the policy, newest first."""
    return (Relocation.objects.filter(youth=youth).select_related("receiving_municipality", "created_by")
            .defer("sealed"))


def inbox(user: Any, *, show: str = "venter") -> QuerySet[IncomingPackage]:
    """The packages addressed to the user's municipality: waiting, imported, or all. No names: the list shows
    where a package comes from and what it carries; the young person is named only on the preview."""
    qs = (IncomingPackage.objects.filter(municipality_id=user.municipality_id)
          .select_related("imported_by").defer("sealed"))
    if show == "venter":
        qs = qs.filter(imported_at__isnull=True)
    elif show == "importeret":
        qs = qs.filter(imported_at__isnull=False)
    return qs


def incoming_or_404(user: Any, pk: Any) -> IncomingPackage:
    """One package addressed to the user's municipality; 404 when it does not exist or is another's."""
    from django.http import Http404

    from ungeforlob.policy import pk_or_404

    incoming = (IncomingPackage.objects.filter(municipality_id=user.municipality_id, pk=pk_or_404(pk))
                .select_related("relocation", "imported_by").first())
    if incoming is None:
        raise Http404
    return incoming
