"""The voice page, the comparison and the report preview in a real browser, at desktop and phone width."""

from __future__ import annotations

import datetime

import pytest

from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.voice.models import FeedbackReview
from ungeforlob.voice.quarters import last_quarters
from ungeforlob.voice.tests.helpers import give

pytestmark = pytest.mark.browser

COMMENTS = ["Min kontaktperson lytter til mig.", "Der gik lang tid før nogen ringede tilbage.",
            "Ring på 20 12 34 56 hvis der er noget."]


def _history(p: Personas) -> None:
    today = datetime.date.today()
    for qi, q in enumerate(last_quarters(8)):
        for i in range(6 + qi):
            day = q.start + datetime.timedelta(days=i * 5)
            if day < today:
                give(p.youth, heard=min(5, 2 + (i + qi) % 4), useful=1 + (i * qi) % 5,
                     comment=COMMENTS[i % 3] if i % 2 == 0 else "", on=day)


def _check(s, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_leader_reads_the_voice_and_answers_a_comment(browse, p: Personas, width: int) -> None:
    _history(p)
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/ledelse/stemme/")
    content = s.page.content()
    assert "De unges stemme" in content and "20 12 34 56" not in content and "Josefine" not in content
    _check(s, "voice-overview")
    s.page.get_by_role("link", name="Skriv hvad der blev gjort").first.click()
    s.page.wait_for_load_state()
    s.page.fill("#id_answer", "Vi ringer nu tilbage samme dag.")
    _check(s, "voice-review")
    s.page.get_by_role("button", name="Gem").click()
    s.page.wait_for_load_state()
    assert "Svaret er gemt." in s.page.content()
    assert FeedbackReview.objects.get().answer == "Vi ringer nu tilbage samme dag."


@pytest.mark.parametrize("width", [1280, 360])
def test_the_report_preview_and_the_comparison(browse, p: Personas, width: int) -> None:
    _history(p)
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/ledelse/rapport/")
    assert "Det kan vi glæde os over" in s.page.content()
    assert s.page.locator("svg.voice-chart-svg").count() >= 4
    _check(s, "voice-report")
    s.goto("/ledelse/sammenligning/")
    assert "Kommune B" in s.page.content()
    _check(s, "voice-compare")
