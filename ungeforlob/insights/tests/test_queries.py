"""The leader's home and its exports run a fixed number of queries whatever the data size."""

from ungeforlob.accounts.models import Team
from ungeforlob.insights.snapshots import snapshots_refresh
from ungeforlob.insights.tests.factories import D, tiny_youth
from ungeforlob.testing import Personas


def _grow(p: Personas, n: int, offset: int) -> None:
    for i in range(n):
        tiny_youth(p.contact_person, first_name=f"U{offset + i}", born=D(2004 + i % 8, 3, 1),
                   course=(D(2025, 1, 5), D(2025, 11, 1) if i % 2 else None, "job" if i % 2 else ""),
                   levels=[(D(2025, 2, 1), "kontaktparat"), (D(2025, 6, 1), "valgparat")],
                   stations=[("eud_gf1", D(2025, 3, 1), D(2025, 5, 1) if i % 3 == 0 else None,
                              "afbrudt" if i % 3 == 0 else "")])
    snapshots_refresh()


def test_the_leader_home_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Nord")
    team.members.add(p.contact_person)
    client = as_user(p.leader)
    urls = ["/ledelse/", f"/ledelse/?team={team.pk}&alder=18-24", "/ledelse/eksport/outcomes-ended.csv",
            f"/ledelse/eksport/flow-matrix.xlsx?team={team.pk}"]
    _grow(p, 2, 0)
    small = [count_queries(lambda u=u: client.get(u)) for u in urls]
    _grow(p, 20, 100)
    assert [count_queries(lambda u=u: client.get(u)) for u in urls] == small
