"""A leader's aggregates are planned by PostgreSQL for their values every time; a staff page's statements are
prepared and keep their plan (core/planning.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ungeforlob.core.planning import planned_each_time
from ungeforlob.testing import Personas


def _prepared() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def _asked(client, path: str) -> set[str]:  # noqa: ANN001
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return {q["sql"][:60] for q in captured.captured_queries if q["sql"].startswith("SELECT")}


def test_a_leader_page_is_planned_for_its_values_and_a_staff_page_is_prepared(p: Personas, as_user) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    leader, staff = as_user(p.leader), as_user(p.contact_person)
    for _ in range(7):  # psycopg prepares a statement at its 6th use on a connection
        leader_asked = _asked(leader, "/ledelse/overgange/")
        staff_asked = _asked(staff, "/i-dag/")
    prepared = {statement[:60] for statement in _prepared()}
    assert leader_asked and not any(sql in prepared for sql in leader_asked - staff_asked)
    assert any(sql in prepared for sql in staff_asked - leader_asked)


@pytest.mark.django_db
def test_planned_each_time_restores_the_connections_preparing_also_after_an_error() -> None:
    if connection.vendor != "postgresql":
        with planned_each_time():  # nothing to change on SQLite
            pass
        return
    connection.ensure_connection()
    before = connection.connection.prepare_threshold
    with pytest.raises(ZeroDivisionError), planned_each_time():
        assert connection.connection.prepare_threshold is None
        1 / 0  # noqa: B018
    assert connection.connection.prepare_threshold == before
