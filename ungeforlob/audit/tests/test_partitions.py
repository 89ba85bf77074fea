"""The audit log partitioned by month on PostgreSQL: made ahead, a home for every row, dropped only by the job."""

import datetime
from unittest import mock

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from ungeforlob.audit import partitions
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import (
    audit_partitions_drop_expired,
    audit_partitions_ensure,
    audit_record,
    audit_record_list,
)
from ungeforlob.portal.selectors import who_has_looked
from ungeforlob.scheduler.jobs import JOBS
from ungeforlob.testing import Personas

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="partitions exist on PostgreSQL only")
UTC = datetime.UTC


def _partition_of(event: AuditEvent) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM audit_auditevent WHERE id = %s", [event.pk])
        return cursor.fetchone()[0]


def _record_at(moment: datetime.datetime, p: Personas) -> AuditEvent:
    with mock.patch("django.utils.timezone.now", return_value=moment):
        return audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, purpose="Tilbage i tiden")


def test_the_worker_keeps_the_partitions_daily_and_drops_expired_ones_daily() -> None:
    jobs = {job.path: job for job in JOBS}
    assert jobs["ungeforlob.audit.services.audit_partitions_ensure"].every == 24 * 60 * 60
    assert jobs["ungeforlob.audit.services.audit_partitions_ensure"].kwargs == {"months_ahead": 3}
    assert jobs["ungeforlob.audit.services.audit_partitions_drop_expired"].every == 24 * 60 * 60


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite keeps one plain table")
def test_on_sqlite_the_partition_jobs_have_nothing_to_do(p: Personas) -> None:
    _record_at(datetime.datetime(2019, 3, 10, tzinfo=UTC), p)
    before = AuditEvent.objects.count()
    assert audit_partitions_ensure(months_ahead=3) == 0
    assert audit_partitions_drop_expired(retention_months=1) == 0
    assert AuditEvent.objects.count() == before


@postgres_only
def test_the_partitions_of_this_month_and_three_ahead_exist_and_more_are_made_ahead_once(db) -> None:
    assert partitions.is_partitioned()
    this_month = partitions.month_of(datetime.datetime.now(UTC))
    assert {partitions.add_months(this_month, k) for k in range(4)} <= set(partitions.months())
    made = audit_partitions_ensure(months_ahead=6)
    assert made == 3
    assert partitions.add_months(this_month, 6) in partitions.months()
    assert audit_partitions_ensure(months_ahead=6) == 0


@postgres_only
def test_rows_go_through_the_orm_into_this_months_partition_and_read_back(p: Personas) -> None:
    event = audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, purpose="Opfølgning")
    audit_record_list(actor=p.colleague, youths=[p.youth], purpose="Mine unge")
    this_month = partitions.month_of(event.created_at)
    assert _partition_of(event) == partitions.name_for(this_month)
    assert AuditEvent.objects.get(pk=event.pk).purpose == "Opfølgning"
    assert [e.action for e in who_has_looked(p.youth)][:2] == [AuditAction.LIST, AuditAction.READ]
    assert AuditEvent.objects.bulk_create([AuditEvent(action=AuditAction.LOGIN)])[0].pk > event.pk


@postgres_only
def test_a_row_in_a_month_without_a_partition_still_lands_and_the_worker_gives_it_its_month(p: Personas) -> None:
    far = datetime.datetime(2031, 7, 14, 9, 30, tzinfo=UTC)
    event = _record_at(far, p)
    assert _partition_of(event) == partitions.DEFAULT
    assert datetime.date(2031, 7, 1) not in partitions.months()

    audit_partitions_ensure(months_ahead=3)

    assert _partition_of(event) == "audit_auditevent_y2031m07"
    moved = AuditEvent.objects.get(pk=event.pk)
    assert (moved.created_at, moved.purpose, moved.actor_id) == (far, "Tilbage i tiden", p.contact_person.pk)
    assert partitions.months_in_default() == set()
    # the new default partition is guarded too
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        far_again = _record_at(datetime.datetime(2033, 1, 2, tzinfo=UTC), p)
        cursor.execute(f"DELETE FROM {partitions.DEFAULT} WHERE id = %s", [far_again.pk])


@postgres_only
def test_update_and_delete_are_refused_on_a_partition_itself(p: Personas) -> None:
    event = audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    partition = _partition_of(event)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {partition} SET purpose = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {partition} WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).purpose == ""


@postgres_only
def test_an_old_month_goes_only_by_the_retention_job_and_the_drop_is_logged(p: Personas) -> None:
    old = _record_at(datetime.datetime(2019, 3, 10, 12, 0, tzinfo=UTC), p)
    audit_partitions_ensure(months_ahead=3)  # gives March 2019 its partition
    partition = _partition_of(old)
    assert partition == "audit_auditevent_y2019m03"
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {partition}")
    recent = audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)

    assert audit_partitions_drop_expired(retention_months=1000) == 0  # within a long retention: kept
    with override_settings(AUDIT_RETENTION_MONTHS=60):
        assert audit_partitions_drop_expired() >= 1

    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert datetime.date(2019, 3, 1) not in partitions.months()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    this_month = partitions.month_of(datetime.datetime.now(UTC))
    assert this_month in partitions.months()
    logged = AuditEvent.objects.get(action=AuditAction.DELETE, object_type="auditlog_month", object_id="2019-03")
    assert logged.detail == {"rows": 1, "retention_months": 60}


@postgres_only
def test_a_month_is_kept_until_all_of_it_is_older_than_the_retention(p: Personas) -> None:
    _record_at(datetime.datetime(2020, 1, 31, 23, 0, tzinfo=UTC), p)
    audit_partitions_ensure(months_ahead=0)
    # 60 months after January 2020 is January 2025: during January 2025 its last day is not yet 60 months old.
    assert audit_partitions_drop_expired(retention_months=60, now=datetime.datetime(2025, 1, 31, tzinfo=UTC)) == 0
    assert datetime.date(2020, 1, 1) in partitions.months()
    assert audit_partitions_drop_expired(retention_months=60, now=datetime.datetime(2025, 2, 1, tzinfo=UTC)) == 1
    assert datetime.date(2020, 1, 1) not in partitions.months()


@postgres_only
def test_one_young_persons_rows_are_read_through_the_youth_and_time_index_in_every_partition(p: Personas) -> None:
    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # tiny tables: ask which index the plan would use
        sql, params = who_has_looked(p.youth)[:50].query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "youth_id_created_at_idx" in plan, plan
    assert "Seq Scan" not in plan, plan



@postgres_only
def test_every_partition_has_the_index_of_the_actors_list_rows_that_the_daily_list_check_reads(p: Personas) -> None:
    """The once-a-day check of a list must not walk everything the actor read this month (thousands of rows for a
    busy professional at national scale: 1.7 ms against 0.04 ms with the index, docs/benchmarks.md)."""
    audit_partitions_ensure()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid "
            "JOIN pg_index i ON i.indrelid = c.oid WHERE h.inhparent = 'audit_auditevent'::regclass")
        rows = cursor.fetchall()
    partitions_with = {name for name, definition in rows
                       if "(actor_id, youth_id, created_at)" in definition and "'list'" in definition}
    assert set(partitions.months().values()) <= partitions_with
    assert len(partitions_with) >= 4
