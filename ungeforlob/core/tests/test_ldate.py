"""`ldate`: a day is written once per format and language, and comes out as `|date` with the named format."""

from __future__ import annotations

import datetime

from django.template.defaultfilters import date as date_filter
from django.utils import translation

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
