"""Mine unge looks up each young person's latest assessment once per column, not once per CASE branch."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ungeforlob.testing import Personas


def test_the_caseload_query_looks_up_the_latest_assessment_once_per_column(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    for sort in ("navn", "niveau"):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"/unge/?sort={sort}")
        assert response.status_code == 200
        [caseload] = [q["sql"] for q in ctx.captured_queries
                      if q["sql"].startswith("SELECT") and "progression_assessmentversion" in q["sql"]]
        # level, its order, its date: three lookups (it was twelve: the level repeated in each CASE branch)
        assert caseload.count("progression_assessmentversion") == 3, caseload


def test_the_youth_page_reads_the_courses_once_and_costs_the_same_with_a_long_history(
        p: Personas, as_user, count_queries) -> None:
    import datetime

    from ungeforlob.chain.models import ChainRole, Membership
    from ungeforlob.youth.models import Course, Guardian

    client = as_user(p.contact_person)
    url = f"/unge/{p.youth.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    overview_reads = [q for q in ctx.captured_queries if 'FROM "youth_course" WHERE "youth_course"."youth_id"' in q["sql"]
                      and "end_date" not in q["sql"].split("WHERE", 1)[1]]
    assert len(overview_reads) == 1  # the overview's list of courses (it read them twice)
    few = len(ctx.captured_queries)
    for i in range(5):
        start = datetime.date(2015, 1, 1) + datetime.timedelta(days=100 * i)
        Course.objects.create(youth=p.youth, start_date=start, end_date=start + datetime.timedelta(days=50))
        Membership.objects.create(youth=p.youth, professional=p.colleague, role=ChainRole.MENTOR,
                                  start_date=start, end_date=start + datetime.timedelta(days=10))
        Guardian.objects.create(youth=p.youth, name=f"Værge {i}", relation="mor")
    assert count_queries(lambda: client.get(url)) == few
