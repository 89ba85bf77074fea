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
