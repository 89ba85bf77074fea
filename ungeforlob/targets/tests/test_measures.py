"""The measures against a municipality counted by hand (Testkommune, with rows on fixed dates)."""

from __future__ import annotations

import datetime

from ungeforlob.insights.quarters import quarters_back
from ungeforlob.insights.snapshots import snapshots_write
from ungeforlob.targets import measures
from ungeforlob.targets.contact import latest_contact_by_youth
from ungeforlob.targets.periods import Period, last_quarters, quarter_of
from ungeforlob.targets.tests import fixtures as f
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Course

D = datetime.date
TODAY = D(2026, 6, 15)
Q1 = quarter_of(D(2026, 2, 1))
Q2 = quarter_of(TODAY).clipped(TODAY)


def test_quarters_are_counted_so_far_and_oldest_first() -> None:
    quarters = last_quarters(TODAY, 3)
    assert [(q.start, q.end) for q in quarters] == [
        (D(2025, 10, 1), D(2025, 12, 31)), (D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 4, 1), TODAY)]
    assert quarters[-1].label == "2. kvt. 2026"


def test_ended_courses_are_shared_by_end_reason_per_quarter(p: Personas) -> None:
    # Q1: 7 ended — 3 in education, 2 in a job, 1 moved, 1 declined: 5 of 7. Q2: 1 ended (too few to show).
    for day, reason in [(D(2026, 1, 5), "uddannelse"), (D(2026, 1, 9), "uddannelse"), (D(2026, 2, 2), "uddannelse"),
                        (D(2026, 2, 20), "job"), (D(2026, 3, 31), "job"), (D(2026, 3, 1), "flyttet"),
                        (D(2026, 3, 2), "fravalgt"), (D(2026, 4, 2), "job"), (D(2025, 12, 31), "job")]:
        Course.objects.create(youth=p.other_youth, start_date=D(2025, 1, 1), end_date=day, end_reason=day and reason)
    q1, q2 = measures.ended_in_education_or_job(p.municipality.pk, [Q1, Q2], TODAY)
    assert (q1.value, q1.base) == (5 / 7, 7)
    assert q1.display == "71 %"
    assert q2.suppressed and q2.display == "færre end 5"


def test_retention_counts_those_still_there_or_completed_three_months_after_the_start(p: Personas) -> None:
    y = p.other_youth
    # Started 10 Nov 2025: the 3-month mark is 10 Feb 2026 (Q1).
    for _ in range(4):
        f.education_start(y, D(2025, 11, 10))  # still there
    f.education_start(y, D(2025, 11, 10), end=D(2026, 1, 1), reason="afbrudt")  # left before the mark
    f.education_start(y, D(2025, 11, 10), end=D(2026, 1, 5), reason="gennemfoert")  # completed: kept
    f.education_start(y, D(2025, 11, 10), end=D(2026, 3, 1), reason="afbrudt")  # left after the mark: kept
    f.education_start(y, D(2025, 11, 10), cancelled=True)  # a cancelled transition: not counted
    f.education_start(y, D(2025, 11, 10), kind="job")  # not an education: not counted
    f.education_start(y, D(2026, 4, 1))  # its mark (1 July) is after today: not counted
    [q1, q2] = measures.retention_3_months(p.municipality.pk, [Q1, Q2], TODAY)
    assert (q1.value, q1.base) == (6 / 7, 7)
    assert q2.suppressed


def test_days_to_education_take_the_first_education_start_of_each_course(p: Personas) -> None:
    starts = []
    for days in (10, 20, 30, 40, 90):
        y = f.youth_with_course(p.contact_person, D(2025, 12, 22))
        starts.append(f.education_start(y, D(2025, 12, 22) + datetime.timedelta(days=days)))
    # The first young person changes education within the same course: the second start is not a first start.
    f.education_start(starts[0].youth, D(2026, 3, 1), kind="gymnasial")
    [q1] = measures.median_days_to_education(p.municipality.pk, [Q1], TODAY)
    assert (q1.value, q1.base) == (30, 5)  # 10, 20, 30, 40, 90 (with the second start, 69: 35 of six)


