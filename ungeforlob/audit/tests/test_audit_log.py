import pytest
from django.db import DatabaseError, connection, transaction

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import audit_record
from ungeforlob.testing import Personas


def test_reading_a_youth_page_is_logged_with_who_and_which_organisation(p: Personas, as_user) -> None:
    as_user(p.colleague).get(f"/unge/{p.youth.pk}/")
    event = AuditEvent.objects.filter(action=AuditAction.READ, youth_id=p.youth.pk).latest("id")
    assert event.actor == p.colleague
    assert event.actor_organisation == "Jobcenter Ung"
    assert event.actor_role == "Jobkonsulent"
    assert event.object_type == "overview"


def test_a_refused_read_logs_nothing_about_the_youth(p: Personas, as_user) -> None:
    as_user(p.outsider).get(f"/unge/{p.youth.pk}/")
    assert not AuditEvent.objects.filter(actor=p.outsider, youth_id=p.youth.pk).exists()


def test_every_youth_in_a_list_is_logged_in_one_query(p: Personas, as_user) -> None:
    as_user(p.contact_person).get("/unge/")
    assert AuditEvent.objects.filter(action=AuditAction.LIST, actor=p.contact_person, youth_id=p.youth.pk).exists()


def test_searches_are_logged_with_their_terms_and_cpr_searches_masked(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    client.get("/unge/?q=Josef")
    assert AuditEvent.objects.filter(action=AuditAction.SEARCH, detail__q="Josef").exists()
    full = p.youth.cpr_reveal()
    client.get(f"/unge/?q={full}")
    logged = [e.detail for e in AuditEvent.objects.filter(action=AuditAction.SEARCH)]
    assert all(full.replace("-", "") not in str(d) and full not in str(d) for d in logged)


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(p: Personas) -> None:
    event = audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    with pytest.raises(PermissionError):
        event.purpose = "changed"
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(purpose="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_the_database_refuses_update_of_audit_rows(p: Personas) -> None:
    event = audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET purpose = 'x' WHERE id = %s", [event.pk])


def test_the_database_refuses_delete_of_audit_rows(p: Personas) -> None:
    event = audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_emptying_the_whole_database_still_empties_the_audit_log_and_keeps_it_guarded(p: Personas) -> None:
    """`flush` (what transactional tests and a demo reset use) may empty the log, as TRUNCATE may on PostgreSQL;
    afterwards a single row is refused deletion again."""
    from django.core.management import call_command

    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    event = audit_record(actor=None, action=AuditAction.LOGIN)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
