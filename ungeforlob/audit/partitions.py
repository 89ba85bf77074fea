"""The audit log's monthly partitions on PostgreSQL (made by migration 0005): names, bounds and the two moves.

A month's partition is `audit_auditevent_yYYYYmMM`, bounded in UTC: [first of the month 00:00 UTC, first of the
next month). `audit_auditevent_default` catches a row for a month that has no partition yet (the worker creates
them three months ahead, so normally it stays empty). The worker's jobs are in `audit.services`; this module is
the SQL they run. Nothing here deletes a row: old months go by dropping their whole table.
"""

from __future__ import annotations

import datetime
import re

from django.db import connection

TABLE = "audit_auditevent"
DEFAULT = f"{TABLE}_default"
_NAME = re.compile(rf"^{TABLE}_y(\d{{4}})m(\d{{2}})$")


def add_months(month: datetime.date, n: int) -> datetime.date:
    year, index = divmod(month.month - 1 + n, 12)
    return datetime.date(month.year + year, index + 1, 1)


def month_of(moment: datetime.datetime) -> datetime.date:
    """The UTC month a moment falls in (the partitions' bounds are in UTC)."""
    return moment.astimezone(datetime.UTC).date().replace(day=1)


def name_for(month: datetime.date) -> str:
    return f"{TABLE}_y{month.year:04d}m{month.month:02d}"


def is_partitioned() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)", [TABLE])
        row = cursor.fetchone()
    return bool(row and row[0] == "p")


def months() -> dict[datetime.date, str]:
    """The monthly partitions that exist, by month (the default partition is not one of them)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = %s::regclass", [TABLE])
        names = [row[0] for row in cursor.fetchall()]
    found = {}
    for name in names:
        match = _NAME.match(name)
        if match:
            found[datetime.date(int(match[1]), int(match[2]), 1)] = name
    return found


def _create_sql(month: datetime.date) -> str:
    following = add_months(month, 1)
    return (f"CREATE TABLE {name_for(month)} PARTITION OF {TABLE} FOR VALUES "
            f"FROM ('{month.isoformat()} 00:00:00+00') TO ('{following.isoformat()} 00:00:00+00')")


def months_in_default() -> set[datetime.date]:
    """Months that have rows in the default partition (rows written while their month had no partition)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT (date_trunc('month', created_at AT TIME ZONE 'UTC'))::date FROM {DEFAULT}")  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def create(missing: list[datetime.date], *, stranded: bool) -> None:
    """Create the partitions of `missing` months. Call inside a transaction.

    `stranded`: the default partition holds rows of some of these months. PostgreSQL refuses a new partition
    while the default holds rows in its range, so the default is detached and set aside, an empty one put in its
    place, the months created, and the set-aside rows copied back through the parent (each lands in its month)
    before the set-aside table is dropped. Rows keep their ids; none is deleted. This holds the table for the
    length of the copy — it happens only after the worker was away for longer than the months created ahead.
    """
    with connection.cursor() as cursor:
        if not stranded:
            for month in missing:
                cursor.execute(_create_sql(month))
            return
        cursor.execute(
            "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped", [TABLE])
        columns = cursor.fetchone()[0]
        aside = f"{DEFAULT}_aside"
        cursor.execute(f"ALTER TABLE {TABLE} DETACH PARTITION {DEFAULT}")
        cursor.execute(f"ALTER TABLE {DEFAULT} RENAME TO {aside}")
        cursor.execute(f"CREATE TABLE {DEFAULT} PARTITION OF {TABLE} DEFAULT")
        for month in missing:
            cursor.execute(_create_sql(month))
        cursor.execute(f"INSERT INTO {TABLE} ({columns}) SELECT {columns} FROM {aside}")  # noqa: S608
        _checks_done(cursor)
        cursor.execute(f"DROP TABLE {aside}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _checks_done(cursor) -> None:
    """Run the deferred foreign-key checks now: a table with pending checks (rows written earlier in this
    transaction) cannot be dropped. Django makes its foreign keys DEFERRABLE INITIALLY DEFERRED; the caller sets
    them back to deferred when the drop is done."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def count_rows(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {name}")  # noqa: S608 (a name from months())
        return cursor.fetchone()[0]


def drop(name: str) -> None:
    with connection.cursor() as cursor:
        _checks_done(cursor)
        cursor.execute(f"DROP TABLE {name}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
