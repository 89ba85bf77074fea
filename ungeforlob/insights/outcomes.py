"""Outcomes (issue 15, point 3): how courses end, how long they last, and who stays in education.

* Ended courses: per quarter of the end date, the share that ended in education, in a job or otherwise
  (every other `CourseEndReason`), with the number of ended courses behind every share; the same per offer
  (courses of young people whose plan had an activity with the offer) and the median course length in days.
* Retention: of the education starts (a station of an education kind — `EDUCATION_KINDS` — started in the
  selected quarters), the share still in it, or finished, 3, 6 and 12 months after the start: a start counts
  as kept unless the station ended as "afbrudt" before the mark. A start is only counted for a mark that has
  passed. The months are counted as 91, 182 and 365 days, so the database can count them (`MARKS`). Per
  quarter of the start, per station (kind) and per follow-up procedure of the transition.

Young people are those of the leader's municipality in the filters (`LeaderFilters.restrict`). A fixed
number of queries whatever the data size: the rows are a municipality's courses and stations of the period.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.translation import gettext

from ungeforlob.insights import suppression as s
from ungeforlob.insights.filters import LeaderFilters
from ungeforlob.insights.quarters import Quarter
from ungeforlob.insights.tables import Table
from ungeforlob.plans.models import Activity
from ungeforlob.transitions.models import Station, StationEndReason, StationKind
from ungeforlob.youth.models import Course, CourseEndReason

EDUCATION_KINDS = (StationKind.FGU, StationKind.EUD_GF1, StationKind.EUD_GF2, StationKind.EUD_MAIN,
                   StationKind.APPRENTICESHIP, StationKind.UPPER_SECONDARY, StationKind.HF_VUC, StationKind.STU)
MARKS = ((3, 91), (6, 182), (12, 365))  # (months, days)
GROUPS = ("education", "job", "other")


def _group(reason: str) -> str:
    return {CourseEndReason.EDUCATION: "education", CourseEndReason.JOB: "job"}.get(reason, "other")


def _ended_courses(filters: LeaderFilters) -> list[dict[str, Any]]:
    first, last = filters.quarters[0].start, filters.quarters[-1].end
    return list(filters.restrict(Course.objects.filter(end_date__gte=first, end_date__lte=last))
                .values("youth_id", "start_date", "end_date", "end_reason"))


def _starts(filters: LeaderFilters, today: datetime.date) -> list[dict[str, Any]]:
    """Education starts counted by kind, procedure and quarter of the start, with per mark how many can be
    measured (`m3`, …) and how many of those were kept (`k3`, …). One query; a few hundred rows at most."""
    first, last = filters.quarters[0].start, filters.quarters[-1].end
    counts: dict[str, Any] = {}
    for months, days in MARKS:
        measurable = Q(start_date__lte=today - datetime.timedelta(days=days))
        kept_then = ~Q(end_reason=StationEndReason.DROPPED_OUT) | Q(lasted__gte=datetime.timedelta(days=days))
        counts[f"m{months}"] = Count("id", filter=measurable)
        counts[f"k{months}"] = Count("id", filter=measurable & kept_then)
    return list(filters.restrict(Station.objects.filter(kind__in=EDUCATION_KINDS, start_date__gte=first,
                                                        start_date__lte=last))
                .annotate(lasted=ExpressionWrapper(F("end_date") - F("start_date"), output_field=DurationField()))
                .values("kind", procedure_name=F("transition__procedure__name"),
                        quarter=TruncQuarter("start_date"))
                .annotate(n=Count("id"), **counts).order_by())


def _offers(filters: LeaderFilters) -> dict[int, set[str]]:
    """young person (with a course ended in the period) -> names of the offers their plan used (one query)."""
    out: dict[int, set[str]] = defaultdict(set)
    first, last = filters.quarters[0].start, filters.quarters[-1].end
    ended = filters.restrict(Course.objects.filter(end_date__gte=first, end_date__lte=last)).values("youth_id")
    rows = (Activity.objects.filter(offer__isnull=False, subgoal__goal__youth_id__in=ended)
            .values_list("subgoal__goal__youth_id", "offer__name").order_by().distinct())
    for youth_id, name in rows:
        out[youth_id].add(name)
    return out


def kept(start: dict[str, Any], days: int, today: datetime.date) -> bool | None:
    """Whether one education start was kept `days` after it; None while the mark has not passed.

    The rule the database applies in `_starts`, for one start (`start_date`, `end_date`, `end_reason`)."""
    if start["start_date"] + datetime.timedelta(days=days) > today:
        return None
    return not (start["end_reason"] == StationEndReason.DROPPED_OUT
                and (start["end_date"] - start["start_date"]).days < days)


def _end_counts(courses: list[dict[str, Any]]) -> list[int]:
    return [sum(1 for c in courses if _group(c["end_reason"]) == g) for g in GROUPS]


def _end_rows(groups: list[list[dict[str, Any]]], *, with_total: bool) -> list[list[s.Cell]]:
    """Shares by end reason with the number of courses, one row per group of courses (and the column totals).

    The counts behind the shares add up along the row (to the courses) and down the columns (to the whole
    period), so secondary suppression runs on them; a share is hidden with its count.
    """
    raw = [_end_counts(rows) for rows in groups]
    totals = [sum(col) for col in zip(*raw, strict=True)] if raw else [0, 0, 0]
    body, row_t, col_t = s.suppress_table([[s.count(n) for n in row] for row in raw],
                                          col_totals=[s.count(n) for n in totals] if with_total else None)
    out = []
    for counts, cells, total, n in zip(raw, body, row_t, [len(g) for g in groups], strict=True):
        out.append([s.share(k, n).hidden(cell.reason) if cell.suppressed else s.share(k, n)
                    for k, cell in zip(counts, cells, strict=True)] + [total])
    if with_total:
        grand = sum(len(g) for g in groups)
        out.append([s.share(k, grand).hidden(cell.reason) if cell.suppressed else s.share(k, grand)
                    for k, cell in zip(totals, col_t, strict=True)] + [s.count(grand)])
    return out


def _retention_row(groups: list[dict[str, Any]]) -> list[s.Cell]:
    """One row from groups of `_starts`: the starts, and per mark the share kept of those measurable."""
    cells = [s.count(sum(g["n"] for g in groups))]
    for months, _days in MARKS:
        cells.append(s.share(sum(g[f"k{months}"] for g in groups), sum(g[f"m{months}"] for g in groups)))
    return cells


def tables(filters: LeaderFilters, *, today: datetime.date | None = None) -> list[Table]:
    today = today or timezone.localdate()
    courses = _ended_courses(filters)
    starts = _starts(filters, today)
    offers = _offers(filters)
    by_quarter: dict[Quarter, list[dict[str, Any]]] = defaultdict(list)
    for c in courses:
        by_quarter[Quarter.of(c["end_date"])].append(c)
    end_columns = [gettext("I uddannelse"), gettext("I job"), gettext("Andet"), gettext("Afsluttede forløb")]
    ended = Table("outcomes-ended", gettext("Afsluttede forløb efter årsag"), [gettext("Kvartal"), *end_columns],
                  list(zip([*(q.label for q in filters.quarters), gettext("Hele perioden")],
                           _end_rows([by_quarter[q] for q in filters.quarters], with_total=True), strict=True)),
                  note=gettext("Andel af de forløb, der sluttede i kvartalet. Tallet bag hver andel står i sidste "
                               "kolonne."))
    durations = Table(
        "outcomes-duration", gettext("Forløbets længde (median, dage)"),
        [gettext("Kvartal"), gettext("Median, dage"), gettext("Afsluttede forløb")],
        [(q.label, [s.median([(c["end_date"] - c["start_date"]).days for c in by_quarter[q]]),
                    s.count(len(by_quarter[q]))]) for q in filters.quarters])
    per_offer: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in courses:
        for name in offers.get(c["youth_id"], ()):
            per_offer[name].append(c)
    by_offer = Table("outcomes-offers", gettext("Afsluttede forløb efter tilbud"), [gettext("Tilbud"), *end_columns],
                     list(zip(sorted(per_offer), _end_rows([per_offer[k] for k in sorted(per_offer)],
                                                           with_total=False), strict=True)),
                     note=gettext("Forløb for unge, hvis plan havde en aktivitet med tilbuddet."))
    retention_columns = [gettext("Uddannelsesstarter"), gettext("Fastholdt efter 3 mdr."),
                         gettext("Fastholdt efter 6 mdr."), gettext("Fastholdt efter 12 mdr.")]
    start_q: dict[Quarter, list[dict[str, Any]]] = defaultdict(list)
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_procedure: dict[str, list[dict[str, Any]]] = defaultdict(list)
    no_procedure = gettext("Ingen procedure")
    for st in starts:
        start_q[Quarter.of(st["quarter"])].append(st)
        by_kind[st["kind"]].append(st)
        by_procedure[st["procedure_name"] or no_procedure].append(st)
    retention_note = gettext("Andel af starterne, hvor den unge stadig var i gang eller var færdig efter 3, 6 og "
                             "12 måneder. En start tælles først med, når tiden er gået.")
    retention = Table("outcomes-retention", gettext("Fastholdelse efter uddannelsesstart"),
                      [gettext("Kvartal for start"), *retention_columns],
                      [(q.label, _retention_row(start_q[q])) for q in filters.quarters],
                      note=retention_note)
    labels = dict(StationKind.choices)
    retention_kind = Table("outcomes-retention-station", gettext("Fastholdelse pr. uddannelsessted (station)"),
                           [gettext("Station"), *retention_columns],
                           [(str(labels[k]), _retention_row(by_kind[k])) for k in EDUCATION_KINDS if k in by_kind],
                           note=retention_note)
    retention_procedure = Table("outcomes-retention-procedure", gettext("Fastholdelse pr. opfølgningsprocedure"),
                                [gettext("Procedure"), *retention_columns],
                                [(name, _retention_row(rows)) for name, rows in sorted(by_procedure.items())],
                                note=retention_note)
    out = [ended, durations, by_offer, retention, retention_kind, retention_procedure]
    if filters.active:
        base, parents = filters.base(), filters.parent_bases()
        for t in out:
            t.rows = [(label, s.suppress_for_filter(cells, base=base, parent_bases=parents)) for label, cells in t.rows]
    return out


def section(filters: LeaderFilters, user: Any) -> dict[str, Any]:
    return {"outcome_tables": tables(filters)}

