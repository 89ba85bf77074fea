"""One index on (youth_id, created_at DESC); the index on youth_id alone duplicated its leading column.

The field change is made in the migration state only, and the database drops the one index by its name: on
SQLite a regular AlterField would rebuild the table, and a rebuilt table loses the append-only triggers.
"""

from django.db import migrations, models


def _youth_only_indexes(schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "audit_auditevent")
    return [name for name, info in constraints.items()
            if info["index"] and not info["unique"] and not info["primary_key"] and info["columns"] == ["youth_id"]]


def drop_youth_only_index(apps, schema_editor):
    for name in _youth_only_indexes(schema_editor):
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


def restore_youth_only_index(apps, schema_editor):
    if not _youth_only_indexes(schema_editor):
        schema_editor.execute('CREATE INDEX "audit_auditevent_youth_id_idx" ON "audit_auditevent" ("youth_id")')


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_sqlite_refuses_delete"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="auditevent",
            name="audit_youth_time",
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="auditevent",
                    name="youth_id",
                    field=models.BigIntegerField(blank=True, null=True),
                ),
            ],
            database_operations=[migrations.RunPython(drop_youth_only_index, restore_youth_only_index)],
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["youth_id", "-created_at"], name="audit_youth_recent"),
        ),
    ]
