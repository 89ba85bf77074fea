"""I dag's overdue badge as a filter: the text `{% blocktranslate %}` wrote, in either language."""

from __future__ import annotations

import datetime

from django.template import engines
from django.utils import translation

from ungeforlob.transitions.templatetags.transitions import overdue_since


def test_the_overdue_badge_names_the_day_in_the_active_language() -> None:
    day, today = datetime.date(2026, 12, 3), datetime.date(2026, 12, 6)
    with translation.override("da"):
        assert overdue_since(day, today) == "Forsinket – 3. dec"
    with translation.override("en"):
        assert overdue_since(day, today) == "Overdue – 3 Dec"


def test_a_day_in_an_earlier_year_names_its_year() -> None:
    day, today = datetime.date(2025, 12, 21), datetime.date(2026, 1, 5)
    with translation.override("da"):
        assert overdue_since(day, today) == "Forsinket – 21. dec 2025"
    with translation.override("en"):
        assert overdue_since(day, today) == "Overdue – 21 Dec 2025"


def test_the_overdue_badge_is_what_the_blocktranslate_wrote() -> None:
    template = engines["django"].from_string(
        '{% load i18n ui transitions %}{% blocktranslate with d=due|ldate:"SHORT_MONTH_DAY_FORMAT" %}'
        'Forsinket – {{ d }}{% endblocktranslate %}|{{ due|overdue_since:today }}')
    for language in ("da", "en"):
        with translation.override(language):
            before, after = template.render({"due": datetime.date(2027, 5, 17),
                                             "today": datetime.date(2027, 5, 20)}).split("|")
            assert before == after


def test_the_overview_cards_follow_ups_name_the_year_of_a_day_in_another_year() -> None:
    template = engines["django"].from_string("{% load ui %}{{ a|short_day:today }}|{{ b|short_day:today }}")
    with translation.override("da"):
        assert template.render({"a": datetime.date(2026, 12, 21), "b": datetime.date(2025, 12, 21),
                                "today": datetime.date(2026, 12, 6)}) == "21. dec|21. dec 2025"
