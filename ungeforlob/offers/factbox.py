"""The live fact box of a local offer: what Ungeforløb's own data says about the young people it served.

The seeds report each project's results in a fact box (reach, share ended in job or education, duration,
staffing). Here the same figures are computed for a chosen period from the plans (an activity linked to the
offer is the young person's time at the offer), the young people's courses (forløb, with their end reason)
and the stations on their path. Definitions, also written on the page:

* **Served** — different young people with an activity at the offer that ran some time in the period (from its
  start date, or the day it was written, to its end date; an unfinished activity without an end date runs on).
* **Ended courses** — courses (forløb) that ended in the period, of young people who had an activity at the
  offer during the course. Each is counted once, with the course's end reason: education, job, or other.
* **Duration** — days from the course's start to its end, the median over the ended courses.
* **Retention after 3/6/12 months** — of the courses that ended to education or job, those whose mark (91, 182
  and 365 days after the end, as in insights.outcomes) has passed: the share where the young person, on the day
  of the mark, is at a station of an education kind or a job (a station of a cancelled transition never
  happened).
* **Young people per adviser** — young people at the offer on the period's last day divided by the staffing
  entered on the offer (årsværk).

Aggregates only: no name, id or free text about a young person leaves this module, and every figure is a
`suppression.Cell` (fewer than 5 shown as "færre end 5"). A fixed number of queries whatever the data size.
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, DateField, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils.formats import number_format
from django.utils.translation import gettext

from ungeforlob.insights import suppression as s
from ungeforlob.insights.outcomes import EDUCATION_KINDS, MARKS
from ungeforlob.offers.models import CostUnit, Offer, OfferMethod
from ungeforlob.plans.models import Activity, ActivityStatus
from ungeforlob.transitions.models import Station, StationKind
from ungeforlob.youth.models import Course, CourseEndReason

GOOD_KINDS = (*EDUCATION_KINDS, StationKind.JOB)
DAYS_PER_MONTH = Decimal("30.44")
FINISHED = (ActivityStatus.DONE, ActivityStatus.STOPPED)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def last_12_months(cls, today: datetime.date) -> Period:
        try:
            year_ago = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            year_ago = today.replace(year=today.year - 1, day=28)
        return cls(year_ago + datetime.timedelta(days=1), today)


def kroner(value: Any) -> str:
    return gettext("%(amount)s kr.") % {"amount": number_format(int(value), force_grouping=True)}


@dataclass(frozen=True)
class Economy:
    price: str
    cost_per_course: s.Cell | None
    cost_per_good_outcome: s.Cell | None

    @staticmethod
    def _shown(cell: s.Cell | None) -> str:
        if cell is None:
            return ""
        return cell.display if cell.suppressed or cell.value is None else kroner(cell.value)

    @property
    def per_course_shown(self) -> str:
        return self._shown(self.cost_per_course)

    @property
    def per_good_outcome_shown(self) -> str:
        return self._shown(self.cost_per_good_outcome)


@dataclass(frozen=True)
class FactBox:
    period: Period
    served: s.Cell
    ended: s.Cell
    education: s.Cell
    job: s.Cell
    other: s.Cell
    median_days: s.Cell
    retention: list[tuple[int, s.Cell]]
    at_end: s.Cell
    per_adviser: s.Cell | None
    targets: dict[str, str]
    economy: Economy
    # Raw numbers for the tests and the economy; never shown (the cells above decide what is shown).
    raw: dict[str, Any]


def _activities(offer: Offer) -> QuerySet[Activity]:
    """The offer's activities with their first and last day (`began`, `ended`; `ended` None while it runs)."""
    return Activity.objects.filter(offer=offer).annotate(
        began=Coalesce("start_date", TruncDate("created_at"), output_field=DateField()),
        ended=Coalesce("end_date", Case(When(status__in=FINISHED, then=TruncDate("updated_at")),
                                        default=Value(None), output_field=DateField()), output_field=DateField()),
    )


def _served(offer: Offer, period: Period) -> dict[str, int]:
    """Young people served in the period and those at the offer on its last day (one query)."""
    acts = _activities(offer).filter(began__lte=period.end)
    at_end = (Q(ended__isnull=True) & ~Q(status__in=FINISHED)) | Q(ended__gte=period.end)
    return acts.aggregate(
        served=Count("subgoal__goal__youth", distinct=True, filter=Q(ended__isnull=True) | Q(ended__gte=period.start)),
        at_end=Count("subgoal__goal__youth", distinct=True, filter=at_end),
    )


def _ended_courses(offer: Offer, period: Period) -> list[dict[str, Any]]:
    """The courses ended in the period with an activity at the offer during them (one query)."""
    during = _activities(offer).filter(subgoal__goal__youth=OuterRef("youth_id"), began__lte=OuterRef("end_date")).filter(
        Q(ended__isnull=True) | Q(ended__gte=OuterRef("start_date")))
    return list(
        Course.objects.filter(end_date__gte=period.start, end_date__lte=period.end)
        .filter(Exists(during)).values("youth_id", "start_date", "end_date", "end_reason").order_by()
    )


