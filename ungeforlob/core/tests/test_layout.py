"""The layout's own reads (core/layout.py): named for the pages that draw the layout, sent with a page's reads."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory

from ungeforlob.core.layout import layout_reads
from ungeforlob.notifications.services import staff_notify
from ungeforlob.testing import Personas, client_for


def _request(user, method: str = "get", **headers):  # type: ignore[no-untyped-def]
    request = getattr(RequestFactory(), method)("/unge/", headers=headers)
    request.user = user
    return request


def test_the_menus_unread_count_is_a_layout_read_of_a_staff_page(p: Personas) -> None:
    reads = layout_reads(_request(p.contact_person))
    assert [(r.query.__name__, dict(r.kwargs)) for r in reads] == [("_unread", {"recipient_id": p.contact_person.pk})]


def test_no_layout_reads_where_the_layout_is_not_drawn_or_shows_no_count(p: Personas) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert layout_reads(_request(AnonymousUser())) == []
    assert layout_reads(_request(p.contact_person, "post")) == []  # a write may change what the menu counts
    assert layout_reads(_request(p.contact_person, HX_Request="true")) == []  # a fragment without the layout
    assert layout_reads(_request(p.administrator)) == []  # the administrator's menu has no count


def test_the_overview_shows_the_unread_count_read_with_its_reads(p: Personas) -> None:
    """The count is right whether it came with the page's reads (PostgreSQL) or was asked by the menu (SQLite)."""
    staff_notify(recipients=[p.contact_person], kind="test", text="Ny bekymring")
    staff_notify(recipients=[p.contact_person], kind="test", text="Ny overlevering")
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    assert '<span class="app-level">2<span class="sr-only"> ulæste</span></span>' in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_on_postgresql_the_overview_sends_the_menus_count_in_its_pipeline(p: Personas) -> None:
    from ungeforlob.testing import pipelined

    client = client_for(p.contact_person)
    client.get(f"/unge/{p.youth.pk}/")
    with pipelined() as sent:
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as asked:
            assert client.get(f"/unge/{p.youth.pk}/").status_code == 200
    counts = [i for i, q in enumerate(asked.captured_queries) if 'COUNT("chain_staffnotification"' in q["sql"]]
    assert len(counts) == 1 and sent[counts[0]] is True
