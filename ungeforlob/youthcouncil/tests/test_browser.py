import pytest

from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.youthcouncil.tests.factories import council

pytestmark = pytest.mark.browser


def _fits(s) -> bool:  # noqa: ANN001
    return s.page.evaluate("document.documentElement.scrollWidth") <= s.width


@pytest.mark.parametrize("width", [360, 1280])
def test_a_youth_joins_the_council_from_min_side_and_reads_what_came_of_the_proposals(
        browse, p: Personas, width: int) -> None:
    from ungeforlob.portal.tests.test_browser import _log_in

    council(p, member=False)
    s = browse(width)
    _log_in(s, p.youth)
    s.page.get_by_role("link", name="Ungerådet").click()
    s.page.wait_for_url("**/min-side/ungeraadet/")
    assert "Nu har vi åbent til kl. 18 hver torsdag." in s.page.content()
    s.page.fill("#id_shown_name", "Josie")
    s.page.get_by_role("button", name="Meld mig ind").click()
    s.page.wait_for_url("**/min-side/ungeraadet/")
    assert "De andre ser dig som Josie." in s.page.content()
    assert _fits(s)
    s.screenshot("youthcouncil-home")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Meld mig ud").click()
    s.page.wait_for_url("**/meld-ud/")
    s.screenshot("youthcouncil-leave")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Ja, meld mig ud").click()
    s.page.wait_for_url("**/min-side/ungeraadet/")
    assert "Vil du være med?" in s.page.content()
    assert s.console_errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_the_leader_plans_a_meeting_and_writes_what_came_of_a_proposal(browse, p: Personas, width: int) -> None:
    c = council(p)
    s = browse(width)
    s.login("leder", PASSWORD)
    s.goto("/ledelse/ungeraadet/")
    assert "1 ung er med i Ungerådet." in s.page.content()
    assert _fits(s)
    s.screenshot("youthcouncil-manage")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="Nyt møde").click()
    import datetime

    from django.utils import timezone

    s.page.fill("#id_held_on", (timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    s.page.fill("#id_place", "Biblioteket")
    s.page.fill("#id_agenda", "Sommerens aktiviteter")
    s.screenshot("youthcouncil-meeting-form")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Gem mødet").click()
    s.page.wait_for_url("**/ledelse/ungeraadet/")
    assert "Biblioteket" in s.page.content()
    s.goto(f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/")
    s.screenshot("youthcouncil-proposal-form")
    assert s.axe_violations() == []
    s.goto("/ledelse/ungeraadet/kommentarer/")
    s.page.get_by_label("Ja, vis kommentaren").check()
    s.screenshot("youthcouncil-comments")
    assert s.axe_violations() == []
    s.page.get_by_role("button", name="Gem valget").click()
    s.page.wait_for_url("**/kommentarer/")
    assert "Kommentaren vises for de unge." in s.page.content()
    assert s.console_errors == []
