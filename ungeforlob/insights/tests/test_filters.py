"""The leader's filters: defaults, bad values in Danish, and the restriction they make."""

from ungeforlob.accounts.models import Team
from ungeforlob.insights.filters import LeaderFilterForm
from ungeforlob.insights.quarters import Quarter
from ungeforlob.insights.snapshots import snapshots_write
from ungeforlob.insights.tests.factories import D, tiny_youth
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Course

TODAY = D(2025, 2, 15)


def test_without_choices_it_shows_the_last_eight_quarters(p: Personas) -> None:
    f = LeaderFilterForm({}, user=p.leader, today=TODAY).filters()
    assert f.quarters[0] == Quarter(2023, 2) and f.quarters[-1] == Quarter(2025, 1) and len(f.quarters) == 8


def test_bad_values_give_danish_errors_and_the_default_view(p: Personas) -> None:
    form = LeaderFilterForm({"fra": "2025-9", "organisation": "abc", "alder": "99"}, user=p.leader, today=TODAY)
    f = form.filters()
    assert not form.is_valid() and "gyldig valgmulighed" in str(form.errors).lower()
    assert len(f.quarters) == 8 and f.organisation is None


def test_a_reversed_range_is_refused_in_danish(p: Personas) -> None:
    form = LeaderFilterForm({"fra": "2025-1", "til": "2024-1"}, user=p.leader, today=TODAY)
    assert not form.is_valid() and "før til-kvartalet" in str(form.errors)


def test_another_municipalitys_organisation_cannot_be_chosen(p: Personas) -> None:
    form = LeaderFilterForm({"organisation": str(p.other_organisation.pk)}, user=p.leader, today=TODAY)
    assert not form.is_valid()


def test_the_filters_restrict_to_the_young_people_of_the_team_and_age_band(p: Personas) -> None:
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Team Nord")
    team.members.add(p.contact_person)
    mine = tiny_youth(p.contact_person, born=D(2008, 1, 1))
    tiny_youth(p.contact_person, born=D(2000, 1, 1))
    snapshots_write(quarters=[Quarter(2025, 1)], today=TODAY)
    f = LeaderFilterForm({"fra": "2025-1", "til": "2025-1", "team": str(team.pk), "alder": "15-17"},
                         user=p.leader, today=TODAY).filters()
    assert list(f.restrict(Course.objects.all()).values_list("youth_id", flat=True)) == [mine.pk]
    assert f.base() == 1 and sorted(f.parent_bases()) == [1, 2]
    assert f.querystring == f"fra=2025-1&til=2025-1&team={team.pk}&alder=15-17"
