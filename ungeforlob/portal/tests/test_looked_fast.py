""""Hvem har kigget" at national scale: the recent days are read first and the older ones only when needed, with
the same rows as one query over the whole log; the contact persons are read once; and an active young person's
requests do not each save her session."""

from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import audit_record
from ungeforlob.portal import selectors
from ungeforlob.portal.auth import SEEN_KEY
from ungeforlob.portal.testing import youth_client
from ungeforlob.testing import Personas

DAY = datetime.timedelta(days=1)
WINDOW = selectors.LOOKED_RECENT_DAYS


def _at(moment: datetime.datetime, actor: Any, p: Personas, **kwargs: Any) -> AuditEvent:
    with mock.patch("django.utils.timezone.now", return_value=moment):
        return audit_record(actor=actor, action=kwargs.pop("action", AuditAction.READ), youth=p.youth, **kwargs)


def _midnight(days_ago: int) -> datetime.datetime:
    return selectors._local_midnight(timezone.localdate() - datetime.timedelta(days=days_ago))


def _one_query(p: Personas, **kwargs: Any) -> dict[str, Any]:
    """The rows as one query over the whole log gives them (a window reaching back further than any row)."""
    with mock.patch.object(selectors, "LOOKED_RECENT_DAYS", 700_000):  # back to the year 100 or so
        return selectors.looked_groups(p.youth, **kwargs)


def _shape(result: dict[str, Any]) -> tuple[list[tuple[Any, ...]], bool]:
    keys = ("day", "actor_id", "actor_name", "action", "part", "purpose", "recipient", "times", "last", "text")
    return [tuple(row[k] for k in keys) for row in result["rows"]], result["more"]


