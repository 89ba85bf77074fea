"""The youth page's registries: the overview cards are read by the view, never by the template."""

from __future__ import annotations

from django.db import connection
from django.template.loader import get_template, render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.module_loading import import_string

from ungeforlob.testing import Personas
from ungeforlob.youth.sections import YOUTH_OVERVIEW_CARDS


def test_every_overview_card_names_a_template_and_a_context_function() -> None:

    for template_name, path in YOUTH_OVERVIEW_CARDS:
        get_template(template_name)
        assert callable(import_string(path))


def test_the_overview_cards_are_read_by_the_view_and_drawing_them_runs_no_query(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/")
    cards = response.context["overview_cards"]
    assert [name for name, _card in cards] == [name for name, _path in YOUTH_OVERVIEW_CARDS]
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("includes/youth_overview_extra.html",
                                {"youth": p.youth, "overview_cards": cards}, request=response.wsgi_request)
    assert queries.captured_queries == []
    assert 'id="h-plan-card"' in html and 'id="h-progression"' in html and 'id="h-wishes-card"' in html


def test_the_overview_shows_each_card_once(p: Personas, as_user) -> None:
    html = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    for heading in ("h-plan-card", "h-offers-card", "h-transitions", "h-progression", "h-chain-concerns",
                    "h-wishes-card"):
        assert html.count(f'id="{heading}"') == 1


def test_every_read_the_overview_declares_ahead_is_the_one_it_makes(p: Personas) -> None:
    """A declaration that drifts from the card's own call would be read for nothing (and asked again)."""
    from django.utils import timezone

    from ungeforlob.core.prepared import ahead
    from ungeforlob.youth import selectors
    from ungeforlob.youth.sections import overview_cards, overview_reads

    today = timezone.localdate()
    for youth in (p.youth, p.other_youth):
        reads = selectors.youth_overview_reads(youth, today=today) + overview_reads(youth, today=today)
        assert len(reads) >= 14
        with ahead(reads) as unasked:
            selectors.youth_overview(youth, today=today)
            overview_cards(youth, today=today)
        assert unasked == {}


def test_on_postgresql_the_overviews_first_questions_go_to_the_database_together(p: Personas, as_user) -> None:
    import pytest

    if connection.vendor != "postgresql":
        pytest.skip("pipelines are PostgreSQL's")
    from ungeforlob.testing import pipelined

    client = as_user(p.contact_person)
    client.get(f"/unge/{p.youth.pk}/")
    with pipelined() as sent:
        assert client.get(f"/unge/{p.youth.pk}/").status_code == 200
    assert sent.count(True) >= 14
