import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.chain import services
from ungeforlob.chain.agenda import legal_deadline_items
from ungeforlob.chain.models import Concern, PlanStop
from ungeforlob.core.workdays import add_working_days
from ungeforlob.testing import Personas, add_member, make_youth


def test_kui_deadlines_count_working_days_and_thirty_days() -> None:
    friday = datetime.date(2026, 11, 27)
    contact, offer = services.kui_deadlines(friday)
    assert contact == datetime.date(2026, 12, 4)  # 5 working days: Mon–Fri of the next week
    assert offer == datetime.date(2026, 12, 27)
    # Christmas: stopped 22 Dec 2026 -> 23, 28, 29, 30, 4 Jan (24–26 Dec and 31 Dec, 1 Jan closed)
    assert services.kui_deadlines(datetime.date(2026, 12, 22))[0] == datetime.date(2027, 1, 4)


def test_it_tracks_a_16_year_old_who_stopped_following_the_plan(p: Personas) -> None:
    minor = make_youth(p.contact_person, first_name="Ali", age=16)
    stopped = timezone.localdate() - datetime.timedelta(days=10)
    stop = services.plan_stop_record(actor=p.contact_person, youth=minor, stopped_on=stopped)
    assert stop.contact_due == add_working_days(stopped, 5)
    items = legal_deadline_items(p.contact_person, today=timezone.localdate())
    titles = {i.title: i for i in items}
    assert titles["KUI: kontakt den unge"].overdue
    assert not titles["KUI: tilbyd en ny aktivitet"].overdue
    services.plan_stop_contact(actor=p.contact_person, stop=stop, contacted_on=timezone.localdate())
    services.plan_stop_offer(actor=p.contact_person, stop=stop, offered_on=timezone.localdate(), offer="FGU")
    assert legal_deadline_items(p.contact_person, today=timezone.localdate()) == []


def test_the_kui_deadline_is_only_for_15_to_17_year_olds(p: Personas) -> None:
    with pytest.raises(ValidationError, match="15–17"):
        services.plan_stop_record(actor=p.contact_person, youth=p.youth, stopped_on=timezone.localdate())


def test_recording_the_same_stop_twice_gives_one(p: Personas) -> None:
    minor = make_youth(p.contact_person, first_name="Ali", age=16)
    day = timezone.localdate()
    assert services.plan_stop_record(actor=p.contact_person, youth=minor, stopped_on=day) == \
        services.plan_stop_record(actor=p.contact_person, youth=minor, stopped_on=day)
    assert PlanStop.objects.count() == 1


def test_the_circle_page_warns_about_an_overdue_deadline(p: Personas, as_user) -> None:
    minor = make_youth(p.contact_person, first_name="Ali", age=16)
    services.plan_stop_record(actor=p.contact_person, youth=minor,
                              stopped_on=timezone.localdate() - datetime.timedelta(days=12))
    body = as_user(p.contact_person).get(f"/unge/{minor.pk}/kaede/").content.decode()
    assert "KUI-frist" in body and "overskredet" in body


def _band(p: Personas, low: int = 12, high: int = 25) -> None:
    from ungeforlob.targets.services import caseload_band_set

    caseload_band_set(actor=p.leader, low=low, high=high, version=0)


def test_the_capacity_page_holds_caseloads_against_the_municipalitys_band_or_says_none_is_set(
        p: Personas, as_user) -> None:
    unset = as_user(p.leader).get("/kapacitet/")
    row = next(r for r in unset.context["rows"] if r.pk == p.contact_person.pk)
    assert row.band == "" and "ikke sat et spænd" in unset.content.decode()
    _band(p, low=1, high=1)
    response = as_user(p.leader).get("/kapacitet/")
    row = next(r for r in response.context["rows"] if r.pk == p.contact_person.pk)
    assert row.band == "inden" and "spænd på 1–1" in response.content.decode()
    assert "anbefal" not in response.content.decode()


def test_the_leader_sees_caseloads_and_concern_figures_but_no_youth_names(p: Personas, as_user) -> None:
    _band(p)
    concern = services.concern_raise(actor=p.colleague, youth=p.youth, category="fravaer", severity="lav",
                                     description="x")
    Concern.objects.filter(pk=concern.pk).update(ack_due=timezone.localdate() - datetime.timedelta(days=2))
    response = as_user(p.leader).get("/kapacitet/?sort=overskredet")
    body = response.content.decode()
    assert response.status_code == 200
    row = next(r for r in response.context["rows"] if r.pk == p.contact_person.pk)
    assert (row.youth_count, row.open_concerns, row.overdue_concerns, row.band) == (1, 1, 1, "under")
    for name in (p.youth.first_name, p.other_youth.first_name, p.youth.last_name):
        assert name not in body
    assert "Mette" in body  # staff names are fine


