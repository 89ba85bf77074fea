"""How PostgreSQL plans a request's statements.

psycopg prepares a statement at its 6th use on a connection (`prepare_threshold`, config/settings.py), and
PostgreSQL then plans it for its values five times before it may keep one generic plan for any values. For a staff
page's many small questions that plan is as good and saves the planning. For a leader's aggregates over a whole
municipality it is not: measured at national scale, the transitions overview's compliance query took 120 ms
planned for its values and 160 ms with the generic plan it was given after ten uses (docs/benchmarks.md). Those
pages ask few questions and spend their time running them, so they are planned for their values every time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def planned_each_time() -> Iterator[None]:
    """Within the block, statements are not prepared on the connection (psycopg's `prepare_threshold` None), so
    PostgreSQL plans each for its values; statements prepared before keep their plans for later. PostgreSQL only."""
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    kept = raw.prepare_threshold
    raw.prepare_threshold = None
    try:
        yield
    finally:
        raw.prepare_threshold = kept
