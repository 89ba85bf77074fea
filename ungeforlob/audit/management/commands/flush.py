"""Django's `flush`, able to empty the audit table on SQLite.

The audit log is append-only: on PostgreSQL a trigger refuses UPDATE and DELETE of a row, and TRUNCATE (what
`flush` uses there) still empties the whole database. SQLite has no TRUNCATE — `flush` deletes row by row,
which the DELETE trigger refuses — so on SQLite this command lifts the trigger for the length of the flush
and puts it back at once. Emptying the whole database is the one deletion the log allows, on both databases.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush
from django.db import connections

TRIGGER = "audit_no_delete"
CREATE = (
    f"CREATE TRIGGER {TRIGGER} BEFORE DELETE ON audit_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only (DELETE refused)'); END;"
)


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = %s", [TRIGGER])
            guarded = cursor.fetchone() is not None
            if guarded:
                cursor.execute(f"DROP TRIGGER {TRIGGER}")
        try:
            return super().handle(**options)
        finally:
            if guarded:
                with connection.cursor() as cursor:
                    cursor.execute(CREATE)
