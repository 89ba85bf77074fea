"""The quarterly report for the political committee: the same figures and charts as on screen, as a page
and as a PDF. Counts and shares only — never a name, a CPR number, an id or a comment."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Municipality
from ungeforlob.insights import flow, outcomes
from ungeforlob.insights import suppression as s
from ungeforlob.insights.filters import LeaderFilters
from ungeforlob.insights.tables import Table
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.targets.chain_figures import tables as chain_tables
from ungeforlob.targets.selectors import targets_for_year
from ungeforlob.voice import selectors, tables
from ungeforlob.voice.charts import bar_chart
from ungeforlob.voice.quarters import Quarter, after, end_dt, last_quarters, start_dt
from ungeforlob.youth.models import Course, CourseEndReason


def _column(table: Table, i: int, *, only: set[str] | None = None) -> list[tuple[str, s.Cell]]:
    """(row label, the row's i-th cell) for a chart, optionally for the rows whose label is in `only`."""
    return [(str(label), cells[i]) for label, cells in table.rows if only is None or str(label) in only]


def flow_section(filters: LeaderFilters) -> dict[str, Any]:
    """Movement between levels (insights' flow tables), with the report quarter's moves as a chart."""
    matrix, moves, days = flow.tables(filters)
    last = filters.quarters[-1].label
    labels = [_("Op"), _("Samme niveau"), _("Ned"), _("Første vurdering")]
    row = next((cells for label, cells in moves.rows if str(label) == last), [])
    chart = bar_chart(slug="flow-kvartal", title=_("Bevægelser mellem niveauer i %(q)s") % {"q": last},
                      rows=list(zip(labels, row[:4], strict=False)), value_label=_("Unge"))
    return {"tables": [moves, matrix, days], "chart": chart, "matrix_chart": flow.matrix_chart(matrix),
            "moved_up": row[0] if row else None}


def outcomes_section(filters: LeaderFilters) -> dict[str, Any]:
    """How courses ended, how long they lasted and retention after an education start (insights' outcomes)."""
    ended, durations, _offers, retention, retention_station, _procedure = outcomes.tables(filters)
    quarters = {q.label for q in filters.quarters}
    charts = [
        bar_chart(slug="afsluttet-uddannelse", title=_("Andel afsluttede forløb, der endte i uddannelse"),
                  rows=_column(ended, 0, only=quarters), max_value=100, value_label=_("Andel")),
        bar_chart(slug="fastholdelse-3", title=_("Fastholdt 3 måneder efter uddannelsesstart"),
                  rows=_column(retention, 1, only=quarters), max_value=100, value_label=_("Andel")),
    ]
    return {"tables": [ended, durations, retention, retention_station], "charts": charts}


def voice_section(*, municipality_id: int, quarters: list[Quarter]) -> dict[str, Any]:
    rows = selectors.feedback_by_quarter(municipality_id=municipality_id, quarters=quarters)
    last = rows[-1]
    charts = [bar_chart(slug=f"stemme-{q['key']}", title=_("Gennemsnit pr. kvartal: %(q)s") % {"q": q["label"]},
                        rows=[(r["quarter"].label, r["questions"][i]["mean"]) for r in rows], max_value=5,
                        value_label=_("Gennemsnit (1–5)"))
              for i, q in enumerate(({"key": "hoert", "label": _("Blev du hørt?")},
                                     {"key": "brugbart", "label": _("Var mødet brugbart?")}))]
    return {"rows": rows, "last": last, "charts": charts, "table": tables.quarters_table(rows),
            "reviews": selectors.review_counts(municipality_id=municipality_id, quarter=quarters[-1])}


def celebrate(*, municipality_id: int, quarter: Quarter, moved_up: s.Cell | None = None) -> list[dict[str, Any]]:
    """Results worth celebrating in the quarter, as counts (never names). One query each family; `moved_up` is
    the flow table's (already suppressed) count of young people who moved up a level in the quarter."""
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
    out = [{"text": text, "figure": s.count(n)} for text, n in items]
    if moved_up is not None:
        out.insert(2, {"text": _("unge rykkede et niveau op"), "figure": moved_up})
    return out


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
    """The chain's own figures (the targets app's tables) for the four quarters up to the report's."""
    quarters = last_quarters(4, until=quarter)
    return {"tables": chain_tables(LeaderFilters(municipality_id, quarters)),
            "querystring": urlencode({"fra": quarters[0].code, "til": quarters[-1].code})}


def report_context(*, municipality_id: int, quarter: Quarter) -> dict[str, Any]:
    """Everything the report shows for `quarter`, with the trend over the eight quarters up to it."""
    quarters = last_quarters(8, until=quarter)
    filters = LeaderFilters(municipality_id, quarters)
    moves = flow_section(filters)
    return {
        "flow": moves,
        "outcomes": outcomes_section(filters),
        "querystring": urlencode({"fra": quarters[0].code, "til": quarters[-1].code}),
        "targets": targets_section(municipality_id=municipality_id, quarter=quarter),
        "chain": chain_section(municipality_id=municipality_id, quarter=quarter),
        "municipality": Municipality.objects.only("name").get(pk=municipality_id),
        "quarter": quarter,
        "quarters": quarters,
        "voice": voice_section(municipality_id=municipality_id, quarters=quarters),
        "celebrate": celebrate(municipality_id=municipality_id, quarter=quarter, moved_up=moves["moved_up"]),
    }
