"""Demo data: education places around Demo Kommune, a station pointing to one, and weeks of attendance.

Idempotent: places are found by institution number, programmes by name, intakes by start date; a station already
pointing to a place and a week already recorded are left alone. Dates are relative to today, so there is always a
deadline coming up and a week over the threshold waiting for the contact person.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob import policy
from ungeforlob.education.models import (
    DEFAULT_THRESHOLD,
    AttendanceRecord,
    Institution,
    InstitutionKind,
    Intake,
    Programme,
    StationPlace,
    monday_of,
)
from ungeforlob.youth.models import Youth

# (number, name, kind, address, contact, phone, e-mail, [(programme, requirements, quota places or None)])
PLACES: list[tuple[str, str, str, str, str, str, str, list[tuple[str, str, int | None]]]] = [
    ("561041", "FGU Demo", InstitutionKind.FGU, "Havnevej 12, 7100 Demo", "Bente Lauridsen", "72 10 41 00",
     "bl@fgu-demo.dk", [("Produktionsgrunduddannelse (PGU)", "Under 25 år og i målgruppen for FGU (visiteret af "
                         "kommunens ungeindsats).", None),
                        ("Almen grunduddannelse (AGU)", "Visitation fra ungeindsatsen.", None),
                        ("Erhvervsgrunduddannelse (EGU)", "Visitation fra ungeindsatsen og en praktikaftale.", 12)]),
    ("280727", "Demo Handelsskole", InstitutionKind.EUD, "Skolegade 5, 7100 Demo", "Peter Lund", "72 10 27 27",
     "pl@demohandel.dk", [("EUD grundforløb 1, Kontor, handel og forretningsservice", "Bestået dansk og matematik "
                           "(mindst 2,0) fra 9. klasse, eller optagelsesprøve og samtale.", None),
                          ("EUX Business", "Bestået dansk og matematik (mindst 2,0). Samtale.", 56)]),
    ("280291", "Syddansk Erhvervsskole", InstitutionKind.EUD, "Boulevarden 19, 7100 Vejle", "Jannie Holm",
     "76 42 00 00", "studievejledning@sde.dk", [
         ("EUD grundforløb 1, Teknologi, byggeri og transport", "Bestået dansk og matematik (mindst 2,0).", None),
         ("EUD grundforløb 2, Tømrer", "Grundforløb 1 eller tilsvarende. Uddannelsesaftale anbefales.", 24)]),
    ("611301", "Demo Gymnasium", InstitutionKind.UPPER_SECONDARY, "Gymnasievej 1, 7100 Demo", "Maria Kristensen",
     "72 11 13 01", "mk@demogym.dk", [("STX", "Uddannelsesparat og mindst 5,0 i gennemsnit fra 9. klasse.", 280)]),
    ("611302", "VUC Demo", InstitutionKind.HF_VUC, "Torvet 8, 7100 Demo", "Hassan Ali", "72 11 13 02",
     "ha@vucdemo.dk", [("2-årig HF", "Bestået 9. eller 10. klasse, eller optagelsesprøve.", None),
                       ("Enkeltfag (HF)", "Ingen.", None)]),
    ("561099", "10. klasse-centret", InstitutionKind.TENTH_GRADE, "Parkvej 44, 7100 Demo", "Birgitte Skov",
     "72 10 10 10", "bs@10kc-demo.dk", [("10. klasse, almen", "Afsluttet 9. klasse.", None),
                                         ("10. klasse, EUD10", "Afsluttet 9. klasse og interesse for en "
                                                               "erhvervsuddannelse.", 48)]),
    ("561120", "STU Demo", InstitutionKind.STU, "Engvej 3, 7100 Demo", "Lone Bech", "72 10 11 20", "lb@stu-demo.dk",
     [("Særligt tilrettelagt ungdomsuddannelse", "Visitation fra kommunens ungeindsats.", 15)]),
    ("101530", "UCL Erhvervsakademi og Professionshøjskole", InstitutionKind.HIGHER, "Niels Bohrs Allé 1, 5230 "
     "Odense M", "Optagelsen", "63 18 30 00", "optagelse@ucl.dk", [
         ("Pædagog", "Gymnasial eksamen eller relevant erhvervsuddannelse.", None)]),
]


def _intake_dates(today: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """Two intakes: one starting in about five weeks (deadline in about ten days), one in August."""
    soon = today + datetime.timedelta(days=35)
    august = datetime.date(today.year + (1 if today.month >= 8 else 0), 8, 10)
    return [(soon, today + datetime.timedelta(days=10)), (august, datetime.date(august.year, 3, 15))]


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    from ungeforlob.transitions.models import Station

    today = timezone.localdate()
    programmes: dict[str, Programme] = {}
    for number, name, kind, address, contact, phone, email, courses in PLACES:
        place, _created = Institution.objects.get_or_create(
            municipality=municipality, institution_number=number,
            defaults={"name": name, "kind": kind, "address": address, "contact_name": contact,
                      "contact_phone": phone, "contact_email": email})
        for course, requirements, places in courses:
            programme, _created = Programme.objects.get_or_create(
                institution=place, name=course,
                defaults={"admission_requirements": requirements, "has_quota": places is not None,
                          "quota_places": places})
            programmes.setdefault(name, programme)
            for starts_on, deadline in _intake_dates(today):
                Intake.objects.get_or_create(programme=programme, starts_on=starts_on,
                                             defaults={"application_deadline": deadline})
    # Stations at a demo place point to its first programme (future stations first: their deadlines show).
    stations = (Station.objects.filter(youth__municipality=municipality, institution__in=list(programmes))
                .filter(education_place__isnull=True).select_related("youth").order_by("-start_date")[:6])
    for station in stations:
        StationPlace.objects.create(station=station, youth=station.youth, programme=programmes[station.institution],
                                    created_by=staff.get("kontaktperson"))
    # A few weeks of attendance on one running station; the last week is over the threshold.
    contact = staff.get("kontaktperson")
    mine = policy.contact_person_youth(contact) if contact is not None else Youth.objects.none()
    running = (Station.objects.filter(youth__in=mine, end_date__isnull=True,
                                      start_date__lte=today - datetime.timedelta(days=35))
               .select_related("youth").order_by("pk").first())
    recorder = staff.get("birgitte") or staff.get("kontaktperson")
    if running is None or recorder is None:
        return
    this_week = monday_of(today)
    for weeks_ago, percent, note in [(4, 5, ""), (3, 10, ""), (2, 15, "Syg mandag"), (1, 35, "Mødte ikke op tirsdag "
                                                                                              "til torsdag")]:
        week = this_week - datetime.timedelta(weeks=weeks_ago)
        AttendanceRecord.objects.get_or_create(
            station=running, week=week,
            defaults={"youth": running.youth, "absence_percent": percent, "note": note, "recorded_by": recorder,
                      "threshold_percent": DEFAULT_THRESHOLD, "over_threshold": percent > DEFAULT_THRESHOLD})
