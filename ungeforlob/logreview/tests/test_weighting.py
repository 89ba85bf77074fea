"""The sample's weighting: unusual reads are more likely to be drawn, and the same seed draws the same rows."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.logreview.models import Reason
from ungeforlob.logreview.weighting import WEIGHTS, Read, classify, draw, is_off_hours, weight_of

TZ = timezone.get_current_timezone()
# A Tuesday that is not a holiday.
TUESDAY = datetime.date(2026, 3, 10)


def moment(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TZ)


def make_read(event_id: int, *, actor: int = 1, youth: int = 1, when: datetime.datetime | None = None,
              action: str = "read", purpose: str = "", detail: dict | None = None) -> Read:
    return Read(event_id=event_id, created_at=when or moment(TUESDAY, 10), actor_id=actor, youth_id=youth,
                action=action, purpose=purpose, detail=detail or {})


def test_an_ordinary_read_weighs_one_and_each_unusual_trait_adds_its_documented_weight() -> None:
    assert weight_of([]) == 1.0
    assert weight_of([Reason.CPR_REVEAL, Reason.OFF_HOURS]) == 1 + WEIGHTS[Reason.CPR_REVEAL] + WEIGHTS[Reason.OFF_HOURS]
    assert WEIGHTS[Reason.EMERGENCY] > WEIGHTS[Reason.CPR_REVEAL] > WEIGHTS[Reason.MANY_YOUTH] > WEIGHTS[Reason.OFF_HOURS]


@pytest.mark.parametrize(("when", "off"), [
    (moment(TUESDAY, 10), False),
    (moment(TUESDAY, 7), False),
    (moment(TUESDAY, 6, 59), True),
    (moment(TUESDAY, 18), True),
    (moment(TUESDAY, 23), True),
    (moment(datetime.date(2026, 3, 14), 11), True),  # a Saturday
    (moment(datetime.date(2026, 12, 25), 11), True),  # Christmas Day, a Friday
])
def test_reads_outside_working_hours_are_unusual(when: datetime.datetime, off: bool) -> None:
    assert is_off_hours(when) is off


def test_emergency_access_and_a_shown_cpr_number_make_a_read_unusual() -> None:
    reads = [make_read(1, detail={"emergency": True}), make_read(2, purpose="Nødadgang: akut bekymring"),
             make_read(3, action="reveal"), make_read(4)]
    classify(reads)
    assert [r.reasons for r in reads] == [[Reason.EMERGENCY], [Reason.EMERGENCY], [Reason.CPR_REVEAL], []]


def test_many_young_people_in_a_short_time_marks_the_whole_stretch(settings) -> None:
    settings.LOGREVIEW_MANY_YOUTH = 15
    settings.LOGREVIEW_MANY_YOUTH_MINUTES = 60
    burst = [make_read(i, youth=i, when=moment(TUESDAY, 9, 2 * i)) for i in range(15)]  # 15 young people, 28 min
    calm = [make_read(100 + i, youth=100 + i, when=moment(TUESDAY, 12) + datetime.timedelta(minutes=20 * i))
            for i in range(15)]  # 15 young people over almost five hours
    classify(burst)
    classify(calm)
    assert all(Reason.MANY_YOUTH in r.reasons for r in burst)
    assert not any(Reason.MANY_YOUTH in r.reasons for r in calm)


def test_one_young_person_read_many_times_is_not_many_young_people(settings) -> None:
    settings.LOGREVIEW_MANY_YOUTH = 15
    reads = [make_read(i, youth=1, when=moment(TUESDAY, 9, i)) for i in range(30)]
    classify(reads)
    assert not any(r.reasons for r in reads)


def _population() -> list[Read]:
    """1,000 ordinary reads by 20 people in office hours and 50 CPR numbers shown, in person and time order."""
    reads = []
    event = 0
    for person in range(20):
        for k in range(52):
            event += 1
            reveal = k < 50 and event % 21 == 0
            day = TUESDAY + datetime.timedelta(days=7 * (k % 3))
            reads.append(make_read(event, actor=person, youth=(person * 7 + k) % 5,
                                   when=moment(day, 9) + datetime.timedelta(minutes=k),
                                   action="reveal" if reveal else "read"))
    return reads


def test_the_same_seed_draws_the_same_reads_and_another_seed_others() -> None:
    first = [r.event_id for r in draw(_population(), size=25, seed=42).drawn]
    again = [r.event_id for r in draw(_population(), size=25, seed=42).drawn]
    other = [r.event_id for r in draw(_population(), size=25, seed=43).drawn]
    assert first == again
    assert first != other
    assert len(first) == 25


def test_unusual_reads_are_drawn_far_more_often_than_their_share_and_ordinary_ones_still_are() -> None:
    population = _population()
    unusual_share = sum(r.action == "reveal" for r in population) / len(population)
    drawn_unusual = drawn_total = 0
    for seed in range(100):
        result = draw(_population(), size=25, seed=seed)
        drawn_unusual += sum(Reason.CPR_REVEAL in r.reasons for r in result.drawn)
        drawn_total += len(result.drawn)
    share = drawn_unusual / drawn_total
    assert unusual_share < 0.06
    assert share > 4 * unusual_share  # weight 7 against 1: about a quarter of the sample
    assert share < 0.9  # ordinary reads are drawn too


def test_the_draw_counts_the_month_and_its_unusual_reads() -> None:
    result = draw(_population(), size=25, seed=1)
    assert result.population == 1040
    assert result.unusual == sum(r.action == "reveal" for r in _population())


def test_a_month_with_fewer_reads_than_the_sample_draws_them_all() -> None:
    reads = [make_read(i, youth=i) for i in range(5)]
    assert sorted(r.event_id for r in draw(reads, size=25, seed=3).drawn) == [0, 1, 2, 3, 4]
