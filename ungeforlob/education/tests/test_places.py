"""Education places: the list's search, filters and sort, the next intake and deadline, stale edits, deletion."""

from __future__ import annotations

import datetime

import pytest

from ungeforlob.education import selectors, services
from ungeforlob.education.models import Institution, Intake, Programme
from ungeforlob.education.tests.factories import place, world
from ungeforlob.testing import Personas, client_for

pytestmark = pytest.mark.django_db


def test_the_next_intake_is_the_first_that_has_not_started(p: Personas) -> None:
    w = world(p)
    Intake.objects.create(programme=w.eux, starts_on=w.today - datetime.timedelta(days=3))
    assert selectors.next_intake_of(w.eux.pk, today=w.today) == w.soon
    [row] = selectors.search_places(p.contact_person, selectors.PlaceFilter(q="handelsskole"), today=w.today)
    assert row.next_intake == w.soon.starts_on
    assert row.next_deadline == w.soon.application_deadline
    assert row.quota_count == 1


def test_the_next_deadline_skips_one_that_has_passed(p: Personas) -> None:
    w = world(p)
    w.soon.application_deadline = w.today - datetime.timedelta(days=1)
    w.soon.save()
    [_spare, programme] = selectors.place_detail(w.school, today=w.today)
    assert programme.next_deadline == w.later.application_deadline


def test_the_list_filters_on_quota_and_next_intake_within_days(p: Personas) -> None:
    w = world(p)
    other = place(p, name="Demo Gymnasium", number="611301")
    stx = Programme.objects.create(institution=other, name="STX")
    Intake.objects.create(programme=stx, starts_on=w.today + datetime.timedelta(days=120))
    names = lambda f: [i.name for i in selectors.search_places(p.contact_person, f, today=w.today)]  # noqa: E731
    assert names(selectors.PlaceFilter(quota=True)) == ["Demo Handelsskole"]
    assert names(selectors.PlaceFilter(within_days=90)) == ["Demo Handelsskole"]
    assert names(selectors.PlaceFilter(within_days=180, sort="-navn")) == ["Demo Handelsskole", "Demo Gymnasium"]
    assert names(selectors.PlaceFilter(q="STX")) == ["Demo Gymnasium"]
    assert names(selectors.PlaceFilter(sort="optag")) == ["Demo Handelsskole", "Demo Gymnasium", "VUC Demo"]


def test_the_list_page_filters_and_says_so_when_nothing_matches(p: Personas) -> None:
    world(p)
    client = client_for(p.contact_person)
    assert "Demo Handelsskole" in client.get("/uddannelsessteder/?quota=on").content.decode()
    body = client.get("/uddannelsessteder/?q=findesikke").content.decode()
    assert "Ingen uddannelsessteder matcher søgningen." in body


def test_a_bad_filter_value_is_ignored_not_an_error(p: Personas) -> None:
    world(p)
    response = client_for(p.contact_person).get("/uddannelsessteder/?within=abc&sort=x&kind=zz")
    assert response.status_code == 200


def test_another_municipalitys_places_are_not_listed(p: Personas) -> None:
    world(p)
    body = client_for(p.stranger).get("/uddannelsessteder/").content.decode()
    assert "Demo Handelsskole" not in body
    assert "Der er ikke registreret nogen uddannelsessteder endnu." in body


def test_the_list_costs_the_same_queries_with_more_places(p: Personas, count_queries) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    client.get("/uddannelsessteder/")
    few = count_queries(lambda: client.get("/uddannelsessteder/"))
    for n in range(15):
        extra = place(p, name=f"Skole {n}", number=f"9{n:05d}")
        pr = Programme.objects.create(institution=extra, name="EUD", has_quota=n % 2 == 0,
                                      quota_places=10 if n % 2 == 0 else None)
        Intake.objects.create(programme=pr, starts_on=w.today + datetime.timedelta(days=n + 1))
    assert count_queries(lambda: client.get("/uddannelsessteder/")) == few


