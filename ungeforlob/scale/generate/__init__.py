"""A realistic synthetic installation of a given size, for measuring pages at national scale (issue 14).

`build(youth=80_000, municipalities=98)` is Denmark: the largest municipality 10,000 young people, the others
smaller in a long tail. Each municipality gets organisations in every sector, contact persons with 12–25 young
people each (grouped in teams), colleagues from other sectors, leaders and an administrator, an indicator set
and a follow-up procedure. Each young person gets what years of work leave behind: courses, a circle with
history (earlier contact persons, colleagues on a consent or a legal basis, a team), Min plan (profile, goals,
sub-goals, activities, evaluations, meetings, changes, notes), team assessments every third month (some
corrected), self-evaluations, stations with transitions and their follow-ups, SMS both ways, concerns, plan
stops, handovers, notices, wishes and login codes — and the audit rows all that reading and writing produces.

Rows are written with the writer (COPY on PostgreSQL), never through the services (far too slow at 25
million rows), but they are the rows the services write: every constraint holds, CPR numbers are encrypted
and hashed with the youth app's own helpers. The same seed and size give the same dataset (ids depend on what
the database held before; ciphertexts differ because Fernet draws a fresh IV). Dates are relative to the day
of the build, so *I dag* always has overdue and upcoming follow-ups.
"""

# ruff: noqa: S311, S608 - seeded synthetic data (not secrets); SQL names come from model metadata, values are bound

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection, transaction

from ungeforlob.accounts.models import Municipality, User
from ungeforlob.audit.models import AuditEvent
from ungeforlob.scale.generate.generator import Generator
from ungeforlob.scale.generate.shapes import (
    CODE_PREFIX,
    DEMO_PASSWORD,
    KNOWN_CONTACT_PERSON,
    KNOWN_LEADER,
    LARGEST_DEFAULT,
    MODELS,
    municipality_sizes,
)
from ungeforlob.scale.models import ScaleDataset

__all__ = [
    "CODE_PREFIX", "DEMO_PASSWORD", "KNOWN_CONTACT_PERSON", "KNOWN_LEADER", "LARGEST_DEFAULT", "MODELS",
    "Generator", "build", "current", "municipality_sizes", "reset",
]


# --- entry points ---------------------------------------------------------------------------------------------

def current() -> ScaleDataset | None:
    return ScaleDataset.objects.order_by("-pk").first()


def build(*, youth: int, municipalities: int, seed: int, largest: int = LARGEST_DEFAULT,
          log: Callable[[str], None] = lambda s: None) -> tuple[ScaleDataset, bool]:
    """Build the dataset unless the same one is already there. Returns (dataset, built_now)."""
    existing = current()
    if existing is not None:
        if (existing.status == "ready" and existing.seed == seed and existing.youth == youth
                and existing.municipalities == municipalities and existing.largest == min(largest, youth)):
            return existing, False
        log(f"removing the earlier dataset ({existing})")
        reset(log=log)
    if Municipality.objects.filter(code__startswith=CODE_PREFIX).exists() or User.objects.filter(
            username__in=[KNOWN_CONTACT_PERSON, KNOWN_LEADER]).exists():
        raise RuntimeError("scale data without a record of it is in the database; remove it by hand first")
    generator = Generator(youth=youth, municipalities=municipalities, seed=seed, largest=largest, log=log)
    marker = ScaleDataset.objects.create(
        seed=seed, youth=youth, municipalities=municipalities, largest=min(largest, youth),
        built_on=generator.today, status="building",
        id_ranges={spec.table: [generator.w.first_id[model], None] for model, spec in generator.w.specs.items()},
    )
    result = generator.run()
    marker.id_ranges = result["ranges"]
    marker.counts = result["counts"]
    marker.seconds = round(result["seconds"], 1)
    marker.status = "ready"
    marker.save()
    if connection.vendor == "postgresql":
        log("analysing the tables")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return marker, True


def _audit_unlocked_delete(cursor: Any, sql: str, params: list[Any]) -> None:
    """Delete scale audit rows: the append-only triggers are lifted for this one statement, in its transaction."""
    if connection.vendor == "postgresql":
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        return
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditevent'")
    triggers = cursor.fetchall()
    for name, _sql in triggers:
        cursor.execute(f'DROP TRIGGER "{name}"')
    cursor.execute(sql, params)
    for _name, trigger_sql in triggers:
        cursor.execute(trigger_sql)


def reset(*, log: Callable[[str], None] = lambda s: None) -> int:
    """Remove the scale dataset: every id range it wrote, children first, and the audit rows of its people."""
    marker = current()
    if marker is None:
        return 0
    deleted = 0
    tables = [model._meta.db_table for model in MODELS]
    with transaction.atomic(), connection.cursor() as cursor:
        municipality_ids = list(Municipality.objects.filter(code__startswith=CODE_PREFIX).values_list("pk", flat=True))
        if municipality_ids:
            marks = ", ".join(["%s"] * len(municipality_ids))
            # Rows written later in the scale municipalities (the benchmark's own reads) go too.
            _audit_unlocked_delete(
                cursor, f"DELETE FROM audit_auditevent WHERE municipality_id IN ({marks}) OR actor_id IN "
                        f"(SELECT id FROM accounts_user WHERE municipality_id IN ({marks}))",
                municipality_ids + municipality_ids)
            deleted += cursor.rowcount
        for table in reversed(tables):
            first, last = (marker.id_ranges.get(table) or [None, None])
            if first is None:
                continue
            if last is None:  # an unfinished build: everything from its first id
                sql, params = f"DELETE FROM {connection.ops.quote_name(table)} WHERE id >= %s", [first]
            else:
                sql, params = f"DELETE FROM {connection.ops.quote_name(table)} WHERE id BETWEEN %s AND %s", [first, last]
            if table == AuditEvent._meta.db_table:
                _audit_unlocked_delete(cursor, sql, params)
            else:
                cursor.execute(sql, params)
            deleted += max(cursor.rowcount, 0)
        ScaleDataset.objects.all().delete()
    log(f"removed {deleted} rows")
    return deleted
