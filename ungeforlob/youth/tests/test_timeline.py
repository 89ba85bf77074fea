"""The timeline is paged: newest first, 50 at a time, "Vis ældre" for the rest, in a fixed number of queries."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.testing import Personas
from ungeforlob.youth.timeline import PER_PAGE, timeline_for


def _old_roles(p: Personas, count: int) -> None:
    """`count` ended mentor memberships in 2010–2011: two old entries each (joined, stopped)."""
    for i in range(count):
        start = datetime.date(2010, 1, 1) + datetime.timedelta(days=3 * i)
        Membership.objects.create(youth=p.youth, professional=p.colleague, role=ChainRole.MENTOR,
                                  start_date=start, end_date=start + datetime.timedelta(days=1))


def test_the_timeline_shows_the_newest_page_first_and_the_older_entries_on_the_next(p: Personas, as_user) -> None:
    _old_roles(p, PER_PAGE)
    client = as_user(p.contact_person)
    url = f"/unge/{p.youth.pk}/tidslinje/"
    first = client.get(url)
    assert len(first.context["page"].entries) == PER_PAGE
    assert "Forløbet startede" in first.content.decode()  # this year's course start is on the first page
    assert "1. januar 2010" not in first.content.decode()
    assert "?side=2" in first.content.decode() and "Vis ældre" in first.content.decode()
    second = client.get(url + "?side=2")
    older = second.context["page"].entries
    assert older and max(e.sort_key for e in older) <= min(e.sort_key for e in first.context["page"].entries)
    assert "1. januar 2010" in second.content.decode()
    everything = timeline_for(p.youth)
    shown = first.context["page"].entries + [e for n in range(2, 4)
                                             for e in client.get(f"{url}?side={n}").context["page"].entries]
    assert shown == everything  # every entry once, in the same order as the whole timeline


def test_vis_aeldre_with_htmx_returns_only_the_next_entries(p: Personas, as_user) -> None:
    _old_roles(p, PER_PAGE)
    body = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/tidslinje/?side=2", HTTP_HX_REQUEST="true")
    text = body.content.decode()
    assert "<li>" in text and "<h2>" not in text and "<html" not in text


def test_a_bad_page_number_shows_the_newest_page(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    for value in ("x", "-1", "0", "99999999999999999999"):
        response = client.get(f"/unge/{p.youth.pk}/tidslinje/?side={value}")
        assert response.status_code == 200 and response.context["page"].number == 1
    past_the_end = client.get(f"/unge/{p.youth.pk}/tidslinje/?side=40")
    assert past_the_end.status_code == 200 and "Der er ikke flere ældre hændelser" in past_the_end.content.decode()


def test_the_timeline_costs_the_same_queries_for_any_history_and_any_page(p: Personas, as_user,
                                                                          count_queries) -> None:
    client = as_user(p.contact_person)
    url = f"/unge/{p.youth.pk}/tidslinje/"
    short = count_queries(lambda: client.get(url))
    _old_roles(p, 2 * PER_PAGE)
    assert count_queries(lambda: client.get(url)) == short
    assert count_queries(lambda: client.get(url + "?side=3")) == short


def test_a_source_asked_for_its_newest_entries_gives_the_same_newest_entries_as_all_of_them(p: Personas) -> None:

    from django.utils import timezone

    from ungeforlob.messaging.models import InboundMessage
    from ungeforlob.plans.models import JournalNote
    from ungeforlob.youth.timeline import TIMELINE_SOURCES, _source

    start = timezone.now() - datetime.timedelta(days=400)
    for n in range(8):  # stored out of date order, so the table's order is not the answer
        day = start + datetime.timedelta(days=(n * 37) % 8 * 10)
        note = JournalNote.objects.create(youth=p.youth, text=f"Notat {n}", author_name="Anna")
        JournalNote.objects.filter(pk=note.pk).update(created_at=day)
        InboundMessage.objects.create(youth=p.youth, from_number="+4512345678", body=f"Svar {n}", received_at=day)
    limited = [path for path in TIMELINE_SOURCES if _source(path)[1]]
    assert "ungeforlob.plans.timeline.plan_entries" in limited and "ungeforlob.messaging.timeline.sms_entries" in limited
    for path in limited:
        source = _source(path)[0]
        for limit in (1, 3, 5):
            newest = sorted(source(p.youth, limit=limit), key=lambda e: e.sort_key, reverse=True)[:limit]
            expected = sorted(source(p.youth), key=lambda e: e.sort_key, reverse=True)[:limit]
            assert [e.sort_key for e in newest] == [e.sort_key for e in expected], (path, limit)


def _notes(p: Personas, count: int, *, start: datetime.datetime) -> None:
    from ungeforlob.plans.models import JournalNote

    for i in range(count):
        note = JournalNote.objects.create(youth=p.youth, text=f"Notat {i}", author_name="Anna", visible_to_youth=True)
        JournalNote.objects.filter(pk=note.pk).update(created_at=start - datetime.timedelta(hours=i))


def _every_page(client: Any, p: Personas) -> list[Any]:
    """The entries of the timeline's pages, from the first until the one without "Vis ældre"."""
    shown: list[Any] = []
    for number in range(1, 10):
        page = client.get(f"/unge/{p.youth.pk}/tidslinje/?side={number}").context["page"]
        shown += page.entries
        if page.older is None:
            break
    return shown


