import datetime

import pytest
from django.core.exceptions import ValidationError

from ungeforlob.transitions.schedule import add_months, due_date, render_sms, validate_sms_template


def test_calendar_offsets_count_every_day() -> None:
    start = datetime.date(2026, 8, 12)
    assert due_date(start, -1, working_days=False) == datetime.date(2026, 8, 11)
    assert due_date(start, 49, working_days=False) == datetime.date(2026, 9, 30)


def test_working_day_offsets_skip_weekends_and_easter() -> None:
    # Tuesday 7 April 2026 is the day after 2. påskedag: five working days before it skips Easter and a weekend.
    # Back from 7 April: 6, 3 and 2 April are holidays, 4-5 a weekend; 1 Apr, 31, 30, 27 and 26 March count.
    assert due_date(datetime.date(2026, 4, 7), -5, working_days=True) == datetime.date(2026, 3, 26)


def test_a_working_day_offset_of_zero_moves_a_sunday_start_to_monday() -> None:
    assert due_date(datetime.date(2026, 11, 22), 0, working_days=True) == datetime.date(2026, 11, 23)


def test_sms_fields_are_filled_and_unknown_text_is_kept() -> None:
    text = render_sms("Hej {fornavn}, vi ses på {sted}. /{kontaktperson}", {
        "fornavn": "Ali", "sted": "FGU Demo", "kontaktperson": "Mette"})
    assert text == "Hej Ali, vi ses på FGU Demo. /Mette"


@pytest.mark.parametrize("text", ["Hej {navn}", "Hej {fornavn.__class__}", "Hej {0}", "Hej {fornavn"])
def test_it_refuses_unknown_fields_and_stray_braces(text: str) -> None:
    with pytest.raises(ValidationError):
        validate_sms_template(text)


def test_months_end_on_the_last_day_when_the_month_is_shorter() -> None:
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 5, 15), 12) == datetime.date(2027, 5, 15)
