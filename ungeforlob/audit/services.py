"""Writing to the audit log. Every service that touches personal data calls one of these."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.core.request_context import current_ip


def _actor_fields(actor: Any, youth: Any = None) -> dict[str, Any]:
    """Snapshot of who acted. `actor` is a staff User, or None for a young person / the system."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_name": "", "actor_organisation": "", "actor_role": ""}
    return {
        "actor": actor,
        "actor_name": actor.get_full_name() or actor.username,
        "actor_organisation": actor.organisation.name if actor.organisation_id else "",
        "actor_role": actor.profession or actor.get_role_display(),
    }


def audit_record(
    *,
    actor: Any,
    action: str,
    youth: Any = None,
    obj: Any = None,
    object_type: str = "",
    object_id: str | int = "",
    purpose: str = "",
    detail: dict[str, Any] | None = None,
    actor_youth: Any = None,
    municipality: Any = None,
) -> AuditEvent:
    """Append one audit row. `obj` fills object_type/object_id from a model instance."""
    if obj is not None:
        object_type = object_type or obj._meta.model_name
        object_id = object_id or obj.pk
    if municipality is None:
        municipality = getattr(youth, "municipality", None) or getattr(actor, "municipality", None)
    return AuditEvent.objects.create(
        municipality=municipality,
        action=action,
        youth_id=getattr(youth, "pk", None),
        actor_youth_id=getattr(actor_youth, "pk", None),
        object_type=object_type or ("youth" if youth is not None else ""),
        object_id=str(object_id or (getattr(youth, "pk", "") or "")),
        purpose=purpose[:300],
        detail=detail or {},
        ip_address=current_ip(),
        **_actor_fields(actor),
    )


def audit_record_list(*, actor: Any, youths: Iterable[Any], purpose: str = "") -> None:
    """One row per young person shown in a list, written in one query (lists must not grow in queries)."""
    base = _actor_fields(actor)
    ip = current_ip()
    rows = [
        AuditEvent(
            municipality_id=y.municipality_id,
            action=AuditAction.LIST,
            youth_id=y.pk,
            object_type="youth",
            object_id=str(y.pk),
            purpose=purpose[:300],
            ip_address=ip,
            **base,
        )
        for y in youths
    ]
    if rows:
        AuditEvent.objects.bulk_create(rows)


# A CPR number typed into a search box, with or without the dash (also inside a longer search).
_CPR_IN_TERMS = re.compile(r"(?<!\d)\d{6}[-\s]?\d{4}(?!\d)")
CPR_SEARCH_MASK = "CPR-søgning"


def audit_search(*, actor: Any, terms: str, object_type: str, purpose: str = "", youth: Any = None
                 ) -> AuditEvent | None:
    """Log a search with its terms (nothing when the terms are empty).

    A CPR number typed as a search term is never written to the log: it is replaced by "CPR-søgning", so
    the log shows that someone searched by number without holding the number itself. `youth`: a search
    within one young person's data (their notes, their plan history) is logged on them.
    """
    terms = (terms or "").strip()
    if not terms:
        return None
    logged = _CPR_IN_TERMS.sub(CPR_SEARCH_MASK, terms)[:200]
    return audit_record(actor=actor, action=AuditAction.SEARCH, youth=youth, object_type=object_type,
                        purpose=purpose, detail={"q": logged})
