"""The personas' CPR numbers never meet a test's own (`ungeforlob.testing.cpr_for_age`)."""

from __future__ import annotations

import itertools

from ungeforlob import testing


def test_a_personas_cpr_number_never_takes_a_serial_a_test_has_for_itself(monkeypatch) -> None:
    own = {testing.cpr_for_age(19, serial=s) for s in range(400, 1000)}
    monkeypatch.setattr(testing, "_serial", itertools.count(1000))
    automatic = {testing.cpr_for_age(19) for _ in range(1000)}
    assert not automatic & own
