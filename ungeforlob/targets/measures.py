"""The measures a municipality can set targets for: the registry.

Each measure has a key (stored on a Target), a Danish label, a unit ("pct": a share shown in per cent;
"days": a number of days), the direction that is better, and how its actual value is computed for a list of
periods. `compute(municipality_id, periods, today, only=None)` returns one suppressed cell per period (see
`ungeforlob.insights.suppression`), counted in a fixed number of queries whatever the data size. `only` (a subquery of youth ids, from the leader's
filters) narrows the young people counted.

The definitions, in the words a leader reads on the targets page (`description`):

* ended_in_education_or_job – of the courses (forløb) that ended in the period, the share that ended because
  the young person went on to education or a job.
* retention_3_months – of the young people who started a youth education (EUD, gymnasial uddannelse, HF/VUC,
  STU, praktik) and reached 3 months after the start in the period, the share still there, or who completed.
* median_days_to_education – for the first education start in a course that fell in the period: the median
  number of days from the course's start (first contact) to the education's start.
* concerns_answered_on_time – of the concerns raised in the period whose deadline has passed (or that were
  answered), the share acknowledged by the deadline.
* contact_14_days / contact_7_days – of the young people in an open course on the period's last day (today
  for the running period), the share with a contact (see `contact.py`) in the 14 / 7 days up to it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import Concern
from ungeforlob.insights import suppression as s
from ungeforlob.insights.snapshots import CONTACT_DAYS
from ungeforlob.targets.models import Direction
from ungeforlob.targets.periods import Period, quarter_of
from ungeforlob.transitions.models import Station, StationEndReason, StationKind, Transition
from ungeforlob.transitions.schedule import add_months
from ungeforlob.youth.models import Course, CourseEndReason, Youth

Cell = s.Cell

# Youth educations (ungdomsuddannelser) for the retention and time-to-education measures. FGU and 10. klasse
# prepare for one; a job or a jobcentre offer is not one.
EDUCATION_KINDS: tuple[str, ...] = (
    StationKind.EUD_GF1, StationKind.EUD_GF2, StationKind.EUD_MAIN, StationKind.APPRENTICESHIP,
    StationKind.UPPER_SECONDARY, StationKind.HF_VUC, StationKind.STU,
)


@dataclass(frozen=True)
class Measure:
    key: str
    label: Promise
    unit: str  # "pct" or "days"
    better: str  # Direction.AT_LEAST when more is better
    description: Promise
    compute: Callable[..., list[Cell]]

    def number(self, cell: Cell) -> float | None:
        """The cell as the number a target is set in (a share in per cent, days as they are)."""
        if cell.suppressed or cell.value is None:
            return None
        return round(cell.value * 100, 1) if self.unit == "pct" else round(float(cell.value), 1)

    @property
    def unit_label(self) -> Promise:
        return _("%") if self.unit == "pct" else _("dage")


def scoped(qs: Any, municipality_id: int, only: Any = None, youth_field: str = "youth") -> Any:
    """`qs` cut to the municipality's young people, and to `only` (a subquery of youth ids: the leader's
    filters) when given."""
    qs = qs.filter(**{f"{youth_field}__municipality_id": municipality_id})
    return qs if only is None else qs.filter(**{f"{youth_field}__in": only})


def _span(periods: Sequence[Period]) -> tuple[datetime.date, datetime.date]:
    return min(p.start for p in periods), max(p.end for p in periods)


def ended_in_education_or_job(municipality_id: int, periods: Sequence[Period], today: datetime.date, *,
                              only: Any = None) -> list[Cell]:
    first, last = _span(periods)
    good = Q(end_reason__in=(CourseEndReason.EDUCATION, CourseEndReason.JOB))
    counts: dict[str, Any] = {}
    for i, p in enumerate(periods):
        inside = Q(end_date__gte=p.start, end_date__lte=p.end)
        counts[f"n{i}"] = Count("pk", filter=inside)
        counts[f"k{i}"] = Count("pk", filter=inside & good)
    row = scoped(Course.objects.filter(end_date__gte=first, end_date__lte=last), municipality_id, only
                 ).aggregate(**counts)
    return [s.share(row[f"k{i}"], row[f"n{i}"]) for i in range(len(periods))]


def retention_3_months(municipality_id: int, periods: Sequence[Period], today: datetime.date, *,
                       only: Any = None) -> list[Cell]:
    first, last = _span(periods)
    # Starts whose 3-month mark can fall in the periods (a month's margin for add_months' month ends).
    rows = list(scoped(Transition.objects.filter(
        cancelled_at__isnull=True, to_station__kind__in=EDUCATION_KINDS,
        to_station__start_date__gte=first - datetime.timedelta(days=95), to_station__start_date__lte=last,
    ), municipality_id, only).values_list("to_station__start_date", "to_station__end_date", "to_station__end_reason"))
    cells = []
    for p in periods:
        counted = kept = 0
        for start, end, reason in rows:
            mark = add_months(start, 3)
            if not p.contains(mark) or mark > today:
                continue
            counted += 1
            if end is None or end >= mark or reason == StationEndReason.COMPLETED:
                kept += 1
        cells.append(s.share(kept, counted))
    return cells


def median_days_to_education(municipality_id: int, periods: Sequence[Period], today: datetime.date, *,
                             only: Any = None) -> list[Cell]:
    first, last = _span(periods)
    course_start = Subquery(Course.objects.filter(youth=OuterRef("youth_id"), start_date__lte=OuterRef("start_date"))
                            .order_by("-start_date").values("start_date")[:1])
    earlier = Station.objects.filter(youth=OuterRef("youth_id"), kind__in=EDUCATION_KINDS,
                                     start_date__lt=OuterRef("start_date"),
                                     start_date__gte=OuterRef("course_start"))
    rows = list(
        scoped(Station.objects.filter(kind__in=EDUCATION_KINDS, start_date__gte=first, start_date__lte=last),
               municipality_id, only)
        .annotate(course_start=course_start).filter(course_start__isnull=False)
        .annotate(earlier=Exists(earlier)).filter(earlier=False)
        .values_list("start_date", "course_start")
    )
    return [s.median([(start - began).days for start, began in rows if p.contains(start)]) for p in periods]


def concern_answered_on_time() -> Q:
    """A concern acknowledged on or before its deadline (needs the `ack_day` annotation of `concerns_in`)."""
    return Q(acknowledged_at__isnull=False, ack_day__lte=F("ack_due"))


def concerns_in(municipality_id: int, since: datetime.datetime, until: datetime.datetime, only: Any = None) -> Any:
    return (scoped(Concern.objects.filter(raised_at__gte=since, raised_at__lt=until), municipality_id, only)
            .annotate(ack_day=TruncDate("acknowledged_at", tzinfo=ZoneInfo(settings.TIME_ZONE))))


def concern_due(today: datetime.date) -> Q:
    """Counted once its deadline has passed, or once it was answered."""
    return Q(ack_due__lt=today) | Q(acknowledged_at__isnull=False)


def concerns_answered_on_time(municipality_id: int, periods: Sequence[Period], today: datetime.date, *,
                              only: Any = None) -> list[Cell]:
    counts: dict[str, Any] = {}
    for i, p in enumerate(periods):
        inside = Q(raised_at__gte=p.since, raised_at__lt=p.until) & concern_due(today)
        counts[f"n{i}"] = Count("pk", filter=inside)
        counts[f"k{i}"] = Count("pk", filter=inside & concern_answered_on_time())
    row = concerns_in(municipality_id, min(p.since for p in periods), max(p.until for p in periods), only
                      ).aggregate(**counts)
    return [s.share(row[f"k{i}"], row[f"n{i}"]) for i in range(len(periods))]


def active_youth_on(municipality_id: int, day: datetime.date, only: Any = None) -> Any:
    """Young people of the municipality in an open course on `day`."""
    open_course = Course.objects.filter(youth=OuterRef("pk"), start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day))
    youth = Youth.objects.filter(municipality_id=municipality_id).filter(Exists(open_course))
    return youth if only is None else youth.filter(pk__in=only)


def contact_shares(municipality_id: int, periods: Sequence[Period], windows: Sequence[int], *,
                   only: Any = None) -> dict[int, list[Cell]]:
    """For each window (in days): per period, the share of the young people in a course at the end of the quarter
    holding the period's last day with contact in that many days up to it. Read from the worker's quarterly
    snapshot (`insights.QuarterSnapshot.last_contact`), so it costs one query whatever the number of young people
    (counted live, it took seconds at national size); the running quarter is as fresh as the last hourly run."""
    from ungeforlob.insights.models import CourseState, QuarterSnapshot

    longest = max(windows)
    if longest > CONTACT_DAYS:
        raise ValueError(f"the snapshot keeps {CONTACT_DAYS} days of contact")
    rows = QuarterSnapshot.objects.filter(municipality_id=municipality_id, course_state=CourseState.OPEN,
                                          quarter__in=sorted({quarter_of(p.end).start for p in periods}))
    if only is not None:
        rows = rows.filter(youth_id__in=only)
    counts: dict[str, Any] = {}
    for i, p in enumerate(periods):
        in_quarter = Q(quarter=quarter_of(p.end).start)
        counts[f"n{i}"] = Count("pk", filter=in_quarter)
        for days in windows:
            counts[f"k{i}_{days}"] = Count("pk", filter=in_quarter & Q(
                last_contact__gte=p.end - datetime.timedelta(days=days - 1), last_contact__lte=p.end))
    row = rows.aggregate(**counts)
    return {days: [s.share(row[f"k{i}_{days}"], row[f"n{i}"]) for i in range(len(periods))] for days in windows}


def _contact_share(days: int) -> Callable[..., list[Cell]]:
    def compute(municipality_id: int, periods: Sequence[Period], today: datetime.date, *,
                only: Any = None) -> list[Cell]:
        return contact_shares(municipality_id, periods, [days], only=only)[days]
    compute.__name__ = f"contact_{days}_days"
    return compute


contact_14_days = _contact_share(14)
contact_7_days = _contact_share(7)

MEASURES: dict[str, Measure] = {m.key: m for m in (
    Measure("ended_in_education_or_job", _("Afsluttede forløb, der endte i uddannelse eller job"), "pct",
            Direction.AT_LEAST,
            _("Af de forløb, der sluttede i perioden: andelen, hvor den unge gik videre i uddannelse eller job."),
            ended_in_education_or_job),
    Measure("retention_3_months", _("Fastholdelse 3 måneder efter uddannelsesstart"), "pct", Direction.AT_LEAST,
            _("Af de unge, der startede på en ungdomsuddannelse og nåede 3 måneder efter starten i perioden: "
              "andelen, der stadig var der eller havde gennemført."),
            retention_3_months),
    Measure("median_days_to_education", _("Dage fra første kontakt til uddannelsesstart (median)"), "days",
            Direction.AT_MOST,
            _("For den første uddannelsesstart i et forløb i perioden: medianen af dage fra forløbets start til "
              "uddannelsens start."),
            median_days_to_education),
    Measure("concerns_answered_on_time", _("Bekymringer kvitteret inden fristen"), "pct", Direction.AT_LEAST,
            _("Af bekymringerne rejst i perioden, hvis frist er gået eller som er kvitteret: andelen kvitteret "
              "senest på fristen."),
            concerns_answered_on_time),
    Measure("contact_14_days", _("Unge i forløb med kontakt de seneste 14 dage"), "pct", Direction.AT_LEAST,
            _("Af de unge i et åbent forløb på periodens sidste dag: andelen med kontakt (planmøde, sms den ene "
              "eller anden vej, besvaret tjek-ind eller notat) i de 14 dage op til."),
            contact_14_days),
    Measure("contact_7_days", _("Unge i forløb med kontakt de seneste 7 dage"), "pct", Direction.AT_LEAST,
            _("Som ovenfor, men de seneste 7 dage."),
            contact_7_days),
)}


def measure_choices() -> list[tuple[str, Promise]]:
    return [(m.key, m.label) for m in MEASURES.values()]
