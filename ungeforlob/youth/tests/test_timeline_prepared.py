"""The timeline's sources read through prepared queries (`core/prepared.py`): the same entries as the querysets
built each time, for each young person her own, and no compiled shape of its own for a deep page."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.messaging.models import InboundMessage
from ungeforlob.plans.models import JournalNote
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import PER_PAGE, PREPARED_PAGES, TimelineEntry, timeline_for, timeline_page


def _history(p: Personas, youth: Youth, roles: int) -> None:
    now = timezone.now()
    for i in range(roles):
        start = datetime.date(2010, 1, 1) + datetime.timedelta(days=3 * i)
        Membership.objects.create(youth=youth, professional=p.colleague, role=ChainRole.MENTOR,
                                  start_date=start, end_date=start + datetime.timedelta(days=1))
    for i in range(6):
        note = JournalNote.objects.create(youth=youth, text=f"Notat {i}", author_name="Anna", visible_to_youth=True)
        JournalNote.objects.filter(pk=note.pk).update(created_at=now - datetime.timedelta(days=5 * i))
        InboundMessage.objects.create(youth=youth, from_number="+4512345678", body=f"Svar {i}",
                                      received_at=now - datetime.timedelta(days=7 * i))


def _read(youth: Youth) -> tuple[list[TimelineEntry], list[list[TimelineEntry]]]:
    pages = [timeline_page(youth, number=n).entries for n in (1, 2, 3)]
    return timeline_for(youth), pages


def test_the_prepared_timeline_gives_each_young_person_the_entries_the_built_querysets_give(
        p: Personas, settings: Any) -> None:
    _history(p, p.youth, PER_PAGE)
    _history(p, p.other_youth, 3)
    settings.PREPARED_QUERIES = False
    built = {youth.pk: _read(youth) for youth in (p.youth, p.other_youth)}
    settings.PREPARED_QUERIES = True
    for youth in (p.youth, p.other_youth, p.youth):  # the second young person's values replace the first's
        assert _read(youth) == built[youth.pk]
    assert built[p.youth.pk][0] != built[p.other_youth.pk][0]
    assert len(built[p.youth.pk][1][1]) == PER_PAGE  # the second page is full: the pages hold the history


def test_a_page_past_the_prepared_pages_is_read_built_and_compiles_no_shape_of_its_own(p: Personas) -> None:
    from ungeforlob.youth.timeline import _memberships

    _history(p, p.youth, (PREPARED_PAGES + 1) * PER_PAGE // 2 + 5)  # two entries a role: the history fills the page
    deep = PREPARED_PAGES + 1
    assert timeline_page(p.youth, number=PREPARED_PAGES).entries
    page = timeline_page(p.youth, number=deep)
    everything = timeline_for(p.youth)
    assert page.entries and page.entries == everything[(deep - 1) * PER_PAGE:deep * PER_PAGE]
    limits = [dict(shape).get("limit") for _alias, shape in _memberships._templates]
    assert (deep - 1) * PER_PAGE + 1 in limits  # the last prepared page's shape was compiled
    assert deep * PER_PAGE + 1 not in limits


def test_each_sources_reads_declared_ahead_are_the_reads_it_makes(p: Personas) -> None:
    """A declaration (`reads_ahead`) that drifted from the source's own calls would be read for nothing."""
    from ungeforlob.core.prepared import ahead
    from ungeforlob.youth.timeline import TIMELINE_SOURCES, _source

    _history(p, p.youth, 3)
    declared = 0
    for path in TIMELINE_SOURCES:
        source, takes_limit = _source(path)
        declare = getattr(source, "reads_ahead", None)
        if declare is None:
            continue
        for limit in (PER_PAGE + 1, 3 * PER_PAGE + 1, None):
            reads = declare(p.youth, limit)
            declared += len(reads)
            with ahead(reads) as unasked:
                source(p.youth, limit=limit) if takes_limit and limit is not None else source(p.youth)
            assert unasked == {}, path
    assert declared >= 3 * 20


def test_on_postgresql_the_timelines_sources_are_read_in_one_round_trip(p: Personas, as_user) -> None:
    import pytest
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pipelines are PostgreSQL's")
    from ungeforlob.testing import pipelined

    _history(p, p.youth, 3)
    client = as_user(p.contact_person)
    client.get(f"/unge/{p.youth.pk}/tidslinje/")
    with pipelined() as sent:
        assert client.get(f"/unge/{p.youth.pk}/tidslinje/").status_code == 200
    assert sent.count(True) >= 10
