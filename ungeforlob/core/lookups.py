"""`field__any_of=[…]`: membership in a list of ids as ONE parameter on PostgreSQL.

`field__in=[1, 2, 3]` writes `IN (%s, %s, %s)`: the statement's text changes with the list's length, so each
caseload size is planned anew and a prepared statement (settings `DATABASE_PREPARE_THRESHOLD`) is shared only by
users with exactly as many young people. `field = ANY(%s)` with the list as one array parameter is the same
statement for everyone: planned once per connection, whatever the caseload. SQLite keeps `IN (…)`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Field, ForeignObject, Lookup


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> Any:
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, values]
        if not values:
            return "1 = 0", list(lhs_params)
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]


def register() -> None:
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(AnyOf)  # `youth__any_of` / `youth_id__any_of` on a foreign key