def test_the_place_page_costs_the_same_queries_with_more_programmes(p: Personas, count_queries) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    few = count_queries(lambda: client.get(f"/uddannelsessteder/{w.school.pk}/"))
    for n in range(10):
        pr = Programme.objects.create(institution=w.school, name=f"Uddannelse {n}")
        Intake.objects.create(programme=pr, starts_on=w.today + datetime.timedelta(days=n + 1))
    assert count_queries(lambda: client.get(f"/uddannelsessteder/{w.school.pk}/")) == few


def test_it_refuses_a_second_place_with_the_same_institution_number(p: Personas) -> None:
    world(p)
    response = client_for(p.contact_person).post("/uddannelsessteder/ny/", {"name": "Andet navn", "kind": "eud",
                                                                          "institution_number": "280727"})
    assert response.status_code == 400
    assert "Et andet uddannelsessted har allerede det institutionsnummer." in response.content.decode()
    assert Institution.objects.filter(municipality=p.municipality).count() == 2


def test_an_edit_on_an_old_version_is_refused_and_keeps_what_was_written(p: Personas) -> None:
    w = world(p)
    services.institution_update(actor=p.colleague, institution=w.school, version=1, name="Handelsskolen",
                                kind="eud")
    response = client_for(p.contact_person).post(f"/uddannelsessteder/{w.school.pk}/ret/", {
        "name": "Mit navn", "kind": "eud", "version": "1"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "En anden har ændret uddannelsesstedet" in body
    assert 'value="Mit navn"' in body and 'name="version" value="2"' in body
    assert Institution.objects.get(pk=w.school.pk).name == "Handelsskolen"


def test_a_quota_needs_its_number_of_places(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).post(f"/uddannelsessteder/{w.school.pk}/uddannelser/ny/", {
        "name": "Ny", "has_quota": "on"})
    assert response.status_code == 400
    assert "Skriv hvor mange pladser kvoten har." in response.content.decode()
    assert not Programme.objects.filter(name="Ny").exists()


def test_an_application_deadline_after_the_start_is_refused(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).post(f"/uddannelsessteder/uddannelser/{w.eux.pk}/optag/", {
        "starts_on": "2031-08-10", "application_deadline": "2031-09-01"})
    assert response.status_code == 400
    assert "Ansøgningsfristen skal ligge før studiestart." in response.content.decode()


def test_a_place_a_station_points_to_cannot_be_deleted(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).post(f"/uddannelsessteder/{w.school.pk}/slet/")
    assert response.status_code == 200
    assert "Stedet kan ikke slettes" in response.content.decode()
    assert Institution.objects.filter(pk=w.school.pk).exists()


def test_a_double_submitted_place_is_created_once(p: Personas) -> None:
    client = client_for(p.contact_person)
    data = {"name": "Tradium", "kind": "eud", "submission": "abc123"}
    client.post("/uddannelsessteder/ny/", data)
    response = client.post("/uddannelsessteder/ny/", data)
    assert "allerede sendt" in response.content.decode()
    assert Institution.objects.filter(name="Tradium").count() == 1


def test_a_partner_reads_the_places_but_may_not_change_them(p: Personas) -> None:
    from ungeforlob.accounts.models import Organisation, Sector
    from ungeforlob.testing import make_user

    w = world(p)
    fgu = Organisation.objects.create(municipality=p.municipality, name="FGU", sector=Sector.FGU)
    teacher = make_user("fgu", p.municipality, fgu)
    client = client_for(teacher)
    assert client.get(f"/uddannelsessteder/{w.school.pk}/").status_code == 200
    assert client.post(f"/uddannelsessteder/{w.school.pk}/ret/", {"name": "X", "kind": "eud",
                                                                   "version": "1"}).status_code == 403
    assert Institution.objects.get(pk=w.school.pk).name == "Demo Handelsskole"