def test_capacity_is_for_leaders_only(p: Personas, as_user) -> None:
    assert as_user(p.contact_person).get("/kapacitet/").status_code == 403


def test_the_capacity_page_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    _band(p)
    c = as_user(p.leader)
    small = count_queries(lambda: c.get("/kapacitet/"))
    for i in range(15):
        y = make_youth(p.contact_person, first_name=f"Ung{i}")
        add_member(y, p.colleague)
        services.concern_raise(actor=p.colleague, youth=y, category="fravaer", severity="lav", description=f"d{i}")
    large = count_queries(lambda: c.get("/kapacitet/"))
    assert small == large, (small, large)
    row = next(r for r in c.get("/kapacitet/").context["rows"] if r.pk == p.contact_person.pk)
    assert row.band == "inden" and row.youth_count == 16


def test_the_youth_overview_warns_about_deadlines_and_open_concerns(p: Personas, as_user) -> None:
    minor = make_youth(p.contact_person, first_name="Ali", age=16)
    services.plan_stop_record(actor=p.contact_person, youth=minor,
                              stopped_on=timezone.localdate() - datetime.timedelta(days=12))
    services.concern_raise(actor=p.contact_person, youth=minor, category="bolig", severity="lav", description="x")
    body = as_user(p.contact_person).get(f"/unge/{minor.pk}/").content.decode()
    assert "Bekymringer og frister" in body and "KUI-frist" in body and "Bolig" in body


def test_a_team_that_is_contact_person_is_counted_per_member_on_the_capacity_page(p: Personas, as_user,
                                                                                  count_queries) -> None:
    from ungeforlob.accounts.models import Team
    from ungeforlob.chain.models import ChainRole, Membership
    from ungeforlob.testing import make_user

    _band(p)
    c = as_user(p.leader)
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Team Mobil")
    team.members.add(make_user("teamer1", p.municipality, p.organisation),
                     make_user("teamer2", p.municipality, p.organisation))
    youths = [make_youth(p.colleague, first_name=f"Teamung{i}") for i in range(3)]
    Membership.objects.filter(youth__in=youths, role=ChainRole.CONTACT_PERSON).delete()
    for y in youths:
        Membership.objects.create(youth=y, team=team, role=ChainRole.CONTACT_PERSON,
                                  start_date=timezone.localdate())
    few = count_queries(lambda: c.get("/kapacitet/"))
    response = c.get("/kapacitet/")
    [row] = response.context["teams"]
    assert (row.name, row.youth_count, row.member_count, row.per_member, row.band) == ("Team Mobil", 3, 2, 1.5, "under")
    assert response.context["totals"]["youth"] == 2 + 3  # the personas' two young people and the team's three
    body = response.content.decode()
    assert "Team Mobil" in body and "1,5" in body and "Teamung" not in body
    more = [make_youth(p.colleague, first_name=f"Flere{i}") for i in range(5)]
    Membership.objects.filter(youth__in=more, role=ChainRole.CONTACT_PERSON).delete()
    for y in more:
        Membership.objects.create(youth=y, team=team, role=ChainRole.CONTACT_PERSON, start_date=timezone.localdate())
    assert count_queries(lambda: c.get("/kapacitet/")) == few


def test_the_capacity_page_shows_fifty_professionals_a_page_with_totals_of_all(p: Personas, as_user) -> None:
    from ungeforlob.accounts.models import User
    from ungeforlob.chain.views.leaders import CAPACITY_PAGE
    from ungeforlob.testing import make_user

    for i in range(CAPACITY_PAGE + 5):
        make_user(f"medarbejder{i:02d}", p.municipality, p.organisation)
    staff = User.objects.filter(municipality=p.municipality, is_active=True, role="professional").count()
    c = as_user(p.leader)
    first = c.get("/kapacitet/")
    assert len(first.context["rows"]) == CAPACITY_PAGE
    assert "Side 1 af 2" in first.content.decode() and "side=2" in first.content.decode()
    second = c.get("/kapacitet/?side=2")
    assert len(second.context["rows"]) == staff - CAPACITY_PAGE
    assert {r.pk for r in first.context["rows"]}.isdisjoint(r.pk for r in second.context["rows"])
    # The totals are of every professional, on every page: the contact person's young person is on page 1.
    assert second.context["totals"] == first.context["totals"] and first.context["totals"]["youth"] >= 1
    assert c.get("/kapacitet/?side=x").status_code == 200  # a bad page number shows the first page
    sorted_page = c.get("/kapacitet/?sort=unge&side=2").content.decode()
    assert "sort=unge" in sorted_page  # the sort is kept between pages