def _wish(p: Personas, when: datetime.datetime) -> None:
    from ungeforlob.portal.models import Wish

    wish = Wish.objects.create(youth=p.youth, kind="maal", text="Et ønske")
    Wish.objects.filter(pk=wish.pk).update(created_at=when)


def test_a_page_reads_only_the_sources_whose_newest_entry_reaches_it(p: Personas, as_user, count_queries,
                                                                       monkeypatch) -> None:
    """A source whose newest entry is older than the page's last is not asked for its entries (its read may have
    gone ahead with the others' in the same round trip: that costs its rows' fetch, not their objects)."""
    from django.utils import timezone

    from ungeforlob.portal import timeline as wishes

    asked: list[int] = []
    real = wishes.run_newest
    monkeypatch.setattr(wishes, "run_newest", lambda query, **kw: asked.append(1) or real(query, **kw))
    now = timezone.now()
    _notes(p, 2 * PER_PAGE, start=now)  # the first two pages are notes
    _wish(p, now - datetime.timedelta(days=3650))  # a wish ten years ago: far below the first page
    client = as_user(p.contact_person)
    url = f"/unge/{p.youth.pk}/tidslinje/"
    old_wish = count_queries(lambda: client.get(url))
    assert "ønskede" not in client.get(url).content.decode()
    assert asked == []
    _wish(p, now + datetime.timedelta(minutes=1))  # now the newest entry: the wishes are read
    recent_wish = count_queries(lambda: client.get(url))
    assert "ønskede" in client.get(url).content.decode()
    assert asked and recent_wish <= old_wish + 1  # read ahead with the others, or asked when reached (SQLite)


def test_pages_read_through_the_probes_are_the_whole_timeline_cut_in_order(p: Personas, as_user) -> None:
    """Entries of several sources, interleaved in time and with equal moments, over several pages."""
    from django.utils import timezone

    from ungeforlob.messaging.models import InboundMessage

    now = timezone.now()
    _notes(p, PER_PAGE, start=now - datetime.timedelta(minutes=30))
    _old_roles(p, PER_PAGE)
    for i in range(PER_PAGE):
        when = now - datetime.timedelta(hours=i, minutes=0 if i % 3 else 30)  # some at the same moment as a note
        InboundMessage.objects.create(youth=p.youth, from_number="+4512345678", body=f"Svar {i}", received_at=when)
        _wish(p, now - datetime.timedelta(days=40 * i))
    assert _every_page(as_user(p.contact_person), p) == timeline_for(p.youth)


