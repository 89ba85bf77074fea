"""The quarterly report for the political committee: the same figures and charts as on screen, as a page
and as a PDF. Counts and shares only — never a name, a CPR number, an id or a comment."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Municipality
from ungeforlob.chain.models import Concern
from ungeforlob.insights import suppression as s
from ungeforlob.portal.models import ServiceFeedback
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


def chain_figures(*, municipality_id: int, quarter: Quarter) -> dict[str, Any]:
    """Concerns raised in the quarter: how many, answered within the deadline, median response, escalated."""
    qs = Concern.objects.filter(youth__municipality_id=municipality_id, raised_at__gte=start_dt(quarter),
                                raised_at__lt=end_dt(quarter))
    c = qs.aggregate(
        n=Count("id"),
        on_time=Count("id", filter=Q(acknowledged_at__isnull=False, acknowledged_at__date__lte=F("ack_due"))),
        escalated=Count("id", filter=Q(escalated_at__isnull=False)))
    minutes = [m / 60 for m in qs.filter(response_minutes__isnull=False).values_list("response_minutes", flat=True)]
    return {"concerns": s.count(c["n"]), "on_time": s.share(c["on_time"], c["n"]),
            "escalated": s.count(c["escalated"]),
            "median_response": s.median(minutes)}


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


def report_context(*, municipality_id: int, quarter: Quarter) -> dict[str, Any]:
    quarters = last_quarters(8, until=quarter)
    return {
        "municipality": Municipality.objects.only("name").get(pk=municipality_id),
        "quarter": quarter,
        "quarters": quarters,
        "outcomes": outcomes(municipality_id=municipality_id, quarters=quarters),
        "chain": chain_figures(municipality_id=municipality_id, quarter=quarter),
        "voice": voice_section(municipality_id=municipality_id, quarters=quarters),
        "celebrate": celebrate(municipality_id=municipality_id, quarter=quarter),
    }
