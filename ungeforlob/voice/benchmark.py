"""Benchmarking between municipalities of one installation: the same key figures side by side.

A municipality appears by name only when it opted in, and only to a leader whose own municipality opted in
too; the others appear as "Kommune A, B, …", a letter that follows the municipality's place in the
installation (so it does not change when someone else opts in or out). The same suppression applies.
Constant queries: one per figure family, grouped by municipality; the worker keeps the figures per period
(`BenchmarkFigures`), so the page reads one row per municipality.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from typing import Any

from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Municipality
from ungeforlob.chain.models import Concern
from ungeforlob.insights import suppression as s
from ungeforlob.insights.models import QuarterSnapshot
from ungeforlob.insights.outcomes import EDUCATION_KINDS, MARKS
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.progression.levels import LEVEL_ORDER
from ungeforlob.transitions.models import Station, StationEndReason
from ungeforlob.voice.models import BenchmarkFigures, BenchmarkOptIn
from ungeforlob.voice.quarters import Quarter, after, end_dt, start_dt
from ungeforlob.youth.models import Course, CourseEndReason

GOOD_ENDS = (CourseEndReason.EDUCATION, CourseEndReason.JOB)


def letters(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA … (like spreadsheet columns)."""
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def is_opted_in(municipality_id: int) -> bool:
    return BenchmarkOptIn.objects.filter(municipality_id=municipality_id, opted_in=True).exists()


def several_municipalities() -> bool:
    return Municipality.objects.count() > 1


def raw_figures(quarters: list[Quarter]) -> dict[int, dict[str, Any]]:
    """Every municipality's unsuppressed key figures over `quarters` (plain numbers, JSON-ready): what the worker
    keeps in `BenchmarkFigures` and the comparison reads. One query per figure family, grouped by municipality."""
    start, end = quarters[0].start, after(quarters[-1])
    start_at, end_at = start_dt(quarters[0]), end_dt(quarters[-1])
    ended: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in (Course.objects.filter(end_date__gte=start, end_date__lt=end)
              .values("youth__municipality_id", "end_reason").annotate(n=Count("id")).order_by()):
        ended[r["youth__municipality_id"]][r["end_reason"]] += r["n"]
    durations: dict[int, list[float]] = defaultdict(list)
    for mid, started, stopped in (Course.objects.filter(end_date__gte=start, end_date__lt=end)
                                  .values_list("youth__municipality_id", "start_date", "end_date")):
        durations[mid].append((stopped - started).days)
    started_n = {r["youth__municipality_id"]: r["n"] for r in (
        Course.objects.filter(start_date__gte=start, start_date__lt=end)
        .values("youth__municipality_id").annotate(n=Count("id")).order_by())}
    concerns = {r["youth__municipality_id"]: r for r in (
        Concern.objects.filter(raised_at__gte=start_at, raised_at__lt=end_at)
        .values("youth__municipality_id").annotate(
            n=Count("id"),
            on_time=Count("id", filter=Q(acknowledged_at__isnull=False, acknowledged_at__date__lte=F("ack_due"))),
            escalated=Count("id", filter=Q(escalated_at__isnull=False)),
        ).order_by())}
    response: dict[int, list[float]] = defaultdict(list)
    for mid, minutes in (Concern.objects.filter(raised_at__gte=start_at, raised_at__lt=end_at,
                                                response_minutes__isnull=False)
                         .values_list("youth__municipality_id", "response_minutes")):
        response[mid].append(minutes / 60)
    today = timezone.localdate()
    # Retention 3 months after an education start, by insights' rule (a start is kept unless it was dropped
    # out of within the mark; counted once the mark has passed), in the database.
    days = dict(MARKS)[3]
    measurable = Q(start_date__lte=today - datetime.timedelta(days=days))
    kept_then = ~Q(end_reason=StationEndReason.DROPPED_OUT) | Q(lasted__gte=datetime.timedelta(days=days))
    retention = {r["youth__municipality_id"]: r for r in (
        Station.objects.filter(kind__in=EDUCATION_KINDS, start_date__gte=start, start_date__lt=end)
        .annotate(lasted=ExpressionWrapper(F("end_date") - F("start_date"), output_field=DurationField()))
        .values("youth__municipality_id")
        .annotate(m=Count("id", filter=measurable), k=Count("id", filter=measurable & kept_then)).order_by())}
    moved: dict[int, dict[str, int]] = defaultdict(lambda: {"up": 0, "all": 0})
    for r in (QuarterSnapshot.objects.filter(quarter__gte=start, quarter__lt=end).exclude(previous_level="")
              .exclude(level="").values("municipality_id", "previous_level", "level").annotate(n=Count("id"))
              .order_by()):
        moved[r["municipality_id"]]["all"] += r["n"]
        if LEVEL_ORDER[r["level"]] > LEVEL_ORDER[r["previous_level"]]:
            moved[r["municipality_id"]]["up"] += r["n"]
    heard: dict[int, list[int]] = defaultdict(list)
    for r in (ServiceFeedback.objects.filter(created_at__gte=start_at, created_at__lt=end_at)
              .values("municipality_id", "heard").annotate(n=Count("id")).order_by()):
        heard[r["municipality_id"]] += [r["heard"]] * r["n"]

    def _median(values: list[float]) -> list[float | int]:
        return [statistics.median(values) if values else 0, len(values)]

    out: dict[int, dict[str, Any]] = {}
    for mid in Municipality.objects.order_by("pk").values_list("pk", flat=True):
        reasons = ended.get(mid, {})
        c = concerns.get(mid, {"n": 0, "on_time": 0, "escalated": 0})
        r = retention.get(mid, {"k": 0, "m": 0})
        values = heard.get(mid, [])
        out[mid] = {
            "started": started_n.get(mid, 0), "ended": sum(reasons.values()),
            "good": sum(reasons.get(x, 0) for x in GOOD_ENDS), "median_days": _median(durations.get(mid, [])),
            "retention_3": [r["k"], r["m"]], "moved_up": [moved[mid]["up"], moved[mid]["all"]],
            "concerns": c["n"], "on_time": c["on_time"], "median_response": _median(response.get(mid, [])),
            "voice_heard": [statistics.fmean(values) if values else 0, len(values)],
        }
    return out