def _groups(p: Personas, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    """The rows and how many queries they took (the contact persons given, as the page gives them)."""
    ids = selectors.contact_person_ids(p.youth)
    p.youth.municipality  # noqa: B018 - Min side reads her with her municipality (portal.auth)
    with CaptureQueriesContext(connection) as ctx:
        result = selectors.looked_groups(p.youth, contact_ids=ids, **kwargs)
    return len(ctx.captured_queries), result


def test_older_days_fill_the_page_when_the_recent_days_give_too_few_rows(p: Personas) -> None:
    for days_ago in (1, 2, 3):
        _at(_midnight(days_ago) + datetime.timedelta(hours=12), p.contact_person, p, object_type="plan")
    for days_ago in range(WINDOW + 10, WINDOW + 40):
        _at(_midnight(days_ago) + datetime.timedelta(hours=9), p.colleague, p, object_type="profile")
    queries, result = _groups(p)
    assert queries == 2  # the recent days, then the older ones
    assert len(result["rows"]) == selectors.LOOKED_PAGE and result["more"]
    first = timezone.localdate() - datetime.timedelta(days=WINDOW)
    recent = [row for row in result["rows"] if row["day"] >= first]
    old = [row for row in result["rows"] if row["day"] < first]
    assert 3 <= len(recent) < selectors.LOOKED_PAGE and result["rows"][: len(recent)] == recent
    assert [row["day"] for row in old] == [first - datetime.timedelta(days=d) for d in range(10, 10 + len(old))]
    assert {row["text"] for row in old} == {"Jobkonsulent, Jobcenter Ung læste din profil"}
    assert _shape(result) == _shape(_one_query(p))


def test_the_recent_days_alone_answer_when_they_give_more_than_a_page(p: Personas) -> None:
    for days_ago in range(1, 26):
        _at(_midnight(days_ago) + datetime.timedelta(hours=10), p.contact_person, p, object_type="plan")
    _at(_midnight(WINDOW + 5), p.colleague, p, object_type="profile")
    queries, result = _groups(p)
    assert queries == 1
    assert len(result["rows"]) == selectors.LOOKED_PAGE and result["more"]
    assert _shape(result) == _shape(_one_query(p))
    assert all(row["text"] != "Jobkonsulent, Jobcenter Ung læste din profil" for row in result["rows"])
    queries, everything = _groups(p, limit=selectors.LOOKED_MAX)
    assert queries == 2 and not everything["more"]
    assert everything["rows"][-1]["text"] == "Jobkonsulent, Jobcenter Ung læste din profil"


def _around_the_window_start(p: Personas) -> None:
    """Rows on both sides of the window's first moment (local midnight), by two people and systems, over days
    inside and outside the window, with parts that group together ("goal" and "subgoal" are "din plan")."""
    start = _midnight(WINDOW)
    for moment in (start, start + datetime.timedelta(seconds=1), start + datetime.timedelta(hours=12),
                   start - datetime.timedelta(microseconds=1),
                   start - datetime.timedelta(hours=23, minutes=59), start - DAY - datetime.timedelta(hours=1)):
        _at(moment, p.contact_person, p, object_type="goal")
        _at(moment, p.contact_person, p, object_type="subgoal")
        _at(moment, p.colleague, p, object_type="profile", purpose="Forberede mødet")
    AuditEvent.objects.create(action=AuditAction.READ, youth_id=p.youth.pk, actor_name="Nødadgang (system)",
                              object_type="youth")
    for days_ago in range(0, 60, 3):
        _at(_midnight(days_ago) + datetime.timedelta(hours=8), p.reader, p, object_type="plan")
        _at(_midnight(WINDOW + days_ago) + datetime.timedelta(hours=8), p.reader, p, object_type="checkin")


@pytest.mark.parametrize("limit", [1, 19, 20, 21, 22, 23, 24, 25, 40, 2000])
def test_the_rows_are_those_of_one_query_over_the_whole_log_whatever_the_page_size(p: Personas, limit: int) -> None:
    _around_the_window_start(p)
    result = selectors.looked_groups(p.youth, limit=limit)
    assert _shape(result) == _shape(_one_query(p, limit=limit))
    if limit == 2000:  # the day just before the window and the window's first day are separate groups
        first = timezone.localdate() - datetime.timedelta(days=WINDOW)
        plan = [(row["day"], row["times"]) for row in result["rows"]
                if row["actor_id"] == p.contact_person.pk and row["part"] == "plan" and row["day"] <= first]
        assert plan == [(first, 6), (first - DAY, 4), (first - 2 * DAY, 2)]


def test_the_rows_are_those_of_one_query_with_every_filter(p: Personas) -> None:
    _around_the_window_start(p)
    today = timezone.localdate()
    days = [None, today, today - datetime.timedelta(days=30), today - datetime.timedelta(days=WINDOW - 1),
            today - datetime.timedelta(days=WINDOW), today - datetime.timedelta(days=WINDOW + 1),
            today - datetime.timedelta(days=WINDOW + 40), datetime.date(1, 1, 1), datetime.date(9999, 12, 31)]
    people = ["", f"u{p.contact_person.pk}", f"u{p.reader.pk}", "sNødadgang (system)", "u999"]
    checked = 0
    for person in people:
        for start in days:
            for end in days:
                if start and end and start > end:
                    continue
                for limit in (2, 20):
                    kwargs = {"person": person, "start": start, "end": end, "limit": limit}
                    assert _shape(selectors.looked_groups(p.youth, **kwargs)) == _shape(_one_query(p, **kwargs)), kwargs
                    checked += 1
    assert checked > 300


def test_a_period_on_one_side_of_the_window_start_is_one_query(p: Personas) -> None:
    _around_the_window_start(p)
    today = timezone.localdate()
    recent, _ = _groups(p, start=today - datetime.timedelta(days=10))
    old, rows = _groups(p, end=today - datetime.timedelta(days=WINDOW + 1))
    assert recent == old == 1
    assert rows["rows"] and all(r["day"] <= today - datetime.timedelta(days=WINDOW + 1) for r in rows["rows"])


def test_who_has_looked_costs_at_most_four_queries_whatever_the_size_of_the_log(p: Personas, count_queries) -> None:
    """The contact persons, the people, the recent days, and the older days only when the recent ones give fewer
    rows than a page: four at most, for a short log and for a long one."""

    p.youth.municipality  # noqa: B018 - Min side reads her with her municipality (portal.auth)

    def run() -> None:
        ids = selectors.contact_person_ids(p.youth)
        selectors.looked_groups(p.youth, contact_ids=ids)
        selectors.looked_people(p.youth, contact_ids=ids)

    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan")
    short = count_queries(run)
    for days_ago in range(WINDOW + 1, WINDOW + 300):
        _at(_midnight(days_ago), p.colleague, p, object_type="profile")
    long_and_old = count_queries(run)
    for day in range(30):
        for who in (p.contact_person, p.colleague, p.reader):
            audit_record(actor=who, action=AuditAction.READ, youth=p.youth, object_type="plan", purpose=str(day))
    long_and_recent = count_queries(run)
    assert short == long_and_old == 4 and long_and_recent == 3


def test_the_page_reads_the_contact_persons_once_and_does_not_save_the_session(p: Personas) -> None:
    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan")
    client = youth_client(p.youth)
    client.get("/min-side/hvem-har-kigget/")
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/min-side/hvem-har-kigget/").content.decode()
    assert "Din kontaktperson læste din plan" in page
    sql = [q["sql"] for q in ctx.captured_queries]
    assert sum('FROM "chain_membership"' in s for s in sql) == 1, sql
    assert not any(s.startswith("UPDATE") for s in sql), sql
    # session, youth, contact persons, people, recent days, older days (the recent ones give fewer than a page)
    assert len(sql) == 6, sql


# --- The portal session's last-seen time --------------------------------------------------------------------


def _session_row(client: Any) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_a_request_within_the_minute_does_not_save_the_session(p: Personas) -> None:
    client = youth_client(p.youth)
    before = _session_row(client)
    seen = client.session[SEEN_KEY]
    later = timezone.now() + datetime.timedelta(seconds=50)
    with mock.patch("django.utils.timezone.now", return_value=later), \
            CaptureQueriesContext(connection) as ctx:
        assert client.get("/min-side/").status_code == 200
    assert not [q["sql"] for q in ctx.captured_queries if 'django_session' in q["sql"] and
                not q["sql"].startswith("SELECT")]
    after = _session_row(client)
    assert (after.session_data, after.expire_date) == (before.session_data, before.expire_date)
    assert client.session[SEEN_KEY] == seen


def test_a_request_after_the_minute_saves_last_seen_and_moves_the_expiry(p: Personas) -> None:
    client = youth_client(p.youth)
    before = _session_row(client)
    later = timezone.now() + datetime.timedelta(seconds=61)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get("/min-side/").status_code == 200
    after = _session_row(client)
    assert client.session[SEEN_KEY] == later.timestamp()
    moved = (after.expire_date - before.expire_date).total_seconds()
    assert 60 < moved < 63
    # still exactly the idle timeout after the last-seen time (the relative expiry set at login)
    assert abs((after.expire_date - later).total_seconds() - 30 * 60) < 1


def test_a_young_person_who_keeps_going_stays_logged_in_past_the_idle_timeout(p: Personas) -> None:
    """Her requests every 50 seconds each save nothing, yet the last-seen time moves every other one: she is
    never logged out while active, and is logged out after the idle timeout without a request."""
    client = youth_client(p.youth)
    start = timezone.now()
    for step in range(1, 45):  # 36 minutes, past the 30-minute idle timeout
        with mock.patch("django.utils.timezone.now", return_value=start + datetime.timedelta(seconds=50 * step)):
            assert client.get("/min-side/").status_code == 200, step
    last = client.session[SEEN_KEY]
    assert last >= (start + datetime.timedelta(seconds=50 * 43)).timestamp()
    gone = datetime.datetime.fromtimestamp(last, tz=datetime.UTC) + datetime.timedelta(seconds=30 * 60 + 1)
    with mock.patch("django.utils.timezone.now", return_value=gone):
        assert client.get("/min-side/").url == "/min-side/login/"


@override_settings(PORTAL_IDLE_SECONDS=60)
def test_a_short_idle_timeout_writes_last_seen_at_least_every_sixth_of_it(p: Personas) -> None:
    client = youth_client(p.youth)
    later = timezone.now() + datetime.timedelta(seconds=11)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get("/min-side/").status_code == 200
    assert client.session[SEEN_KEY] == later.timestamp()


@pytest.mark.parametrize("query", [{"end": "9999-12-31"}, {"start": "0001-01-01"},
                                   {"start": "0001-01-01", "end": "9999-12-31"}])
def test_a_period_at_the_ends_of_the_calendar_shows_every_row(p: Personas, query: dict[str, str]) -> None:
    """Found while moving the bounds: the day after 31.12.9999 does not exist (it was an error page)."""
    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan")
    response = youth_client(p.youth).get("/min-side/hvem-har-kigget/", query)
    assert response.status_code == 200 and "Din kontaktperson læste din plan" in response.content.decode()


def test_the_window_start_is_a_constant_in_the_sql_so_the_plan_can_be_kept(p: Personas) -> None:
    """A parameter would make PostgreSQL plan the statement again on every request to prune the old partitions."""
    start = _midnight(WINDOW)
    for moment in (start - datetime.timedelta(microseconds=1), start, start + datetime.timedelta(microseconds=1)):
        _at(moment, p.contact_person, p, object_type="plan")
    constant = AuditEvent.objects.filter(created_at__gte=selectors._Moment(start))
    sql, params = constant.query.sql_with_params()
    assert params == () and "'" in sql
    assert list(constant) == list(AuditEvent.objects.filter(created_at__gte=start))
    assert {e.created_at for e in constant} >= {start, start + datetime.timedelta(microseconds=1)}
    assert start - datetime.timedelta(microseconds=1) not in {e.created_at for e in constant}
