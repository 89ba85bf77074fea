"""Notifications to staff and notices to the young person, now an app of their own."""

from importlib import import_module

import pytest
from django.db import connection, migrations
from django.urls import reverse

from ungeforlob.notifications import selectors, services
from ungeforlob.notifications.models import StaffNotification, YouthNotice
from ungeforlob.portal.export import export_data
from ungeforlob.testing import Personas, client_for


def _note(user, text: str = "Der er rejst en bekymring") -> StaffNotification:  # type: ignore[no-untyped-def]
    return StaffNotification.objects.create(recipient=user, kind="bekymring", text=text, url="/bekymringer/")


def test_the_moved_models_keep_the_chain_tables(p: Personas) -> None:
    tables = connection.introspection.table_names()
    assert StaffNotification._meta.db_table == "chain_staffnotification" in tables
    assert YouthNotice._meta.db_table == "chain_youthnotice" in tables
    assert "notifications_staffnotification" not in tables and "notifications_youthnotice" not in tables


@pytest.mark.parametrize("module", ["ungeforlob.notifications.migrations.0001_initial",
                                    "ungeforlob.chain.migrations.0004_notifications_move_out"])
def test_moving_the_models_changes_nothing_in_the_database(module: str) -> None:
    """Both sides of the move are state only: `migrate` on an existing database leaves the tables alone."""
    operations = import_module(module).Migration.operations
    assert operations and all(isinstance(op, migrations.SeparateDatabaseAndState) and op.database_operations == []
                              for op in operations)


def test_the_page_lists_only_the_users_own_notifications(p: Personas) -> None:
    _note(p.contact_person, "Til Mette")
    _note(p.colleague, "Til kollegaen")
    page = client_for(p.contact_person).get(reverse("notifications:list")).content.decode()
    assert "Til Mette" in page and "Til kollegaen" not in page


def test_the_page_says_so_when_there_are_none(p: Personas) -> None:
    page = client_for(p.outsider).get("/notifikationer/").content.decode()
    assert "Du har ingen notifikationer." in page


def test_marking_read_marks_only_the_users_own(p: Personas) -> None:
    mine, theirs = _note(p.contact_person), _note(p.colleague)
    response = client_for(p.contact_person).post("/notifikationer/")
    assert response.status_code == 302 and response.url == "/notifikationer/"
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None


def test_the_menu_counts_only_the_users_own_unread(p: Personas) -> None:
    for _ in range(2):
        _note(p.contact_person)
    for _ in range(5):
        _note(p.colleague)
    read = _note(p.contact_person)
    services.notifications_mark_read(user=p.contact_person, pks=[read.pk])
    page = client_for(p.contact_person).get("/unge/").content.decode()
    assert '<span class="app-level">2<span class="sr-only"> ulæste</span></span>' in page


def test_the_administrator_has_no_notifications_entry(p: Personas) -> None:
    page = client_for(p.administrator).get(reverse("accounts:professional_list")).content.decode()
    assert 'href="/notifikationer/"' not in page


def test_the_unread_count_is_one_query_whatever_the_number(p: Personas, count_queries) -> None:  # type: ignore[no-untyped-def]
    _note(p.contact_person)
    few = count_queries(lambda: selectors.unread_count(p.contact_person))
    for _ in range(30):
        _note(p.contact_person)
    assert few == count_queries(lambda: selectors.unread_count(p.contact_person)) == 1
    assert selectors.unread_count(p.contact_person) == 31


def test_a_notice_to_the_youth_is_in_hent_mine_data(p: Personas) -> None:
    services.youth_notify(youth=p.youth, kind="kaede_ny", text="Sara er kommet med i din kæde")
    sections = dict(export_data(p.youth))
    assert [row["besked"] for row in sections["Nyt til dig"]] == ["Sara er kommet med i din kæde"]
