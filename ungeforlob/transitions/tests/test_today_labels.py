"""I dag's overdue badge as a filter: the text `{% blocktranslate %}` wrote, in either language."""

from __future__ import annotations

import datetime

from django.template import engines
from django.utils import translation

from ungeforlob.transitions.templatetags.transitions import overdue_since


def test_the_overdue_badge_names_the_day_in_the_active_language() -> None:
    day = datetime.date(2026, 12, 3)
    with translation.override("da"):
        assert overdue_since(day) == "Forsinket – 3. dec"
    with translation.override("en"):
        assert overdue_since(day) == "Overdue – 3 Dec"


def test_the_overdue_badge_is_what_the_blocktranslate_wrote() -> None:
    template = engines["django"].from_string(
        '{% load i18n ui transitions %}{% blocktranslate with d=due|ldate:"SHORT_MONTH_DAY_FORMAT" %}'
        'Forsinket – {{ d }}{% endblocktranslate %}|{{ due|overdue_since }}')
    for language in ("da", "en"):
        with translation.override(language):
            before, after = template.render({"due": datetime.date(2027, 5, 17)}).split("|")
            assert before == after
