"""Education places and attendance around the shared personas (used by the cases and the tests).

A place (Tradium-like EUD school) with a programme with a quota and two intakes (the next deadline in a week),
`p.youth`'s running station pointing to it, a week of absence over the threshold waiting for an answer and one
under it; plus a spare place, programme and intake to delete.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.utils import timezone

from ungeforlob.education.models import (
    AttendanceRecord,
    Institution,
    InstitutionKind,
    Intake,
    Programme,
    StationPlace,
    monday_of,
)
from ungeforlob.testing import Personas
from ungeforlob.transitions.models import Station, StationKind


def place(p: Personas, name: str = "Demo Handelsskole", number: str = "280727", **kw) -> Institution:
    return Institution.objects.create(municipality=p.municipality, name=name, institution_number=number,
                                      kind=kw.pop("kind", InstitutionKind.EUD), address="Skolegade 5, 7100 Demo",
                                      contact_name="Peter Lund", contact_phone="72102727",
                                      contact_email="pl@demohandel.dk", **kw)


def world(p: Personas) -> SimpleNamespace:
    today = timezone.localdate()
    school = place(p)
    eux = Programme.objects.create(institution=school, name="EUX Business", admission_requirements="Bestået dansk "
                                   "og matematik (mindst 2,0).", has_quota=True, quota_places=56)
    soon = Intake.objects.create(programme=eux, starts_on=today + datetime.timedelta(days=30),
                                 application_deadline=today + datetime.timedelta(days=7))
    later = Intake.objects.create(programme=eux, starts_on=today + datetime.timedelta(days=200),
                                  application_deadline=today + datetime.timedelta(days=150))
    spare_programme = Programme.objects.create(institution=school, name="EUD grundforløb 1")
    spare_place = place(p, name="VUC Demo", number="611302", kind=InstitutionKind.HF_VUC)
    station = Station.objects.create(youth=p.youth, kind=StationKind.EUD_GF1, institution="Demo Handelsskole",
                                     start_date=today - datetime.timedelta(days=60), created_by=p.contact_person)
    station_place = StationPlace.objects.create(station=station, youth=p.youth, programme=eux,
                                                created_by=p.contact_person)
    over = AttendanceRecord.objects.create(station=station, youth=p.youth,
                                           week=monday_of(today) - datetime.timedelta(weeks=1), absence_percent=30,
                                           note="Mødte ikke op torsdag og fredag", recorded_by=p.colleague,
                                           threshold_percent=20, over_threshold=True)
    under = AttendanceRecord.objects.create(station=station, youth=p.youth,
                                            week=monday_of(today) - datetime.timedelta(weeks=2), absence_percent=10,
                                            recorded_by=p.colleague, threshold_percent=20, over_threshold=False)
    return SimpleNamespace(school=school, eux=eux, soon=soon, later=later, spare_programme=spare_programme,
                           spare_place=spare_place, station=station, station_place=station_place, over=over,
                           under=under, today=today)
