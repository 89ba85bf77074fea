"""The quarterly report for the political committee: the same figures and charts as on screen, as a page
and as a PDF. Counts and shares only — never a name, a CPR number, an id or a comment."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Municipality
from ungeforlob.insights import suppression as s
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.targets.chain_figures import chain_figures
from ungeforlob.targets.periods import last_quarters as periods_back
from ungeforlob.targets.selectors import targets_for_year
from ungeforlob.voice import selectors
from ungeforlob.voice.benchmark import GOOD_ENDS
from ungeforlob.voice.charts import bar_chart
from ungeforlob.voice.quarters import Quarter, after, end_dt, last_quarters, start_dt
from ungeforlob.youth.models import Course, CourseEndReason


def outcomes(*, municipality_id: int, quarters: list[Quarter]) -> dict[str, Any]:
    """Ended courses per quarter (and the share ending in education or job), the last quarter by end reason
    and the median duration of the courses that ended in it. Two queries."""
    start, end, last = quarters[0].start, after(quarters[-1]), quarters[-1]
    ended = Course.objects.filter(youth__municipality_id=municipality_id, end_date__gte=start, end_date__lt=end)
    per: dict[Quarter, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in (ended.annotate(y=ExtractYear("end_date"), m=ExtractMonth("end_date"))
              .values("y", "m", "end_reason").annotate(n=Count("id")).order_by()):
        per[Quarter(r["y"], (r["m"] - 1) // 3 + 1)][r["end_reason"]] += r["n"]
    durations = [(b - a).days for a, b in ended.filter(end_date__gte=last.start).values_list("start_date",
                                                                                             "end_date")]
    trend = []
    for q in quarters:
        reasons = per.get(q, {})
        n = sum(reasons.values())
        trend.append({"quarter": q, "ended": s.count(n),
                      "good": s.share(sum(reasons.get(r, 0) for r in GOOD_ENDS), n)})
    reasons = per.get(last, {})
    labels = dict(CourseEndReason.choices)
    keys = list(CourseEndReason.values)
    cells = s.suppress_table([[s.count(reasons.get(k, 0)) for k in keys]])[0][0]
    by_reason = [{"label": str(labels[k]), "figure": f} for k, f in zip(keys, cells, strict=True)]
    return {
        "trend": trend, "by_reason": by_reason, "ended": s.count(sum(reasons.values())),
        "median_days": s.median(durations),
        "chart_trend": bar_chart(slug="afsluttet-trend", title=_("Andel afsluttede forløb i uddannelse eller job"),
                                 rows=[(t["quarter"].label, t["good"]) for t in trend], max_value=100,
                                 value_label=_("Andel")),
        "chart_reasons": bar_chart(slug="afsluttet-aarsag", title=_("Afsluttede forløb efter årsag"),
                                   rows=[(r["label"], r["figure"]) for r in by_reason], value_label=_("Forløb")),
    }


def voice_section(*, municipality_id: int, quarters: list[Quarter]) -> dict[str, Any]:
    rows = selectors.feedback_by_quarter(municipality_id=municipality_id, quarters=quarters)
    last = rows[-1]
    charts = [bar_chart(slug=f"stemme-{q['key']}", title=_("Gennemsnit pr. kvartal: %(q)s") % {"q": q["label"]},
                        rows=[(r["quarter"].label, r["questions"][i]["mean"]) for r in rows], max_value=5,
                        value_label=_("Gennemsnit (1–5)"))
              for i, q in enumerate(({"key": "hoert", "label": _("Blev du hørt?")},
                                     {"key": "brugbart", "label": _("Var mødet brugbart?")}))]
    return {"rows": rows, "last": last, "charts": charts,
            "reviews": selectors.review_counts(municipality_id=municipality_id, quarter=quarters[-1])}


def celebrate(*, municipality_id: int, quarter: Quarter) -> list[dict[str, Any]]:
    """Results worth celebrating in the quarter, as counts (never names). One query each family."""
    c = Course.objects.filter(youth__municipality_id=municipality_id).aggregate(
        education=Count("id", filter=Q(end_date__gte=quarter.start, end_date__lt=after(quarter),
                                       end_reason=CourseEndReason.EDUCATION)),
        job=Count("id", filter=Q(end_date__gte=quarter.start, end_date__lt=after(quarter),
                                 end_reason=CourseEndReason.JOB)),
        started=Count("id", filter=Q(start_date__gte=quarter.start, start_date__lt=after(quarter))))
    heard = ServiceFeedback.objects.filter(municipality_id=municipality_id, created_at__gte=start_dt(quarter),
                                           created_at__lt=end_dt(quarter), heard__gte=4).count()
    items = [
        (_("unge gik fra forløbet videre i uddannelse"), c["education"]),
        (_("unge gik fra forløbet videre i job"), c["job"]),
        (_("unge begyndte et forløb"), c["started"]),
        (_("svar fra unge, der følte sig hørt (4 eller 5 ud af 5)"), heard),
    ]
    # Every item is shown, a zero too ("færre end 5"): leaving zeros out would tell which small ones are not.
    return [{"text": text, "figure": s.count(n)} for text, n in items]


def targets_section(*, municipality_id: int, quarter: Quarter) -> list[dict[str, Any]]:
    """The year's targets against the actual figures up to the quarter's end, each with its trend as a chart."""
    today = min(timezone.localdate(), quarter.end)
    out = []
    for row in targets_for_year(municipality_id, quarter.year, today=today):
        unit = str(row.measure.unit_label)
        target = float(row.target.value)
        chart = bar_chart(slug=f"maal-{row.measure.key}", title=str(row.measure.label),
                          rows=[(period.label, cell) for period, cell, _n in row.trend],
                          max_value=100 if row.measure.unit == "pct" else None, target=target,
                          value_label=_("Faktisk"))
        chart["target_label"] = f"{row.target.get_direction_display()} {number_format(target)} {unit}"
        out.append({"row": row, "chart": chart, "target_label": chart["target_label"]})
    return out


def chain_section(*, quarter: Quarter, municipality_id: int) -> dict[str, Any]:
    """The chain's own figures (the targets app's) for the four quarters up to the report's."""
    today = min(timezone.localdate(), quarter.end)
    periods = periods_back(today, 4)
    return {"periods": periods, "groups": chain_figures(municipality_id, periods, today=today)}


def report_context(*, municipality_id: int, quarter: Quarter) -> dict[str, Any]:
    quarters = last_quarters(8, until=quarter)
    return {
        "targets": targets_section(municipality_id=municipality_id, quarter=quarter),
        "chain": chain_section(municipality_id=municipality_id, quarter=quarter),
        "municipality": Municipality.objects.only("name").get(pk=municipality_id),
        "quarter": quarter,
        "quarters": quarters,
        "outcomes": outcomes(municipality_id=municipality_id, quarters=quarters),
        "voice": voice_section(municipality_id=municipality_id, quarters=quarters),
        "celebrate": celebrate(municipality_id=municipality_id, quarter=quarter),
    }
