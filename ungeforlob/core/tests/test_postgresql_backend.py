"""The project's PostgreSQL backend: timestamps read by psycopg's C loader, the same moments Django's gave."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from psycopg.pq import Format

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import audit_record
from ungeforlob.testing import Personas

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend's")


def test_timestamps_are_read_by_psycopgs_c_loader_as_aware_moments_in_utc(p: Personas) -> None:
    moment = datetime.datetime(2026, 7, 1, 12, 30, 15, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    event = audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::timestamptz, created_at FROM audit_auditevent WHERE id = %s", [moment, event.pk])
        read, created = cursor.fetchone()
        loader = cursor.cursor.adapters.get_loader(1184, Format.TEXT)
    assert loader.__module__.split(".")[0] in {"psycopg_binary", "psycopg_c"}  # C, not a Python subclass
    assert read == moment and read.utcoffset() == datetime.timedelta(0) and str(read.tzinfo) == "UTC"
    assert created.utcoffset() == datetime.timedelta(0)
    assert AuditEvent.objects.get(pk=event.pk).created_at == created


def test_a_server_side_cursor_reads_the_same_moments(p: Personas) -> None:
    from django.db import transaction

    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    with transaction.atomic():
        streamed = [e.created_at for e in AuditEvent.objects.filter(youth_id=p.youth.pk).order_by("id").iterator(2)]
    assert streamed == list(AuditEvent.objects.filter(youth_id=p.youth.pk).order_by("id")
                            .values_list("created_at", flat=True))
    assert streamed and all(m.utcoffset() == datetime.timedelta(0) for m in streamed)