def test_concerns_count_as_answered_on_time_when_acknowledged_by_the_deadline(p: Personas) -> None:
    y, by = p.youth, p.colleague
    for raised in (D(2026, 1, 5), D(2026, 1, 20), D(2026, 2, 3), D(2026, 2, 10), D(2026, 3, 2)):
        f.concern(y, by, raised, due=raised + datetime.timedelta(days=1), acknowledged=raised)  # on time
    f.concern(y, by, D(2026, 3, 10), due=D(2026, 3, 11), acknowledged=D(2026, 3, 13))  # late
    f.concern(y, by, D(2026, 3, 12), due=D(2026, 3, 13))  # never answered: counted, not on time
    f.concern(y, by, D(2026, 6, 14), due=D(2026, 6, 16))  # its deadline has not passed: not counted yet
    q1, q2 = measures.concerns_answered_on_time(p.municipality.pk, [Q1, Q2], TODAY)
    assert (q1.value, q1.base) == (5 / 7, 7)
    assert q2.suppressed


def _contact_fixture(p: Personas) -> dict[str, object]:
    """Seven young people in an open course on 15 June 2026; five had contact in the 14 days up to it."""
    start = D(2026, 1, 1)
    ys = [f.youth_with_course(p.contact_person, start) for _ in range(7)]
    f.meeting(ys[0], D(2026, 6, 10))
    f.sms_out(ys[1], D(2026, 6, 5))
    f.sms_in(ys[2], D(2026, 6, 14))
    f.checkin_answered(ys[3], D(2026, 6, 2))
    f.note(ys[4], D(2026, 6, 12))
    f.note(ys[5], D(2026, 5, 20))  # 26 days before: outside both windows
    f.sms_out(ys[6], D(2026, 6, 14), status="queued")  # not sent: no contact
    f.sms_out(ys[6], D(2026, 6, 13), kind="login_code")  # a login code: no contact
    ended = f.youth_with_course(p.contact_person, start, D(2026, 5, 1))  # not active on the day: not counted
    f.meeting(ended, D(2026, 6, 14))
    # The personas' own young people have open courses since a month before the real today: end them.
    Course.objects.filter(youth__in=[p.youth, p.other_youth]).update(start_date=start, end_date=D(2026, 2, 1),
                                                                       end_reason="andet")
    return {"ys": ys}


def test_the_contact_rhythm_counts_active_young_people_with_contact_in_the_window(p: Personas) -> None:
    _contact_fixture(p)
    snapshots_write(quarters=quarters_back(TODAY, 2), today=TODAY)  # the worker's hourly turn
    [c14] = measures.contact_14_days(p.municipality.pk, [Q2], TODAY)
    [c7] = measures.contact_7_days(p.municipality.pk, [Q2], TODAY)
    assert (c14.value, c14.base) == (5 / 7, 7)
    assert c7.base == 7 and c7.suppressed  # 3 of 7 (meeting 10/6, SMS in 14/6, note 12/6): fewer than 5


def test_latest_contact_is_the_newest_of_every_kind_in_one_query(p: Personas, django_assert_num_queries) -> None:
    ys = _contact_fixture(p)["ys"]
    f.note(ys[0], D(2026, 6, 11))  # later than the meeting on the 10th
    ids = [y.pk for y in ys]  # type: ignore[attr-defined]
    with django_assert_num_queries(1):
        latest = latest_contact_by_youth(ids, today=TODAY)
    assert [latest.get(i) for i in ids] == [D(2026, 6, 11), D(2026, 6, 5), D(2026, 6, 14), D(2026, 6, 2),
                                            D(2026, 6, 12), D(2026, 5, 20), None]


def test_a_period_before_any_data_is_suppressed_not_zero(p: Personas) -> None:
    old = Period(D(2020, 1, 1), D(2020, 3, 31), "1. kvt. 2020")
    for key, measure in measures.MEASURES.items():
        [cell] = measure.compute(p.municipality.pk, [old], TODAY)
        assert cell.suppressed and cell.display == "færre end 5", key
