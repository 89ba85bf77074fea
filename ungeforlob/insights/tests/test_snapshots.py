"""The quarterly snapshot, hand-checked, and the worker job's idempotency."""

from ungeforlob.insights.models import QuarterSnapshot
from ungeforlob.insights.quarters import Quarter
from ungeforlob.insights.snapshots import snapshots_refresh, snapshots_write
from ungeforlob.insights.tests.factories import D, tiny_youth
from ungeforlob.testing import Personas

TODAY = D(2025, 2, 15)


def test_a_row_says_the_level_sector_and_age_band_at_the_quarter_end(p: Personas) -> None:
    youth = tiny_youth(p.contact_person, born=D(2008, 12, 20), course=(D(2024, 7, 1), None, ""),
                       levels=[(D(2024, 7, 10), "kontaktparat"), (D(2024, 8, 1), "kontaktparat"),
                               (D(2024, 11, 5), "valgparat")],
                       stations=[("fgu", D(2024, 9, 1), None, "")])
    snapshots_write(quarters=[Quarter(2024, 3), Quarter(2024, 4)], today=TODAY)
    q3, q4 = QuarterSnapshot.objects.filter(youth=youth).order_by("quarter")
    assert (q3.level, q3.previous_level, q3.sector, q3.age_band) == ("kontaktparat", "", "fgu", "15-17")
    # Turned 16 → still 15–17; moved from kontaktparat (since 10 July) to valgparat on 5 November: 118 days.
    assert (q4.previous_level, q4.level, q4.days_at_previous_level) == ("kontaktparat", "valgparat", 118)
    assert q4.course_state == "aaben" and q4.organisation_id == p.contact_person.organisation_id


def test_a_course_that_ended_in_the_quarter_is_marked_ended_and_later_quarters_have_no_row(p: Personas) -> None:
    youth = tiny_youth(p.contact_person, course=(D(2024, 1, 10), D(2024, 5, 3), "job"))
    snapshots_write(quarters=[Quarter(2024, 1), Quarter(2024, 2), Quarter(2024, 3)], today=TODAY)
    rows = list(QuarterSnapshot.objects.filter(youth=youth).order_by("quarter").values_list("course_state", flat=True))
    assert rows == ["aaben", "afsluttet"]


def test_the_job_fills_missing_quarters_and_running_it_twice_changes_nothing(p: Personas) -> None:
    tiny_youth(p.contact_person, course=(D(2023, 1, 10), None, ""))
    snapshots_refresh(today=TODAY, keep=4)
    first = sorted(QuarterSnapshot.objects.values_list("youth_id", "quarter", "level"))
    snapshots_refresh(today=TODAY, keep=4)
    assert sorted(QuarterSnapshot.objects.values_list("youth_id", "quarter", "level")) == first
    # The personas' two young people started 30 days before the real today, so only the tiny one is counted.
    assert {q for _, q, _ in first} == {D(2024, 4, 1), D(2024, 7, 1), D(2024, 10, 1), D(2025, 1, 1)}


def test_the_backfill_command_writes_the_rows(p: Personas) -> None:
    from django.core.management import call_command

    call_command("insights_backfill", "--quarters", "2", "--municipality", "test")
    assert QuarterSnapshot.objects.filter(youth=p.youth).exists()
