"""On SQLite, too, the database itself refuses DELETE of audit rows (UPDATE was refused since 0002).

Emptying the whole database stays possible, as TRUNCATE does on PostgreSQL: SQLite has no TRUNCATE, so the
audit app's `flush` command (which test runs use between transactional tests) lifts this trigger for the
length of the flush only.
"""

from django.db import migrations

TRIGGER = "audit_no_delete"
CREATE = (
    f"CREATE TRIGGER {TRIGGER} BEFORE DELETE ON audit_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only (DELETE refused)'); END;"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]
    operations = [migrations.RunPython(forward, backward)]
