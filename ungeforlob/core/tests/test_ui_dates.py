"""Dates in templates: `ldate` writes a day once per format and language; the timeline's `iso_moment` and
`local_day` write what `|date` wrote; `tab_links` draws the tabs a loop drew."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.template import engines
from django.template.defaultfilters import date as date_filter
from django.utils import translation
from django.utils.formats import get_format

from ungeforlob.core.templatetags.ui import ldate


def test_a_day_is_written_per_language_even_when_written_before() -> None:
    day = datetime.date(2026, 11, 22)
    with translation.override("da"):
        assert ldate(day, "WEEKDAY_DATE_FORMAT") == "søndag 22. november 2026"
        assert ldate(day, "WEEKDAY_DATE_FORMAT") == "søndag 22. november 2026"
        assert ldate(day, "SHORT_MONTH_DAY_FORMAT") == "22. nov"
    with translation.override("en"):
        assert ldate(day, "WEEKDAY_DATE_FORMAT") == "Sunday 22 November 2026"


def test_a_moment_and_an_unknown_name_are_written_as_before() -> None:
    moment = datetime.datetime(2026, 11, 22, 14, 30)
    with translation.override("da"):
        assert ldate(moment, "SHORT_MONTH_DAY_TIME_FORMAT") == "22. nov 14.30"
        assert ldate(datetime.date(2026, 11, 22), "Y-m-d") == date_filter(datetime.date(2026, 11, 22), "Y-m-d")


MOMENTS = [
    datetime.datetime(2026, 3, 29, 0, 30, tzinfo=datetime.UTC),  # 01:30 in Copenhagen, the night summer time begins
    datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC),  # already 1 January in Copenhagen
    datetime.datetime(2026, 6, 1, 12, 0),  # naive
    datetime.date(2026, 6, 1),
    None,
    "",
]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_timelines_filters_write_what_date_wrote(language: str) -> None:
    before = engines["django"].from_string("""{{ when|date:'c' }}|{{ when|date:"DATE_FORMAT" }}""")
    after = engines["django"].from_string("""{% load ui %}{{ when|iso_moment }}|{{ when|local_day|ldate:"DATE_FORMAT" }}""")
    with translation.override(language):
        for when in MOMENTS:
            assert after.render({"when": when}) == before.render({"when": when}), when


def test_each_languages_date_format_writes_only_the_day() -> None:
    """`local_day` drops the time: right only while DATE_FORMAT writes no time (nor time zone)."""
    day_letters = set("dDjlLNSwzWFmMnbtyYoE")
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            fmt = get_format("DATE_FORMAT")
        letters = {ch for i, ch in enumerate(fmt) if ch.isalpha() and (i == 0 or fmt[i - 1] != "\\")}
        assert letters <= day_letters, (language, fmt)


def test_tab_links_are_the_tabs_the_loop_drew() -> None:
    tabs = [("youth:detail", "Overblik"), ("youth:timeline", "Tidslinje & mere")]
    loop = engines["django"].from_string(
        "{% for url_name, label in tabs %}<li><a href=\"{% url url_name pk %}\" {% if tab == url_name %}"
        "aria-current=\"page\"{% endif %}>{{ label }}</a></li>{% endfor %}")
    tag = engines["django"].from_string("{% load ui %}{% tab_links tabs pk tab %}")
    for tab in ("youth:timeline", "", None):
        context = {"tabs": tabs, "pk": 42, "tab": tab}
        assert tag.render(context) == loop.render(context)
    assert 'href="/unge/42/tidslinje/" aria-current="page">Tidslinje &amp; mere<' in tag.render(
        {"tabs": tabs, "pk": 42, "tab": "youth:timeline"})


def test_a_moment_from_the_database_is_written_in_danish_time() -> None:
    """A stored moment is UTC; `ldate` writes it as the clock in Denmark showed it, as `|date` does."""
    moment = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)
    template = engines["django"].from_string('{% load ui %}{{ m|ldate:"SHORT_MONTH_DAY_TIME_FORMAT" }}|{{ m|date:"H:i" }}')
    with translation.override("da"):
        written, clock = template.render({"m": moment}).split("|")
    assert clock == "13:00"
    assert "13" in written and "12.00" not in written and "12:00" not in written
