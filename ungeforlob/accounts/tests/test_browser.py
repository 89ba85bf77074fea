"""The front door in a real browser: the staff login, with the way to Min side for a young person."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_a_young_person_at_the_front_door_finds_the_way_to_min_side(browse, db: None, width: int) -> None:
    s = browse(width)
    s.goto("/")
    s.page.wait_for_url("**/login/**")
    assert s.page.get_by_text("Er du ung?").is_visible()
    s.screenshot("accounts-login")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Log ind på Min side").click()
    s.page.wait_for_url("**/min-side/login/")


def test_the_system_administration_opens_on_the_staff_login(browse, db: None) -> None:
    s = browse(1280)
    s.goto("/systemadmin/")
    s.page.wait_for_url("**/login/?next=/systemadmin/")
    assert s.page.get_by_role("heading", name="Log ind").is_visible()
