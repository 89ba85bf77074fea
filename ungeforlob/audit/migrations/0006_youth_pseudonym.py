"""The young person's identity in the audit log can be replaced by a stable pseudonym; nothing else can change.

When the retention rules anonymise a record, its audit rows keep who looked, when and why, while `youth_id` (and
`actor_youth_id`, for what the young person did on Min side) become NULL and `youth_pseudonym` takes the
pseudonym; an `object_id` that was the young person's id is emptied. The append-only triggers let exactly that
UPDATE through — once per row (the pseudonym must be empty before) — and refuse every other UPDATE and every
DELETE as before. On PostgreSQL the trigger function is shared by every monthly partition, so replacing it covers
them all.
"""

from django.db import migrations, models

_UNCHANGED = ("created_at", "municipality_id", "actor_id", "actor_name", "actor_organisation", "actor_role",
              "action", "object_type", "purpose", "ip_address")

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.youth_pseudonym = '' AND NEW.youth_pseudonym <> ''
       AND NEW.youth_id IS NULL
       AND (NEW.actor_youth_id IS NULL OR NEW.actor_youth_id IS NOT DISTINCT FROM OLD.actor_youth_id)
       AND (NEW.object_id = OLD.object_id OR (NEW.object_id = '' AND OLD.object_id = OLD.youth_id::text))
       AND NEW.detail::text = OLD.detail::text
       AND ({new}) IS NOT DISTINCT FROM ({old}) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_auditevent is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
""".format(new=", ".join(f"NEW.{c}" for c in _UNCHANGED), old=", ".join(f"OLD.{c}" for c in _UNCHANGED))

PG_FUNCTION_BEFORE = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditevent is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

_SQLITE_PSEUDONYMISING = (
    "OLD.youth_pseudonym = '' AND NEW.youth_pseudonym <> '' AND NEW.youth_id IS NULL "
    "AND (NEW.actor_youth_id IS NULL OR NEW.actor_youth_id IS OLD.actor_youth_id) "
    "AND (NEW.object_id IS OLD.object_id OR (NEW.object_id = '' AND OLD.object_id = CAST(OLD.youth_id AS TEXT))) "
    "AND NEW.detail IS OLD.detail AND " + " AND ".join(f"NEW.{c} IS OLD.{c}" for c in _UNCHANGED)
)
SQLITE_TRIGGER = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent "
    f"WHEN NOT ({_SQLITE_PSEUDONYMISING}) "
    "BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only'); END;"
)
# SQLite adds the column by building the table anew, which drops its triggers: the DELETE guard of 0003 is put back.
SQLITE_NO_DELETE = (
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only (DELETE refused)'); END;"
)
SQLITE_TRIGGER_BEFORE = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only'); END;"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION, params=None)  # no placeholders: the % is PL/pgSQL's
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_no_update")
        schema_editor.execute(SQLITE_TRIGGER)
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        schema_editor.execute(SQLITE_NO_DELETE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION_BEFORE, params=None)


def backward_sqlite_guards(apps, schema_editor):
    """Last step of the reverse (after the column is removed, which on SQLite rebuilds the table): 0002's and
    0003's triggers as they were."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_no_update")
        schema_editor.execute(SQLITE_TRIGGER_BEFORE)
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        schema_editor.execute(SQLITE_NO_DELETE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_partition_by_month_on_postgresql")]
    operations = [
        migrations.RunPython(migrations.RunPython.noop, backward_sqlite_guards),
        migrations.AddField(
            model_name="auditevent",
            name="youth_pseudonym",
            field=models.CharField(blank=True, db_default="", default="", max_length=40),
        ),
        migrations.RunPython(forward, backward),
    ]
