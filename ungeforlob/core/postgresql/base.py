"""Django's PostgreSQL backend, with timestamps read by psycopg's C loader.

Django registers its own loader for `timestamptz` values, a Python subclass of psycopg's that sets the time zone on
each value, so every timestamp is parsed in Python: about 3.5 µs each, and the youth's timeline alone reads some
400 of them a page at national scale (docs/benchmarks.md). With USE_TZ on and the connection in UTC (Django's
default: it sets the session's time zone to UTC), psycopg's own loader, written in C, gives the same moments,
aware and in UTC (as `zoneinfo.ZoneInfo("UTC")` rather than `datetime.timezone.utc`: equal moments, the same
offset and name). With any other setting this backend is Django's unchanged.

Settings name it for every PostgreSQL database (`config/settings.py`); Django documents subclassing a built-in
backend this way ("Subclassing the built-in database backends").
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.backends.postgresql import base
from psycopg import adapt
from psycopg.types.datetime import TimestamptzLoader


class DatabaseWrapper(base.DatabaseWrapper):
    def c_timestamps(self) -> bool:
        """Whether psycopg's own loader reads timestamps: aware values in UTC, as Django wants them."""
        return bool(settings.USE_TZ) and self.timezone_name == "UTC"

    def get_connection_params(self) -> dict[str, Any]:
        params = super().get_connection_params()
        if self.c_timestamps():
            context = adapt.AdaptersMap(params["context"])
            # psycopg registers its C twin in place of this Python class (psycopg's `AdaptersMap` optimisation).
            context.register_loader("timestamptz", TimestamptzLoader)
            params["context"] = context
        return params

    def create_cursor(self, name: str | None = None) -> Any:
        if not self.c_timestamps():
            return super().create_cursor(name)
        # Django's own, without its check of the loader's time zone: the C loader has no `timezone` to compare, and
        # reads every value in the session's, which is UTC.
        if name is None:
            return self.connection.cursor()
        if self.settings_dict["OPTIONS"].get("server_side_binding") is not True:
            return base.ServerSideCursor(self.connection, name=name, scrollable=False,
                                         withhold=self.connection.autocommit)
        return self.connection.cursor(name, scrollable=False, withhold=self.connection.autocommit)
