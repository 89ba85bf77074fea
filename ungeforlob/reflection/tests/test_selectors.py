from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.accounts.models import Team
from ungeforlob.core.agenda import agenda_for
from ungeforlob.reflection import selectors, services
from ungeforlob.reflection.tests.factories import world
from ungeforlob.testing import Personas, make_user

pytestmark = pytest.mark.django_db


def test_an_action_due_today_is_on_its_owners_i_dag_and_not_on_anyone_elses(p: Personas) -> None:
    w = world(p)
    today = timezone.localdate()
    mine = [i for i in agenda_for(p.contact_person, today=today) if i.kind == "handling"]
    assert [i.title for i in mine] == [w.action.text]
    assert not [i for i in agenda_for(p.colleague, today=today) if i.kind == "handling"]


def test_a_future_or_done_action_is_not_on_i_dag(p: Personas) -> None:
    w = world(p)
    today = timezone.localdate()
    services.action_add(actor=p.contact_person, reflection=w.reflection, text="Senere", owner=p.contact_person,
                        due=today + datetime.timedelta(days=3))
    services.action_complete(actor=p.contact_person, action=w.action)
    assert not [i for i in agenda_for(p.contact_person, today=today) if i.kind == "handling"]


def test_an_overdue_action_is_marked_overdue(p: Personas) -> None:
    w = world(p)
    later = timezone.localdate() + datetime.timedelta(days=2)
    item = next(i for i in agenda_for(p.contact_person, today=later) if i.kind == "handling")
    assert item.overdue and item.youth_id is None and item.youth_name == ""
    assert f"#handling-{w.action.pk}" in item.url


def test_a_development_item_due_is_on_the_persons_i_dag(p: Personas) -> None:
    w = world(p)
    items = [i for i in agenda_for(p.contact_person, today=timezone.localdate()) if i.kind == "udviklingsplan"]
    assert [i.title for i in items] == [w.item.text]


def test_the_chart_shows_each_elements_level_across_reflections_oldest_first(p: Personas) -> None:
    w = world(p)
    today = timezone.localdate()
    later = services.reflection_create(actor=p.contact_person, group=w.group, held_on=today)
    services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="",
                             answers={}, ratings={w.element.pk: 1})
    services.reflection_save(actor=p.contact_person, reflection=later, version=0, title="",
                             answers={}, ratings={w.element.pk: 3})
    chart = selectors.maturity_chart(w.group, selectors.elements_of(p.municipality.pk))
    assert [r.pk for r in chart.reflections] == [w.reflection.pk, later.pk]
    row = next(r for r in chart.rows if r["element"].pk == w.element.pk)
    assert [b["level"] for b in row["bars"]] == [1, 3]
    assert row["bars"][1]["width"] == 3 * row["bars"][0]["width"]


def test_team_coverage_counts_the_strong_without_naming_them(p: Personas) -> None:
    w = world(p)
    services.self_rating_save(actor=p.contact_person, levels={w.competence.pk: 4})
    services.self_rating_save(actor=p.colleague, levels={w.competence.pk: 2})
    services.self_rating_save(actor=p.outsider, levels={w.competence.pk: 4})  # not in the team
    data = selectors.team_coverage(w.team)
    row = next(r for r in data["rows"] if r["competence"].pk == w.competence.pk)
    assert (data["members"], row["strong"], row["rated"]) == (2, 1, 2)
    assert set(row) == {"competence", "strong", "rated"}


def test_a_profile_shows_gaps_for_low_and_missing_ratings(p: Personas) -> None:
    w = world(p)
    services.self_rating_save(actor=p.contact_person, levels={w.competence.pk: 4})
    data = selectors.profile_of(p.contact_person)
    assert w.competence.pk not in {r["competence"].pk for r in data["gaps"]}
    assert len(data["gaps"]) == len(data["rows"]) - 1


@pytest.mark.parametrize("size", [1, 8])
def test_the_agenda_sources_cost_one_query_each_whatever_the_number_of_items(p: Personas, count_queries,
                                                                              size: int) -> None:
    from ungeforlob.reflection import agenda

    w = world(p)
    for n in range(size):
        services.action_add(actor=p.contact_person, reflection=w.reflection, text=f"H{n}", owner=p.contact_person,
                            due=timezone.localdate())
    today = timezone.localdate()
    assert count_queries(lambda: agenda.actions_due(p.contact_person, today=today)) == 1
    assert count_queries(lambda: agenda.development_due(p.contact_person, today=today)) == 1


def test_a_team_of_another_municipality_is_not_counted_in(p: Personas) -> None:
    w = world(p)
    stranger_team = Team.objects.create(municipality=p.other_organisation.municipality,
                                        organisation=p.other_organisation, name="Nabo")
    stranger_team.members.add(p.stranger)
    other = make_user("nabo2", p.other_organisation.municipality, p.other_organisation)
    stranger_team.members.add(other)
    services.self_rating_save(actor=p.contact_person, levels={w.competence.pk: 4})
    assert all(r["strong"] == 0 for r in selectors.team_coverage(stranger_team)["rows"])


def test_the_groups_overview_counts_every_member_not_only_the_viewer(p: Personas) -> None:
    from ungeforlob.reflection.access import visible_groups

    w = world(p)
    (row,) = selectors.groups_overview(visible_groups(p.contact_person))
    assert (row.pk, row.n_members, row.n_reflections) == (w.group.pk, 2, 1)
