"""List views write one LIST row per (actor, young person, local day), and the young person still sees it."""

import datetime
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import audit_record_list
from ungeforlob.portal.testing import youth_client
from ungeforlob.testing import Personas


def _listed(actor, youth) -> int:
    return AuditEvent.objects.filter(action=AuditAction.LIST, actor=actor, youth_id=youth.pk).count()


def test_showing_the_same_list_twice_the_same_day_writes_the_rows_once(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    client.get("/unge/")
    client.get("/unge/")
    client.get("/unge/?sort=navn")
    assert _listed(p.contact_person, p.youth) == 1
    row = AuditEvent.objects.get(action=AuditAction.LIST, actor=p.contact_person, youth_id=p.youth.pk)
    assert (row.purpose, row.object_type, row.object_id, row.municipality_id) == (
        "Mine unge", "youth", str(p.youth.pk), p.youth.municipality_id)
    assert row.actor_organisation == p.contact_person.organisation.name


def test_the_youths_who_has_looked_still_shows_the_list_appearance(p: Personas, as_user) -> None:
    as_user(p.contact_person).get("/unge/")
    as_user(p.contact_person).get("/unge/")
    page = youth_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()
    assert page.count("så dig i en liste") == 1
    assert "Mine unge" in page


def test_another_professional_showing_the_same_young_person_gets_a_row_of_their_own(p: Personas) -> None:
    audit_record_list(actor=p.contact_person, youths=[p.youth], purpose="Mine unge")
    audit_record_list(actor=p.colleague, youths=[p.youth], purpose="Mine unge")
    audit_record_list(actor=p.colleague, youths=[p.youth, p.other_youth], purpose="I dag")
    assert _listed(p.contact_person, p.youth) == 1
    assert _listed(p.colleague, p.youth) == 1
    assert _listed(p.colleague, p.other_youth) == 1


def test_the_next_day_the_list_is_written_again(p: Personas) -> None:
    audit_record_list(actor=p.contact_person, youths=[p.youth], purpose="Mine unge")
    tomorrow = timezone.localtime().replace(hour=0, minute=5) + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        audit_record_list(actor=p.contact_person, youths=[p.youth], purpose="Mine unge")
        audit_record_list(actor=p.contact_person, youths=[p.youth], purpose="Mine unge")
    assert _listed(p.contact_person, p.youth) == 2


def test_the_list_rows_are_one_statement_whether_or_not_they_were_written_today(p: Personas) -> None:
    youths = [p.youth, p.other_youth]
    with CaptureQueriesContext(connection) as first:
        audit_record_list(actor=p.contact_person, youths=youths, purpose="Mine unge")
    with CaptureQueriesContext(connection) as again:
        audit_record_list(actor=p.contact_person, youths=youths, purpose="Mine unge")
    assert len(first.captured_queries) == len(again.captured_queries) == 1
    assert AuditEvent.objects.filter(action=AuditAction.LIST, actor=p.contact_person).count() == 2


def test_an_empty_list_writes_nothing_and_asks_nothing(p: Personas) -> None:
    with CaptureQueriesContext(connection) as ctx:
        audit_record_list(actor=p.contact_person, youths=[], purpose="Mine unge")
    assert len(ctx.captured_queries) == 0


def test_a_list_row_carries_the_callers_address(p: Personas, as_user) -> None:
    as_user(p.contact_person).get("/unge/", REMOTE_ADDR="10.1.2.3")
    row = AuditEvent.objects.get(action=AuditAction.LIST, actor=p.contact_person, youth_id=p.youth.pk)
    assert row.ip_address == "10.1.2.3"
    assert row.detail == {}
