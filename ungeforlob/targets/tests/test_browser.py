"""The targets page, the chain's figures and the caseloads in a real browser, at desktop and phone width."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.targets.models import CaseloadBand, Target
from ungeforlob.targets.tests import fixtures as f
from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.youth.models import Course

pytestmark = pytest.mark.browser


def _history(p: Personas) -> None:
    today = timezone.localdate()
    year_start = today.replace(month=1, day=1)
    span = max((today - year_start).days, 1)
    for i in range(24):  # ended this year, spread over its quarters: 18 in education or a job
        Course.objects.create(youth=p.other_youth, start_date=year_start - datetime.timedelta(days=300),
                              end_date=year_start + datetime.timedelta(days=(i * span) // 24),
                              end_reason="uddannelse" if i % 4 else "flyttet")
    for i in range(6):
        f.concern(p.youth, p.colleague, today - datetime.timedelta(days=i), due=today, acknowledged=today,
                  response_minutes=90 * (i + 1))
    Target.objects.create(municipality=p.municipality, year=today.year, measure="ended_in_education_or_job",
                          direction="gte", value=80, note="Byrådets ungestrategi")
    CaseloadBand.objects.create(municipality=p.municipality, low=12, high=15)


def _check(s, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_leader_sets_a_target_and_reads_it_against_the_actual_figure(browse, p: Personas, width: int) -> None:
    _history(p)
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/ledelse/maal/")
    content = s.page.content()
    assert "Under målet" in content and "75 %" in content and "Josefine" not in content
    _check(s, "targets-index")
    s.page.get_by_role("link", name="Nyt måltal").click()
    s.page.wait_for_load_state()
    s.page.select_option("#id_measure", "concerns_answered_on_time")
    s.page.check("input[name=direction][value=gte]")
    s.page.fill("#id_value", "95")
    _check(s, "targets-form")
    s.page.get_by_role("button", name="Gem måltal").click()
    s.page.wait_for_load_state()
    assert "Bekymringer kvitteret inden fristen" in s.page.content()
    assert Target.objects.filter(measure="concerns_answered_on_time", value=95).exists()
    s.goto("/ledelse/kaeden/")
    assert "Kontaktrytme" in s.page.content() and "Josefine" not in s.page.content()
    _check(s, "targets-chain")
    s.goto("/ledelse/maal/sagsstammer/")
    assert "Under spændet" in s.page.content()
    _check(s, "targets-caseloads")
