import datetime

from ungeforlob.core.workdays import add_working_days, is_working_day, next_working_day, working_days_between


def test_weekends_and_danish_holidays_are_not_working_days() -> None:
    assert not is_working_day(datetime.date(2026, 11, 21))  # Saturday
    assert not is_working_day(datetime.date(2026, 4, 2))  # Skærtorsdag
    assert not is_working_day(datetime.date(2026, 12, 25))  # Juledag
    assert not is_working_day(datetime.date(2026, 6, 5))  # Grundlovsdag
    assert is_working_day(datetime.date(2026, 11, 23))  # Monday


def test_five_working_days_skip_easter() -> None:
    # Wednesday 1 April 2026 + 5 working days: Thu/Fri/Mon are Easter holidays -> Wednesday 8 April... count:
    # Apr 2 (skærtorsdag), 3 (langfredag), 4-5 weekend, 6 (2. påskedag) are closed: 7, 8, 9, 10, 13.
    assert add_working_days(datetime.date(2026, 4, 1), 5) == datetime.date(2026, 4, 13)


def test_next_working_day_moves_a_saturday_to_monday() -> None:
    assert next_working_day(datetime.date(2026, 11, 21)) == datetime.date(2026, 11, 23)


def test_working_days_between_counts_only_working_days() -> None:
    assert working_days_between(datetime.date(2026, 11, 20), datetime.date(2026, 11, 24)) == 2