def test_the_probes_compiled_once_read_the_same_rows_as_probes_built_for_the_young_person(p: Personas) -> None:
    """The probe query is compiled once per process for a stand-in id: each source's probe must depend on the
    young person's id only, so that putting her id in gives the query built for her."""
    from django.db import connection

    from ungeforlob.youth.timeline import _ANY_YOUTH, TIMELINE_SOURCES, _probe_sql, _source, newest_moment

    sql, params, _owners = _probe_sql(tuple(TIMELINE_SOURCES), connection.vendor)
    own_parts, own_params = [], []
    for path in TIMELINE_SOURCES:
        for qs, when in getattr(_source(path)[0], "newest_probe", lambda youth: [])(p.youth):
            query = newest_moment(qs, when).query
            part_sql, part_params = query.sql_with_params()
            own_parts.append(f"({part_sql})")
            own_params.extend(part_params)
    assert sql == "SELECT " + ", ".join(own_parts)
    assert [p.youth.pk if x == _ANY_YOUTH else x for x in params] == own_params
    assert _ANY_YOUTH in params
    probed = [path for path in TIMELINE_SOURCES if hasattr(_source(path)[0], "newest_probe")]
    assert len(probed) == len(TIMELINE_SOURCES)  # every source of the staff timeline declares its probe


def test_a_source_reached_after_the_page_is_full_stops_at_the_pages_last_moment(p: Personas, as_user,
                                                                                 monkeypatch) -> None:
    """The SMS replies are read newest first and left at the first one an hour below the page's last entry so
    far (`page.since`): forty older replies make no entries on the first page, and every page is still the whole
    timeline's, in order."""
    from django.utils import timezone

    from ungeforlob.messaging import timeline as sms
    from ungeforlob.messaging.models import InboundMessage

    came_to: list[int] = []
    real = sms.older_than
    monkeypatch.setattr(sms, "older_than", lambda *a: came_to.append(1) or real(*a))
    now = timezone.now()
    _notes(p, 3 * PER_PAGE, start=now)  # hourly: the plan's notes fill the pages
    InboundMessage.objects.create(youth=p.youth, from_number="+4512345678", body="Ny", received_at=now
                                  - datetime.timedelta(hours=2))
    for i in range(40):
        InboundMessage.objects.create(youth=p.youth, from_number="+4512345678", body=f"Gammel {i}",
                                      received_at=now - datetime.timedelta(days=3, hours=i))
    client = as_user(p.contact_person)
    first = client.get(f"/unge/{p.youth.pk}/tidslinje/").context["page"]
    assert [e.title for e in first.entries].count("SMS fra den unge") == 1
    assert 0 < len(came_to) <= 3  # the new reply, the first old one; not forty
    assert _every_page(client, p) == timeline_for(p.youth)


def test_a_row_within_an_hour_below_the_pages_last_moment_is_still_read() -> None:
    """When the clocks go back, a moment an hour older in the database can read later on the wall clock."""
    from zoneinfo import ZoneInfo

    from ungeforlob.youth.timeline import moment_key, older_than

    tz = ZoneInfo("Europe/Copenhagen")
    since = moment_key(datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC), tz)
    assert not older_than(datetime.datetime(2026, 3, 1, 11, 30, tzinfo=datetime.UTC), since, tz)
    assert older_than(datetime.datetime(2026, 3, 1, 10, 30, tzinfo=datetime.UTC), since, tz)
    assert not older_than(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC), None, tz)


