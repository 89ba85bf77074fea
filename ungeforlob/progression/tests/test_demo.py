"""Demo data: most demo youths get non-linear histories; running the loader again adds nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from ungeforlob.demo.loader import load_demo
from ungeforlob.insights import demo as insights_demo
from ungeforlob.progression import charts
from ungeforlob.progression.models import Assessment, AssessmentVersion, SelfEvaluationRound, YouthPlacement
from ungeforlob.youth.models import Youth


@pytest.mark.django_db
def test_demo_histories_are_mostly_non_linear_and_the_loader_is_idempotent() -> None:
    load_demo()
    counts = (Assessment.objects.count(), AssessmentVersion.objects.count(), YouthPlacement.objects.count(),
              SelfEvaluationRound.objects.count())
    assert counts[0] > 60 and counts[2] > 20 and counts[3] >= 5
    assert AssessmentVersion.objects.filter(version__gt=1).exists()  # some corrections

    # Demo Kommune's own young people (the leaders' two years of history, insights/demo.py, are generated apart)
    youths = Youth.objects.filter(municipality__code="demo").exclude(
        assessments__versions__rationale=insights_demo.RATIONALE)
    non_linear = 0
    with_history = 0
    for youth in youths:
        versions = list(AssessmentVersion.objects.filter(assessment__youth=youth, is_current=True).order_by(
            "assessed_on"))
        if len(versions) < 2:
            continue
        with_history += 1
        chart = charts.step_chart([charts.Step(v.assessed_on, v.level, v.overlap_level) for v in versions], [],
                                  today=versions[-1].assessed_on)
        if chart.counts["leap"] or chart.counts["back"] or chart.counts["overlap"]:
            non_linear += 1
    assert with_history > youths.count() / 2
    assert non_linear > with_history * 0.7

    load_demo()
    assert (Assessment.objects.count(), AssessmentVersion.objects.count(), YouthPlacement.objects.count(),
            SelfEvaluationRound.objects.count()) == counts


@pytest.mark.django_db
def test_the_purge_command_runs() -> None:
    out = io.StringIO()
    call_command("purge_self_evaluations", stdout=out)
    assert out.getvalue().strip() == "Slettet: 0"
