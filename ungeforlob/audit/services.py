"""Writing to the audit log. Every service that touches personal data calls one of these."""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ungeforlob.audit import partitions
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.core.request_context import current_ip

logger = logging.getLogger(__name__)

_LIST = AuditAction.LIST.value
assert re.fullmatch(r"[a-z_]+", _LIST)  # written into SQL as a literal (audit_record_list)


def _actor_fields(actor: Any, youth: Any = None) -> dict[str, Any]:
    """Snapshot of who acted. `actor` is a staff User, a system that names itself (an integration client's
    `audit_actor_fields()`: no user, the system's name), or None for a young person / the system."""
    as_system = getattr(actor, "audit_actor_fields", None)
    if as_system is not None:
        return as_system()
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_name": "", "actor_organisation": "", "actor_role": ""}
    return {
        "actor": actor,
        "actor_name": actor.get_full_name() or actor.username,
        "actor_organisation": actor.organisation.name if actor.organisation_id else "",
        "actor_role": actor.profession or actor.get_role_display(),
    }


def _municipality_id(holder: Any) -> int | None:
    """The municipality of a young person or an actor, by its key where it has one (no query for the row)."""
    if holder is None:
        return None
    if (key := getattr(holder, "municipality_id", None)) is not None:
        return key
    return getattr(getattr(holder, "municipality", None), "pk", None)


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
    municipality_id = (getattr(municipality, "pk", None) if municipality is not None
                       else _municipality_id(youth) or _municipality_id(actor))
    return AuditEvent.objects.create(
        municipality_id=municipality_id,
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
    """Record that these young people were shown to `actor` in a list: once per (actor, young person, day).

    The young person's right to see that they appeared in a list is kept (a LIST row on *Hvem har kigget*), but
    a list opened again the same day — paging, sorting, coming back to *Mine unge* — writes nothing new: the row
    of the day's first showing (with its purpose) stands for the day. The day is the local calendar day.

    One statement whatever the length of the list (lists must not grow in queries): an INSERT … SELECT over the
    shown young people that leaves out those with a LIST row by this actor since midnight, found through an
    index (youth's or actor's) — on PostgreSQL only this month's partition and later ones are looked at. Two requests racing on the same
    young person may both write their row: that is one row too many, never one too few.
    """
    shown = {y.pk: y.municipality_id for y in youths}
    if not shown:
        return
    base = _actor_fields(actor)
    if base["actor"] is None:  # no one to count the day for: every showing is written
        AuditEvent.objects.bulk_create([
            AuditEvent(municipality_id=m, action=AuditAction.LIST, youth_id=pk, object_type="youth",
                       object_id=str(pk), purpose=purpose[:300], ip_address=current_ip(), **base)
            for pk, m in shown.items()])
        return
    now = timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    ops = connection.ops
    field = AuditEvent._meta.get_field
    values = ", ".join(["(CAST(%s AS bigint), CAST(%s AS bigint))"] * len(shown))
    # Only placeholders are joined into the text; every value is a parameter. The one literal is the list action
    # (a constant of the code), written out so that PostgreSQL can use the partial index `audit_actor_listed`
    # (list rows only) whatever plan it keeps for the statement: a parameter it cannot match to the index's
    # condition in a generic plan.
    sql = (
        "INSERT INTO audit_auditevent (created_at, municipality_id, actor_id, actor_name, actor_organisation, "  # noqa: S608
        "actor_role, actor_youth_id, action, youth_id, object_type, object_id, purpose, detail, ip_address) "
        "SELECT %s, shown.column2, %s, %s, %s, %s, NULL, %s, shown.column1, %s, CAST(shown.column1 AS varchar(60)), "
        "%s, %s, %s "
        f"FROM (VALUES {values}) AS shown "
        "WHERE NOT EXISTS (SELECT 1 FROM audit_auditevent seen WHERE seen.youth_id = shown.column1 "
        f"AND seen.created_at >= %s AND seen.action = '{_LIST}' AND seen.actor_id = %s)"
    )
    ip = current_ip()
    params = [
        ops.adapt_datetimefield_value(now), base["actor"].pk, base["actor_name"], base["actor_organisation"],
        base["actor_role"], AuditAction.LIST.value, "youth", purpose[:300],
        field("detail").get_db_prep_save({}, connection),
        field("ip_address").get_db_prep_save(ip, connection) if ip else None,
        *[v for pk, m in shown.items() for v in (pk, m)],
        ops.adapt_datetimefield_value(midnight), base["actor"].pk,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def audit_pseudonymise(*, pseudonyms: dict[int, str]) -> int:
    """Replace young people's ids in the log by their pseudonyms ({youth id: pseudonym}); return the rows changed.

    The one change the append-only triggers let through (audit migration 0006): `youth_id` (and `actor_youth_id`
    when it is the same young person) become NULL, `youth_pseudonym` is set, an `object_id` that was the young
    person's id is emptied; who looked, when and why stay. Rows already pseudonymised are left alone, so running
    it again changes nothing. Called by the retention rules when a record is anonymised or deleted.
    """
    changed = 0
    sql = (
        "UPDATE audit_auditevent SET youth_pseudonym = %s, youth_id = NULL, "
        "actor_youth_id = CASE WHEN actor_youth_id = %s THEN NULL ELSE actor_youth_id END, "
        "object_id = CASE WHEN object_id = %s AND youth_id = %s THEN '' ELSE object_id END "
        "WHERE youth_pseudonym = '' AND (youth_id = %s OR (youth_id IS NULL AND actor_youth_id = %s))"
    )
    with connection.cursor() as cursor:
        for youth_id, pseudonym in pseudonyms.items():
            cursor.execute(sql, [pseudonym, youth_id, str(youth_id), youth_id, youth_id, youth_id])
            changed += max(cursor.rowcount, 0)
    return changed


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


# --- Monthly partitions on PostgreSQL (the worker's jobs; see audit/partitions.py) ------------------------------


def audit_partitions_ensure(*, months_ahead: int = 3, now: datetime.datetime | None = None) -> int:
    """Create the audit log's partitions for this month and `months_ahead` months ahead; return how many.

    Also gives a month of its own to rows that landed in the default partition (written while their month had
    no partition), so the retention can later drop them with their month. Safe to run again: a month that
    exists is left alone. SQLite: nothing to do (0).
    """
    if not partitions.is_partitioned():
        return 0
    this_month = partitions.month_of(now or timezone.now())
    wanted = {partitions.add_months(this_month, k) for k in range(max(months_ahead, 0) + 1)}
    with transaction.atomic():
        with connection.cursor() as cursor:  # one worker at a time changes the partitions
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('audit_partitions'))")
        stranded = partitions.months_in_default()
        missing = sorted((wanted | stranded) - set(partitions.months()))
        if missing:
            partitions.create(missing, stranded=bool(stranded))
    for month in missing:
        logger.info("audit log: partition for %s created", month.strftime("%Y-%m"))
    return len(missing)


def audit_partitions_drop_expired(*, retention_months: int | None = None, now: datetime.datetime | None = None) -> int:
    """Drop the audit log's monthly partitions that lie wholly before the retention; return how many.

    The retention is `AUDIT_RETENTION_MONTHS` (default 60): the longest any municipality on the installation keeps
    its log. A month goes when its last day is more than that many months ago, so every row is kept at least
    that long. This is the only way rows leave the log: a whole month's table is dropped (UPDATE and DELETE of a
    row stay refused), and each drop is itself written to the log with the month and its number of rows. A
    municipality with a shorter rule has its own rows removed by the privacy retention, not here. 0 or less
    keeps everything. SQLite: nothing is dropped (0).
    """
    months = getattr(settings, "AUDIT_RETENTION_MONTHS", 60) if retention_months is None else retention_months
    if months < 1 or not partitions.is_partitioned():
        return 0
    cutoff = partitions.add_months(partitions.month_of(now or timezone.now()), -months)
    dropped = 0
    for month, name in sorted(partitions.months().items()):
        if partitions.add_months(month, 1) > cutoff:
            continue
        with transaction.atomic():
            rows = partitions.count_rows(name)
            partitions.drop(name)
            audit_record(actor=None, action=AuditAction.DELETE, object_type="auditlog_month",
                         object_id=month.strftime("%Y-%m"), purpose="Logningens opbevaringstid udløbet",
                         detail={"rows": rows, "retention_months": months})
        logger.info("audit log: partition for %s dropped (%s rows, retention %s months)",
                    month.strftime("%Y-%m"), rows, months)
        dropped += 1
    return dropped
