"""The demo's education places: realistic, with quotas and intakes, a station pointing to one, and one week of
absence over the threshold; loading twice adds nothing."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.education import demo
from ungeforlob.education.models import AttendanceRecord, Institution, Intake, Programme, StationPlace
from ungeforlob.testing import Personas
from ungeforlob.transitions.models import Station, StationKind

pytestmark = pytest.mark.django_db


def test_the_demo_loads_places_a_station_link_and_attendance_once(p: Personas) -> None:
    today = timezone.localdate()
    Station.objects.create(youth=p.youth, kind=StationKind.EUD_GF1, institution="Demo Handelsskole",
                           start_date=today - datetime.timedelta(days=60))
    for _ in range(2):
        demo.load(municipality=p.municipality, staff={"kontaktperson": p.contact_person}, orgs={})
    assert 6 <= Institution.objects.count() <= 10
    assert Programme.objects.filter(has_quota=True).count() >= 2
    assert Intake.objects.filter(application_deadline__gte=today).exists()
    assert StationPlace.objects.get().programme.institution.name == "Demo Handelsskole"
    weeks = AttendanceRecord.objects.filter(youth=p.youth)
    assert weeks.count() == 4 and weeks.filter(over_threshold=True).count() == 1
