"""core.text helpers."""

from __future__ import annotations


def test_choice_label_is_the_display_of_a_choice_and_the_value_itself_otherwise() -> None:
    from ungeforlob.core.text import choice_label
    from ungeforlob.transitions.models import FollowUp, FollowUpKind

    assert choice_label(FollowUpKind, "sms") == FollowUp(kind="sms").get_kind_display() == "SMS"
    assert choice_label(FollowUpKind, "ukendt") == FollowUp(kind="ukendt").get_kind_display() == "ukendt"
