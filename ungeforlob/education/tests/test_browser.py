"""Education places and attendance in a real browser at desktop and phone width, axe clean."""

from __future__ import annotations

import pytest

from ungeforlob.education.tests.factories import world
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _check(s, name: str) -> None:
    s.screenshot(name)
    assert s.axe_violations() == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_list_an_education_place_and_a_programme(browse, p: Personas, width: int) -> None:
    w = world(p)
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto("/uddannelsessteder/")
    s.page.click("label[for=id_quota]")
    s.page.get_by_role("button", name="Vis").click()
    s.page.wait_for_load_state()
    assert "Demo Handelsskole" in s.page.content() and "VUC Demo" not in s.page.content()
    _check(s, f"education-list-{width}")
    s.page.get_by_role("link", name="Demo Handelsskole").click()
    s.page.wait_for_load_state()
    assert "EUX Business" in s.page.content() and "Peter Lund" in s.page.content()
    _check(s, f"education-place-{width}")
    s.goto(f"/uddannelsessteder/uddannelser/{w.eux.pk}/")
    _check(s, f"education-programme-{width}")


@pytest.mark.parametrize("width", [1280, 360])
def test_attendance_over_the_threshold_from_the_course_to_a_concern(browse, p: Personas, width: int) -> None:
    w = world(p)
    s = browse(width)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/uddannelse/")
    assert "EUX Business" in s.page.content()
    _check(s, f"education-youth-{width}")
    s.goto("/i-dag/")
    s.page.get_by_role("link", name="Fravær over tærsklen", exact=False).first.click()
    s.page.wait_for_load_state()
    _check(s, f"education-prompt-{width}")
    s.page.get_by_role("button", name="Rejs bekymringen").click()
    s.page.wait_for_load_state()
    assert "Fravær på EUD grundforløb 1" in s.page.content()
    w.over.refresh_from_db()
    assert w.over.concern_id is not None
