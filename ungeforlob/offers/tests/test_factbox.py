"""The live fact box against a hand-counted fixture (see `make_fixture` for the young people and their dates)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ungeforlob.offers.factbox import Period, fact_box
from ungeforlob.offers.models import CostUnit, OfferMethod
from ungeforlob.offers.tests.factories import make_activity, make_offer
from ungeforlob.plans.models import ActivityStatus
from ungeforlob.testing import Personas, make_youth
from ungeforlob.transitions.models import Station, StationEndReason, StationKind, Transition
from ungeforlob.youth.models import Course, CourseEndReason

D = datetime.date
YEAR = Period(D(2026, 1, 1), D(2026, 12, 31))
FIRST_HALF = Period(D(2026, 1, 1), D(2026, 6, 30))
TODAY = D(2027, 3, 31)

# name: (course start, course end, end reason, stations after it as (kind, start, end, end reason, cancelled))
COURSES = {
    "Y1": (D(2026, 1, 10), D(2026, 3, 11), CourseEndReason.EDUCATION, [(StationKind.FGU, D(2026, 3, 12), None, "", False)]),
    "Y2": (D(2026, 2, 1), D(2026, 5, 2), CourseEndReason.EDUCATION,
           [(StationKind.EUD_GF1, D(2026, 5, 4), D(2026, 7, 1), StationEndReason.DROPPED_OUT, False)]),
    "Y3": (D(2026, 3, 1), D(2026, 6, 29), CourseEndReason.JOB, [(StationKind.JOB, D(2026, 7, 1), None, "", False)]),
    "Y4": (D(2026, 1, 5), D(2026, 7, 4), CourseEndReason.JOB,
           [(StationKind.JOB, D(2026, 7, 6), D(2026, 9, 1), StationEndReason.SWITCHED, False),
            (StationKind.EUD_MAIN, D(2026, 9, 15), None, "", False)]),
    "Y5": (D(2026, 4, 1), D(2026, 8, 29), CourseEndReason.EDUCATION,
           [(StationKind.HF_VUC, D(2026, 9, 1), None, "", True)]),
    "Y6": (D(2026, 5, 1), D(2026, 10, 28), CourseEndReason.DECLINED, []),
    "Y7": (D(2026, 6, 1), D(2026, 11, 28), CourseEndReason.EDUCATION, [(StationKind.STU, D(2026, 12, 1), None, "", False)]),
    "Y8": (D(2025, 10, 1), D(2026, 2, 27), CourseEndReason.MOVED, []),
    "Y9": (D(2026, 2, 10), D(2026, 4, 11), CourseEndReason.EDUCATION,
           [(StationKind.UPPER_SECONDARY, D(2026, 7, 1), None, "", False)]),
}


def _youth(p: Personas, name: str, start: D, end: D | None, reason: str):
    youth = make_youth(p.contact_person, first_name=name)
    Course.objects.filter(youth=youth).update(start_date=start, end_date=end, end_reason=reason)
    return youth


def make_fixture(p: Personas):
    """Twelve young people around one offer («Faktatilbud») and one other offer.

    Y1–Y9: a course ending in 2026 with an activity at the offer from the course's start to its end (done).
    Y10: an activity at the offer from 2026-06-01, in progress without an end date (open course).
    Y11: an activity at the offer in 2025 only (course ended 2025-07-01, education) — outside the period.
    Y12: an activity at ANOTHER offer, course ended 2026-05-01 to education — never counted.
    Y5's HF/VUC station belongs to a cancelled transition: it never happened.
    """
    offer = make_offer(p.municipality, "Faktatilbud")
    other = make_offer(p.municipality, "Andet tilbud")
    for name, (start, end, reason, stations) in COURSES.items():
        youth = _youth(p, name, start, end, reason)
        make_activity(youth, offer=offer, status=ActivityStatus.DONE, start_date=start, end_date=end)
        for kind, s_start, s_end, s_reason, cancelled in stations:
            station = Station.objects.create(youth=youth, kind=kind, start_date=s_start, end_date=s_end,
                                             end_reason=s_reason)
            if cancelled:
                Transition.objects.create(youth=youth, to_station=station,
                                          cancelled_at=datetime.datetime(2026, 9, 2, tzinfo=datetime.UTC))
    y10 = _youth(p, "Y10", D(2026, 5, 1), None, "")
    make_activity(y10, offer=offer, status=ActivityStatus.IN_PROGRESS, start_date=D(2026, 6, 1))
    y11 = _youth(p, "Y11", D(2025, 3, 1), D(2025, 7, 1), CourseEndReason.EDUCATION)
    make_activity(y11, offer=offer, status=ActivityStatus.DONE, start_date=D(2025, 3, 1), end_date=D(2025, 6, 30))
    y12 = _youth(p, "Y12", D(2026, 1, 15), D(2026, 5, 1), CourseEndReason.EDUCATION)
    make_activity(y12, offer=other, status=ActivityStatus.DONE, start_date=D(2026, 1, 15), end_date=D(2026, 5, 1))
    return offer


def test_the_fact_box_matches_the_hand_count_for_2026(p: Personas) -> None:
    """Served in 2026: Y1–Y10 = 10 (Y11 only in 2025, Y12 at another offer).
    Ended courses in 2026: Y1–Y9 = 9; education Y1 Y2 Y5 Y7 Y9 = 5 (5/9 = 56 %), job Y3 Y4 = 2, other Y6 Y8 = 2
    (both fewer than 5: hidden).
    Durations (days): Y1 60, Y2 90, Y3 120, Y4 180, Y5 150, Y6 180, Y7 180, Y8 149, Y9 60;
    sorted 60 60 90 120 [149] 150 180 180 180 → median 149.
    Retention (education or job ended: Y1 Y2 Y3 Y4 Y5 Y7 Y9; today 2027-03-31):
      3 months (91 days, mark passed for all 7): in education/job on the mark — Y1 (FGU), Y3 (job), Y4 (EUD
      after a job), Y7 (STU), Y9 (gymnasium from 07-01, mark 07-11); not Y2 (dropped out 07-01, mark 08-01) nor
      Y5 (the cancelled transition's station) → 5 of 7 = 71 %.
      6 months (182 days; mark passed for ends ≤ 2026-09-30: Y1 Y2 Y3 Y4 Y5 Y9 = 6): kept Y1 Y3 Y4 Y9 = 4 → hidden.
      12 months (365 days; ends ≤ 2026-03-31: Y1) → 1 of 1, hidden.
    At the offer on 2026-12-31: Y10 only → 1.
    """
    offer = make_fixture(p)
    box = fact_box(offer, YEAR, today=TODAY)
    assert box.raw["served"] == 10
    assert (box.raw["ended"], box.raw["education"], box.raw["job"], box.raw["other"]) == (9, 5, 2, 2)
    assert box.raw["durations"] == [60, 60, 90, 120, 149, 150, 180, 180, 180]
    assert box.median_days.display == "149"
    assert box.served.display == "10"
    assert box.education.display == "56 %"
    assert box.job.display == "færre end 5"
    assert box.other.display == "færre end 5"
    assert (box.raw["retention_3"], box.raw["retention_6"], box.raw["retention_12"]) == ((5, 7), (4, 6), (1, 1))
    assert [(m, c.display) for m, c in box.retention] == [(3, "71 %"), (6, "færre end 5"), (12, "færre end 5")]
    assert box.raw["at_end"] == 1


def test_young_people_per_adviser_counts_those_at_the_offer_on_the_last_day(p: Personas) -> None:
    """On 2026-06-30: Y4 (to 07-04), Y5 (to 08-29), Y6 (to 10-28), Y7 (to 11-28), Y10 (open) = 5; Y3 ended 06-29.
    With 2 advisers: 5 / 2 = 2,5 per adviser. For the whole year only Y10 is there on the last day: hidden."""
    offer = make_fixture(p)
    OfferMethod.objects.create(offer=offer, advisers=Decimal("2.0"), target_per_adviser=Decimal("12.0"))
    half = fact_box(offer, FIRST_HALF, today=TODAY)
    assert half.raw["at_end"] == 5
    assert half.per_adviser is not None and half.per_adviser.display == "2,5"
    assert half.targets["per_adviser"] == "12,0"
    year = fact_box(offer, YEAR, today=TODAY)
    assert year.per_adviser is not None and year.per_adviser.display == "færre end 5"


def test_fewer_than_five_young_people_are_shown_as_færre_end_5(p: Personas) -> None:
    """January–April 2026: the ended courses are Y8 (02-27), Y1 (03-11), Y9 (04-11) = 3 → every figure hidden."""
    offer = make_fixture(p)
    box = fact_box(offer, Period(D(2026, 1, 1), D(2026, 4, 30)), today=TODAY)
    assert box.raw["ended"] == 3  # Y1 (03-11), Y8 (02-27), Y9 (04-11)
    for cell in (box.ended, box.education, box.job, box.other, box.median_days):
        assert cell.display == "færre end 5"
        assert cell.value is None


def test_economy_per_place_per_month_costs_each_course_by_its_length(p: Personas) -> None:
    """10.000 kr. per place per month; the 9 ended courses last 1169 days in all: 1169 / 30,44 × 10.000 =
    384.034 kr. Per course 384.034 / 9 = 42.670 kr.; per good outcome (education or job: 7) 384.034 / 7 = 54.862."""
    offer = make_fixture(p)
    OfferMethod.objects.create(offer=offer, cost_amount=Decimal(10000), cost_unit=CostUnit.PER_PLACE_MONTH)
    economy = fact_box(offer, YEAR, today=TODAY).economy
    assert economy.cost_per_course is not None and economy.cost_per_course.value == 42670
    assert economy.cost_per_good_outcome is not None and economy.cost_per_good_outcome.value == 54862


def test_economy_per_course_and_hidden_when_good_outcomes_are_fewer_than_5(p: Personas) -> None:
    """20.000 kr. per course: 9 courses = 180.000 kr., 20.000 per course, 180.000 / 7 = 25.714 per good outcome.
    In January–June 2026 the ended courses are Y1 Y2 Y3 Y8 Y9 (5): good outcomes Y1 Y2 Y3 Y9 = 4 → hidden."""
    offer = make_fixture(p)
    OfferMethod.objects.create(offer=offer, cost_amount=Decimal(20000), cost_unit=CostUnit.PER_COURSE)
    year = fact_box(offer, YEAR, today=TODAY).economy
    assert (year.cost_per_course.value, year.cost_per_good_outcome.value) == (20000, 25714)
    half = fact_box(offer, FIRST_HALF, today=TODAY).economy
    assert half.cost_per_course.value == 20000
    assert half.cost_per_good_outcome.display == "færre end 5"


def test_the_fact_box_takes_a_fixed_number_of_queries(p: Personas, count_queries) -> None:
    offer = make_fixture(p)
    OfferMethod.objects.create(offer=offer, advisers=Decimal("2.0"))
    small = count_queries(lambda: fact_box(offer, YEAR, today=TODAY))
    for i in range(8):
        youth = _youth(p, f"Ekstra{i}", D(2026, 2, 1), D(2026, 8, 1), CourseEndReason.JOB)
        make_activity(youth, offer=offer, status=ActivityStatus.DONE, start_date=D(2026, 2, 1), end_date=D(2026, 8, 1))
        Station.objects.create(youth=youth, kind=StationKind.JOB, start_date=D(2026, 8, 2))
    large = count_queries(lambda: fact_box(offer, YEAR, today=TODAY))
    assert small == large <= 4
