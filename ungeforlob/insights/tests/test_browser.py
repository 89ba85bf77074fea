"""The leader's home in a real browser at desktop and phone width: figures, chart, filters, axe clean."""

import datetime

import pytest
from django.utils import timezone

from ungeforlob.insights.snapshots import snapshots_refresh
from ungeforlob.insights.tests.factories import tiny_youth
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _town(p: Personas) -> None:
    today = timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    for i in range(24):
        up = i % 3 != 0
        tiny_youth(p.contact_person, first_name=f"Skærm{i}",
                   course=(ago(400), ago(30 + i) if i % 2 else None, "uddannelse" if i % 4 else "job"),
                   levels=[(ago(380), "vejledningsparat"), (ago(200), "valgparat" if up else "kontaktparat"),
                           (ago(60), "uddannelsesparat" if up else "vejledningsparat")],
                   stations=[("eud_gf1", ago(300), ago(150) if i % 5 == 0 else None,
                              "afbrudt" if i % 5 == 0 else "")])
    snapshots_refresh()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_leader_reads_flow_and_outcomes_and_filters_them(browse, p: Personas, width: int) -> None:
    _town(p)
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/ledelse/")
    content = s.page.content()
    assert "Bevægelser mellem niveauer" in content and "færre end 5" in content
    assert "Skærm" not in content
    assert s.page.locator("svg[role=img]").count() >= 1
    s.screenshot("insights-home")
    # Nothing in this app's sections sticks out of the screen (wide tables scroll inside their own box).
    too_wide = s.page.evaluate("""() => Array.from(document.querySelectorAll('#flow *, #outcomes *, .insights-filters *'))
        .filter(e => !e.closest('.app-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)
        .map(e => e.tagName)""")
    assert too_wide == []
    # Nor does any other app's section: the whole page fits the phone (no sideways scroll).
    wider = s.page.evaluate("""() => Array.from(document.querySelectorAll('main *'))
        .filter(e => !e.closest('.app-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + (e.closest('section') || {}).id)""")
    assert wider == [] and s.page.evaluate("document.documentElement.scrollWidth") <= width, wider
    assert s.axe_violations() == []
    s.page.select_option("#id_alder", "18-24")
    s.page.click(".insights-filters button[type=submit]")
    s.page.wait_for_load_state()
    assert "alder=18-24" in s.page.url
    s.screenshot("insights-filtered")
    assert s.axe_violations() == []