def comparison(*, municipality_id: int, quarters: list[Quarter]) -> dict[str, Any]:
    """Key figures over `quarters` for every municipality of the installation, the viewer's own first.

    The figures are the worker's (`BenchmarkFigures`, refreshed hourly for the quarters the page offers) when it
    has them for every municipality; otherwise they are computed now. Names and suppression are applied here,
    at reading, so an opt-in counts at once."""
    opted = BenchmarkOptIn.objects.filter(municipality=OuterRef("pk"), opted_in=True)
    municipalities = list(Municipality.objects.order_by("pk").annotate(opted=Exists(opted)).values("pk", "name",
                                                                                                 "opted"))
    viewer_opted = any(m["opted"] for m in municipalities if m["pk"] == municipality_id)
    kept = dict(BenchmarkFigures.objects.filter(until=quarters[-1].code, span=len(quarters))
                .values_list("municipality_id", "figures"))
    raw = kept if len(kept) == len(municipalities) else raw_figures(quarters)

    rows = []
    for i, m in enumerate(municipalities):
        mid = m["pk"]
        own = mid == municipality_id
        if own or (viewer_opted and m["opted"]):
            name = m["name"]
        else:
            name = _("Kommune %(letter)s") % {"letter": letters(i)}
        f = raw[mid]
        rows.append({
            "own": own, "name": name, "order": i, "named": own or (viewer_opted and m["opted"]),
            "started": s.count(f["started"]),
            "ended": s.count(f["ended"]),
            "good_share": s.share(f["good"], f["ended"]),
            "median_days": s.median_of(*f["median_days"]),
            "retention_3": s.share(*f["retention_3"]),
            "moved_up": s.share(*f["moved_up"]),
            "concerns": s.count(f["concerns"]),
            "on_time": s.share(f["on_time"], f["concerns"]),
            "median_response": s.median_of(*f["median_response"]),
            "voice_heard": s.average_of(*f["voice_heard"]),
        })
    rows.sort(key=lambda r: (not r["own"], not r["named"], r["name"] if r["named"] else r["order"]))
    return {"rows": rows, "viewer_opted": viewer_opted, "period": (quarters[0], quarters[-1])}
