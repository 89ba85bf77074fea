"""The voice app's periodic work (scheduler/jobs.py): the quarterly reports' PDFs, prepared ahead."""

from __future__ import annotations

from ungeforlob.accounts.models import Role, User
from ungeforlob.voice import services
from ungeforlob.voice.quarters import last_complete_quarter


def reports_prepare() -> int:
    """Render the last completed quarter's report (the one the report page opens on) for every municipality that
    has a leader, so a download is the stored file. Returns how many PDFs were made."""
    quarters = (last_complete_quarter(),)
    municipalities = (User.objects.filter(role=Role.LEADER, is_active=True, municipality__isnull=False)
                      .values_list("municipality_id", flat=True).distinct().order_by("municipality_id"))
    made = 0
    for municipality_id in municipalities:
        for quarter in quarters:
            services.report_document_prepare(municipality_id=municipality_id, quarter=quarter)
            made += 1
    return made


def benchmark_refresh() -> int:
    """Keep the comparison's figures for every period the comparison page offers (four quarters up to each of
    the last eight completed quarters), for every municipality; other periods' rows go. Returns rows written."""
    from django.db import transaction
    from django.utils import timezone

    from ungeforlob.voice import benchmark
    from ungeforlob.voice.models import BenchmarkFigures
    from ungeforlob.voice.quarters import last_quarters

    if not benchmark.several_municipalities():
        return 0
    written = 0
    periods = [(q, last_quarters(4, until=q)) for q in last_quarters(8, until=last_complete_quarter())]
    for until, quarters in periods:
        figures = benchmark.raw_figures(quarters)
        now = timezone.now()
        with transaction.atomic():
            BenchmarkFigures.objects.filter(until=until.code, span=len(quarters)).delete()
            BenchmarkFigures.objects.bulk_create([
                BenchmarkFigures(municipality_id=mid, until=until.code, span=len(quarters), figures=f, computed_at=now)
                for mid, f in figures.items()])
        written += len(figures)
    BenchmarkFigures.objects.exclude(until__in=[q.code for q, _ in periods]).delete()
    return written
