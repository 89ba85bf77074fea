"""I dag and Ansøgningsfrister: deadlines of the places the young people are heading for, and absence prompts."""

from __future__ import annotations

import datetime

import pytest

from ungeforlob import policy
from ungeforlob.education import selectors
from ungeforlob.education.agenda import education_items
from ungeforlob.education.models import AttendanceRecord, Intake, StationPlace, monday_of
from ungeforlob.education.tests.factories import world
from ungeforlob.testing import Personas, add_member, client_for, make_youth
from ungeforlob.transitions.models import Station, StationKind

pytestmark = pytest.mark.django_db


def test_i_dag_shows_a_deadline_within_two_weeks_and_the_absence_prompt(p: Personas) -> None:
    w = world(p)
    items = education_items(p.contact_person, today=w.today)
    kinds = sorted((i.kind, i.youth_name) for i in items)
    assert kinds == [("fravaer", "Josefine Hansen"), ("frist", "Josefine Hansen")]
    deadline = next(i for i in items if i.kind == "frist")
    assert deadline.due == w.soon.application_deadline and "EUX Business" in deadline.title
    prompt = next(i for i in items if i.kind == "fravaer")
    assert prompt.url == f"/unge/{p.youth.pk}/uddannelse/fravaer/{w.over.pk}/"


def test_an_answered_prompt_and_a_far_deadline_are_not_on_i_dag(p: Personas) -> None:
    w = world(p)
    AttendanceRecord.objects.filter(pk=w.over.pk).update(answered_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    Intake.objects.filter(pk=w.soon.pk).update(application_deadline=w.today + datetime.timedelta(days=20))
    assert education_items(p.contact_person, today=w.today) == []


def test_the_prompt_is_for_the_contact_person_the_deadline_for_every_member(p: Personas) -> None:
    w = world(p)
    assert [i.kind for i in education_items(p.colleague, today=w.today)] == ["frist"]
    assert education_items(p.outsider, today=w.today) == []


def test_an_ended_station_has_no_deadlines(p: Personas) -> None:
    w = world(p)
    Station.objects.filter(pk=w.station.pk).update(end_date=w.today - datetime.timedelta(days=1),
                                                   end_reason="afbrudt")
    assert selectors.deadlines_for(p.contact_person, today=w.today) == []


def test_the_deadlines_page_lists_the_users_young_people(p: Personas) -> None:
    w = world(p)
    body = client_for(p.contact_person).get("/ansoegningsfrister/").content.decode()
    assert "Josefine Hansen" in body and w.soon.application_deadline.strftime("%Y") in body
    assert "Ingen af dine unge" in client_for(p.outsider).get("/ansoegningsfrister/").content.decode()


def _more_young_people(p: Personas, w, n: int) -> None:
    for i in range(n):
        youth = make_youth(p.contact_person, first_name=f"Ung{i}", last_name="Testesen")
        add_member(youth, p.colleague)
        station = Station.objects.create(youth=youth, kind=StationKind.FGU, start_date=w.today - datetime.timedelta(
            days=40))
        StationPlace.objects.create(station=station, youth=youth, programme=w.eux)
        AttendanceRecord.objects.create(station=station, youth=youth, week=monday_of(w.today), absence_percent=50,
                                        recorded_by=p.colleague, over_threshold=True)


def test_the_i_dag_source_is_one_query_whatever_the_number_of_young_people(p: Personas, count_queries) -> None:
    w = world(p)
    with policy.request_scope():
        policy.visible_youth(p.contact_person)  # the page asked before (I dag's first source)
        few = count_queries(lambda: education_items(p.contact_person, today=w.today))
    _more_young_people(p, w, 8)
    with policy.request_scope():
        policy.visible_youth(p.contact_person)
        many = count_queries(lambda: education_items(p.contact_person, today=w.today))
    assert many == few
    assert len(education_items(p.contact_person, today=w.today)) == 18


def test_i_dag_page_shows_the_education_items(p: Personas) -> None:
    world(p)
    body = client_for(p.contact_person).get("/i-dag/").content.decode()
    assert "Ansøgningsfrist: EUX Business" in body
    assert "Fravær over tærsklen" in body


def test_the_deadlines_page_costs_the_same_queries_with_more_young_people(p: Personas, count_queries) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    client.get("/ansoegningsfrister/")
    few = count_queries(lambda: client.get("/ansoegningsfrister/"))
    _more_young_people(p, w, 8)
    client.get("/ansoegningsfrister/")  # the list's audit rows of the day are written once
    assert count_queries(lambda: client.get("/ansoegningsfrister/")) == few
