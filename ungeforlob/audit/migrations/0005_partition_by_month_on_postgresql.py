"""On PostgreSQL the audit log becomes a table partitioned by month on created_at (declarative RANGE partitioning).

At national use the log grows by tens of millions of rows a year; one table would carry them all in every index
forever. Partitioned by month, each month's rows and indexes are a table of their own: one young person's reads
touch a few index pages per month, and rows older than the installation's retention go by dropping a whole
month (`audit.partitions.drop_expired`, run by the worker) — never by DELETE, which the trigger still refuses.

The conversion, in one transaction: the table is renamed, a partitioned table LIKE it is created (same columns,
defaults and identity, so ids go on from where they were), one partition per month from the oldest row up to three
months ahead plus a DEFAULT partition (a row for a month without its partition still lands; the worker moves it
into its month), the rows are copied, the old table is dropped, then the primary key (id, created_at) — a
partitioned table's key must include the partition column; the ORM keeps `id` as its key — the indexes and
foreign keys are created again under their old names, and the append-only trigger is created on the parent, from
where PostgreSQL (13 and later) clones it onto every partition, also those created later.

The copy holds the table for its length: 10 million rows took 30 s on an idle two-core test machine with fsync off
(docs/benchmarks.md); on production disks allow minutes, in a maintenance window.
SQLite keeps its one plain table. The reverse turns the partitions back into one plain table.
"""

from __future__ import annotations

import datetime

from django.db import migrations

TABLE = "audit_auditevent"
OLD = "audit_auditevent_old"
DEFAULT = "audit_auditevent_default"
MONTHS_AHEAD = 3
TRIGGER = (
    f"CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()"
)


def _add_months(month: datetime.date, n: int) -> datetime.date:
    year, index = divmod(month.month - 1 + n, 12)
    return datetime.date(month.year + year, index + 1, 1)


def _is_partitioned(cursor) -> bool:
    cursor.execute("SELECT relkind FROM pg_class WHERE oid = %s::regclass", [TABLE])
    return cursor.fetchone()[0] == "p"


def _shape(cursor) -> dict:
    """The indexes (but the primary key), foreign keys and identity sequence of the audit table, to make again."""
    cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'p'", [TABLE])
    pk_name = cursor.fetchone()[0]
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s "
        "AND indexname <> %s ORDER BY indexname", [TABLE, pk_name])
    indexes = [definition.replace(" ON ONLY ", " ON ") for _name, definition in cursor.fetchall()]
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
        "AND contype = 'f' ORDER BY conname", [TABLE])
    foreign_keys = cursor.fetchall()
    cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [TABLE])
    sequence = cursor.fetchone()[0]
    cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608 (a catalogue name)
    last_value, is_called = cursor.fetchone()
    return {"pk_name": pk_name, "indexes": indexes, "foreign_keys": foreign_keys,
            "sequence": sequence, "next_id": last_value + 1 if is_called else last_value}


def _rebuild(cursor, *, partitioned: bool) -> None:
    shape = _shape(cursor)
    cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {OLD}")
    # The old identity sequence steps aside (it goes with the old table), so the new one takes its name.
    cursor.execute(f"ALTER SEQUENCE {shape['sequence']} RENAME TO {TABLE}_id_seq_old")
    cursor.execute(
        f"CREATE TABLE {TABLE} (LIKE {OLD} INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS)"
        + (" PARTITION BY RANGE (created_at)" if partitioned else ""))
    if partitioned:
        cursor.execute(f"SELECT (date_trunc('month', min(created_at) AT TIME ZONE 'UTC'))::date FROM {OLD}")
        oldest = cursor.fetchone()[0]
        this_month = datetime.datetime.now(datetime.UTC).date().replace(day=1)
        month = min(oldest or this_month, this_month)
        while month <= _add_months(this_month, MONTHS_AHEAD):
            following = _add_months(month, 1)
            cursor.execute(
                f"CREATE TABLE {TABLE}_y{month.year:04d}m{month.month:02d} PARTITION OF {TABLE} "
                f"FOR VALUES FROM ('{month.isoformat()} 00:00:00+00') TO ('{following.isoformat()} 00:00:00+00')")
            month = following
        cursor.execute(f"CREATE TABLE {DEFAULT} PARTITION OF {TABLE} DEFAULT")
    cursor.execute(f"INSERT INTO {TABLE} SELECT * FROM {OLD}")  # noqa: S608 (fixed names)
    cursor.execute(f"DROP TABLE {OLD}")  # a whole table goes; row triggers do not fire, no row is deleted
    cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)", [TABLE, shape["next_id"]])
    key = "(id, created_at)" if partitioned else "(id)"
    cursor.execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {shape['pk_name']} PRIMARY KEY {key}")
    for definition in shape["indexes"]:
        cursor.execute(definition)
    for name, definition in shape["foreign_keys"]:
        cursor.execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {name} {definition}")
    cursor.execute(TRIGGER)
    # Fresh tables have no statistics yet (autovacuum never analyses a partitioned parent): plan with real ones.
    cursor.execute(f"ANALYZE {TABLE}")


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        if not _is_partitioned(cursor):
            _rebuild(cursor, partitioned=True)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        if _is_partitioned(cursor):
            _rebuild(cursor, partitioned=False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_one_index_on_youth_and_time")]
    operations = [migrations.RunPython(forward, backward)]
