"""Attendance as an early signal: who records, the threshold prompt, answering it, and where it shows."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from ungeforlob.chain.models import Concern
from ungeforlob.education import services
from ungeforlob.education.models import AttendanceRecord, AttendanceSettings, monday_of
from ungeforlob.education.tests.factories import world
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas, client_for

pytestmark = pytest.mark.django_db


def test_absence_above_the_threshold_notifies_the_contact_person(p: Personas) -> None:
    w = world(p)
    record = services.attendance_record(actor=p.colleague, station=w.station, week=w.today, absence_percent=25)
    assert record.over_threshold and record.is_prompt_open
    note = StaffNotification.objects.get(recipient=p.contact_person, kind="fravaer")
    assert note.url == f"/unge/{p.youth.pk}/uddannelse/fravaer/{record.pk}/"
    assert "Josefine" not in note.text


def test_absence_at_the_threshold_prompts_nobody(p: Personas) -> None:
    w = world(p)
    record = services.attendance_record(actor=p.colleague, station=w.station, week=w.today, absence_percent=20)
    assert not record.over_threshold
    assert not StaffNotification.objects.filter(kind="fravaer").exists()


def test_the_municipalitys_own_threshold_decides(p: Personas) -> None:
    w = world(p)
    services.attendance_settings_update(actor=p.leader, threshold_percent=40, version=1)
    record = services.attendance_record(actor=p.colleague, station=w.station, week=w.today, absence_percent=35)
    assert not record.over_threshold and record.threshold_percent == 40


def test_the_same_week_again_replaces_the_figure(p: Personas) -> None:
    w = world(p)
    services.attendance_record(actor=p.colleague, station=w.station, week=w.today, absence_percent=5)
    services.attendance_record(actor=p.colleague, station=w.station, week=w.today - datetime.timedelta(
        days=w.today.weekday()), absence_percent=15)
    assert AttendanceRecord.objects.get(station=w.station, week=monday_of(w.today)).absence_percent == 15


def test_a_member_who_may_only_read_cannot_record_attendance(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError):
        services.attendance_record(actor=p.reader, station=w.station, week=w.today, absence_percent=50)
    response = client_for(p.reader).post(f"/unge/{p.youth.pk}/uddannelse/station/{w.station.pk}/fravaer/", {
        "week": w.today.isoformat(), "absence_percent": "50"})
    assert response.status_code == 404


@pytest.mark.parametrize(("week", "percent", "message"), [
    ("2099-01-05", "10", "Fravær kan kun registreres for en uge, der er begyndt."),
    ("2001-01-01", "10", "Ugen ligger uden for stationens periode."),
])
def test_it_refuses_a_week_outside_the_station_in_danish(p: Personas, week: str, percent: str, message: str) -> None:
    w = world(p)
    response = client_for(p.colleague).post(f"/unge/{p.youth.pk}/uddannelse/station/{w.station.pk}/fravaer/", {
        "week": week, "absence_percent": percent})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_it_refuses_more_than_a_hundred_percent(p: Personas) -> None:
    w = world(p)
    response = client_for(p.colleague).post(f"/unge/{p.youth.pk}/uddannelse/station/{w.station.pk}/fravaer/", {
        "week": w.today.isoformat(), "absence_percent": "180"})
    assert response.status_code == 400
    assert AttendanceRecord.objects.count() == 2


def test_the_prompt_offers_a_concern_with_the_station_prefilled(p: Personas) -> None:
    w = world(p)
    body = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/uddannelse/fravaer/{w.over.pk}/").content.decode()
    assert "Fravær på EUD grundforløb 1, Demo Handelsskole" in body
    assert "30 %" in body and 'value="fravaer" selected' in body


def test_raising_the_concern_answers_the_prompt(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/uddannelse/fravaer/{w.over.pk}/bekymring/", {
        "category": "fravaer", "severity": "middel", "description": "Fravær 30 %"})
    concern = Concern.objects.get(youth=p.youth)
    assert response.url == f"/bekymringer/{concern.pk}/" or str(concern.pk) in response.url
    w.over.refresh_from_db()
    assert w.over.concern == concern and not w.over.is_prompt_open


def test_only_the_contact_person_answers_the_prompt(p: Personas) -> None:
    w = world(p)
    response = client_for(p.colleague).post(f"/unge/{p.youth.pk}/uddannelse/fravaer/{w.over.pk}/besvar/",
                                            {"answer": "Syg"})
    assert response.status_code == 404
    w.over.refresh_from_db()
    assert w.over.is_prompt_open


def test_an_answer_needs_words(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/uddannelse/fravaer/{w.over.pk}/besvar/",
                                                 {"answer": "   "})
    assert response.status_code == 400
    w.over.refresh_from_db()
    assert w.over.is_prompt_open


def test_the_course_shows_the_weeks_of_attendance(p: Personas) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    body = client.get(f"/unge/{p.youth.pk}/uddannelse/").content.decode()
    assert w.over.week_label in body and "over tærsklen" in body
    overview = client.get(f"/unge/{p.youth.pk}/").content.decode()
    assert "Fremmøde" in overview and w.under.week_label in overview


def test_the_youths_page_costs_the_same_queries_with_more_weeks(p: Personas, count_queries) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    few = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/uddannelse/"))
    for n in range(3, 15):
        AttendanceRecord.objects.create(station=w.station, youth=p.youth, week=monday_of(w.today)
                                        - datetime.timedelta(weeks=n), absence_percent=n, recorded_by=p.colleague)
    assert count_queries(lambda: client.get(f"/unge/{p.youth.pk}/uddannelse/")) == few


def test_a_station_points_to_a_place_and_shows_its_next_intake(p: Personas) -> None:
    w = world(p)
    services.station_place_set(actor=p.contact_person, station=w.station, programme=None)
    client = client_for(p.contact_person)
    form = client.get(f"/unge/{p.youth.pk}/uddannelse/station/{w.station.pk}/sted/").content.decode()
    assert f"(næste optag {w.soon.starts_on:%d.%m.%Y})" in form
    client.post(f"/unge/{p.youth.pk}/uddannelse/station/{w.station.pk}/sted/", {"programme": str(w.eux.pk)})
    body = client.get(f"/unge/{p.youth.pk}/uddannelse/").content.decode()
    assert "EUX Business" in body
    assert w.soon.starts_on.strftime("%Y") in body.split("Næste optag")[1].split("</dd>")[0]


def test_a_station_cannot_point_to_another_municipalitys_programme(p: Personas) -> None:
    from ungeforlob.education.models import Institution, Programme

    w = world(p)
    foreign = Institution.objects.create(municipality=p.other_organisation.municipality, name="Nabo", kind="eud")
    programme = Programme.objects.create(institution=foreign, name="Nabo EUD")
    response = client_for(p.contact_person).post(
        f"/unge/{p.youth.pk}/uddannelse/station/{w.station.pk}/sted/", {"programme": str(programme.pk)})
    assert response.status_code == 400
    w.station_place.refresh_from_db()
    assert w.station_place.programme == w.eux


def test_only_leaders_set_the_threshold(p: Personas) -> None:
    assert client_for(p.contact_person).post("/administration/fravaer/", {
        "threshold_percent": "50", "version": "1"}).status_code == 403
    assert not AttendanceSettings.objects.exists()