def test_an_entry_is_written_in_local_time_with_its_text_escaped_and_its_lines_kept() -> None:
    """The entries are stamped (`timeline_entry`, `core.stamp`): each writes what `|iso_moment`, `|local_day|ldate`
    and `|linebreaksbr` wrote, in the shape it has."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string
    from django.utils import translation

    from ungeforlob.youth.timeline import TimelineEntry

    page = SimpleNamespace(older=None, entries=[
        TimelineEntry(when=datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC), kind="note",
                      title="Note <1>", text="Første linje\n<b>anden</b>", by="Kim & Co", url="/unge/1/noter/"),
        TimelineEntry(when=datetime.date(2026, 6, 1), kind="plan", title="__stamp_title__")])
    with translation.override("da"):
        html = render_to_string("youth/_timeline_entries.html", {"page": page, "youth": SimpleNamespace(pk=1)})
    first, second = (" ".join(li.split()) for li in html.split("</li>")[:2])
    assert first == ('<li><time datetime="2027-01-01T00:30:00+01:00">1. januar 2027</time> <strong>Note &lt;1&gt;'
                     '</strong><br>Første linje<br>&lt;b&gt;anden&lt;/b&gt; <span class="app-meta">– Kim &amp; Co'
                     '</span> <a href="/unge/1/noter/">Se mere</a>')
    assert second == '<li><time datetime="2026-06-01">1. juni 2026</time> <strong>__stamp_title__</strong>'


def test_a_planned_station_does_not_make_the_transitions_the_newest_source(p: Personas) -> None:
    """The transitions' probe gives the newest moment they show: a station from the day it begins, its end from
    the day it ends. A station planned to begin next month, or one that has begun and ends later, is not newer."""
    from django.utils import timezone

    from ungeforlob.transitions.models import Station
    from ungeforlob.transitions.timeline import transition_entries
    from ungeforlob.youth.timeline import TIMELINE_SOURCES, _newest_moments

    today = timezone.localdate()
    days = datetime.timedelta
    Station.objects.create(youth=p.youth, kind="fgu", start_date=today - days(100), end_date=today - days(50),
                           end_reason="gennemfoert")
    Station.objects.create(youth=p.youth, kind="eud_gf1", start_date=today - days(10), end_date=today + days(60),
                           end_reason="gennemfoert")
    Station.objects.create(youth=p.youth, kind="eud_gf2", start_date=today + days(30))
    transitions = TIMELINE_SOURCES.index("ungeforlob.transitions.timeline.transition_entries")
    newest = _newest_moments(p.youth)[transitions]
    assert newest == datetime.datetime.combine(today - days(10), datetime.time.min)
    assert newest == max(e.sort_key for e in transition_entries(p.youth))


def test_a_sources_later_kinds_stop_at_what_the_page_and_its_earlier_kinds_filled(p: Personas) -> None:
    """The plan's notes, all older than its changes, are left at the first one an hour below the page's last
    moment, once its changes fill the page (`PageSoFar.tighten`) alone or with the entries of the sources read
    before; and the timeline's pages are still the whole timeline's."""
    from django.utils import timezone

    from ungeforlob.plans.models import PlanChange
    from ungeforlob.plans.timeline import plan_entries
    from ungeforlob.youth.timeline import PageSoFar, moment_key

    now = timezone.now()
    tz = timezone.get_current_timezone()
    _notes(p, PER_PAGE, start=now - datetime.timedelta(days=30))
    for i in range(PER_PAGE + 1):
        change = PlanChange.objects.create(youth=p.youth, object_type="goal", action="update", object_label=f"Mål {i}",
                                           actor_name="Anna")
        PlanChange.objects.filter(pk=change.pk).update(created_at=now - datetime.timedelta(hours=i))
    limit = PER_PAGE + 1
    notes = lambda entries: [e.kind for e in entries].count("notat")  # noqa: E731
    assert notes(plan_entries(p.youth, limit=limit)) == PER_PAGE  # no page: all of them
    assert notes(plan_entries(p.youth, limit=limit, page=PageSoFar(limit, tz, []))) == 0
    # Ten changes and, from the sources before, twenty entries newer still: together they fill the page.
    PlanChange.objects.filter(object_label__in=[f"Mål {i}" for i in range(10, PER_PAGE + 1)]).delete()
    earlier = [moment_key(now + datetime.timedelta(minutes=i), tz) for i in range(20)]
    assert notes(plan_entries(p.youth, limit=limit, page=PageSoFar(limit, tz, []))) == PER_PAGE
    assert notes(plan_entries(p.youth, limit=limit, page=PageSoFar(limit, tz, earlier))) == 0
    assert [e.title for e in timeline_for(p.youth, limit=limit)] == [e.title for e in timeline_for(p.youth)[:limit]]