def _good_stations(youth_ids: set[int]) -> dict[int, list[tuple[datetime.date, datetime.date | None]]]:
    """youth -> (start, end) of their live education and job stations (one query)."""
    out: dict[int, list[tuple[datetime.date, datetime.date | None]]] = {}
    rows = (Station.objects.filter(youth_id__in=youth_ids, kind__in=GOOD_KINDS)
            .exclude(transition__cancelled_at__isnull=False).values_list("youth_id", "start_date", "end_date"))
    for youth_id, start, end in rows:
        out.setdefault(youth_id, []).append((start, end))
    return out


def retained(stations: list[tuple[datetime.date, datetime.date | None]], day: datetime.date) -> bool:
    return any(start <= day and (end is None or end >= day) for start, end in stations)


def _pct(value: int | None) -> str:
    return "" if value is None else f"{value} %"


def _targets(method: OfferMethod | None) -> dict[str, str]:
    if method is None:
        return {}
    def num(value: Any) -> str:
        return "" if value is None else str(value).replace(".", ",")
    return {
        "served": num(method.target_served),
        "education": _pct(method.target_education_share),
        "job": _pct(method.target_job_share),
        "median_days": num(method.target_median_days),
        "retention_3": _pct(method.target_retention_3),
        "retention_6": _pct(method.target_retention_6),
        "retention_12": _pct(method.target_retention_12),
        "per_adviser": num(method.target_per_adviser),
    }


def _economy(method: OfferMethod | None, courses: list[dict[str, Any]], good: int) -> Economy:
    """Cost per ended course and per good outcome (education or job) in the period, from the price entered.

    A price per place per month is multiplied by each course's length in months (30,44 days); a price per
    course is the cost of each course. Suppressed like any figure: fewer than 5 courses or good outcomes.
    """
    if method is None or method.cost_amount is None:
        return Economy(price="", cost_per_course=None, cost_per_good_outcome=None)
    price = method.cost_amount
    if method.cost_unit == CostUnit.PER_COURSE:
        total = price * len(courses)
    else:
        total = sum((price * Decimal((c["end_date"] - c["start_date"]).days) / DAYS_PER_MONTH for c in courses),
                    Decimal(0))
    n = len(courses)
    per_course = s.average_of(round(float(total) / n), n) if n else s.average_of(0, 0)
    per_good = s.average_of(round(float(total) / good), good) if good else s.average_of(0, 0)
    return Economy(price=kroner(price), cost_per_course=per_course, cost_per_good_outcome=per_good)


def fact_box(offer: Offer, period: Period, *, today: datetime.date) -> FactBox:
    """The offer's fact box for the period (four queries: method, served, ended courses, stations)."""
    method = OfferMethod.objects.filter(offer=offer).first()
    served = _served(offer, period)
    courses = _ended_courses(offer, period)
    groups = {"education": 0, "job": 0, "other": 0}
    for c in courses:
        key = {CourseEndReason.EDUCATION: "education", CourseEndReason.JOB: "job"}.get(c["end_reason"], "other")
        groups[key] += 1
    n = len(courses)
    durations = [(c["end_date"] - c["start_date"]).days for c in courses]
    median_days = s.median_of(statistics.median(durations), n) if durations else s.median_of(0, 0)
    good = [c for c in courses if c["end_reason"] in (CourseEndReason.EDUCATION, CourseEndReason.JOB)]
    stations = _good_stations({c["youth_id"] for c in good}) if good else {}
    retention = []
    raw: dict[str, Any] = {**served, "ended": n, **groups, "durations": sorted(durations)}
    for months, days in MARKS:
        measurable = [c for c in good if c["end_date"] + datetime.timedelta(days=days) <= today]
        kept = sum(1 for c in measurable
                   if retained(stations.get(c["youth_id"], []), c["end_date"] + datetime.timedelta(days=days)))
        retention.append((months, s.share(kept, len(measurable))))
        raw[f"retention_{months}"] = (kept, len(measurable))
    advisers = method.advisers if method is not None else None
    per_adviser = None
    if advisers:
        per_adviser = s.average_of(float(Decimal(served["at_end"]) / advisers), served["at_end"])
        raw["per_adviser"] = float(Decimal(served["at_end"]) / advisers)
    return FactBox(
        period=period, served=s.count(served["served"]), ended=s.count(n),
        education=s.share(groups["education"], n), job=s.share(groups["job"], n), other=s.share(groups["other"], n),
        median_days=median_days, retention=retention, at_end=s.count(served["at_end"]), per_adviser=per_adviser,
        targets=_targets(method), economy=_economy(method, courses, len(good)), raw=raw,
    )

