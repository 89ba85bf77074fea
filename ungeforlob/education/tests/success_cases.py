from __future__ import annotations

import datetime

from ungeforlob.chain.models import Concern
from ungeforlob.education.models import (
    AttendanceRecord,
    AttendanceSettings,
    Institution,
    Intake,
    Programme,
    StationPlace,
)
from ungeforlob.education.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    w = world(p)
    y, s, r = p.youth.pk, w.station.pk, w.over.pk
    start = (w.today + datetime.timedelta(days=400)).isoformat()
    place = {"name": "Tradium Randers", "kind": "eud", "institution_number": "751018", "address": "Minervavej 61"}
    return [
        S("education:list", "/uddannelsessteder/?quota=on&within=90&sort=optag", contains="Demo Handelsskole"),
        S("education:create", "/uddannelsessteder/ny/"),
        S("education:create", "/uddannelsessteder/ny/", "post", place, reader_may=True,
          effect=lambda resp: Institution.objects.filter(institution_number="751018").exists()),
        S("education:import", "/uddannelsessteder/indlaes/", contains="institutionsnummer"),
        S("education:detail", f"/uddannelsessteder/{w.school.pk}/", contains="EUX Business"),
        S("education:edit", f"/uddannelsessteder/{w.school.pk}/ret/", contains="Peter Lund"),
        S("education:edit", f"/uddannelsessteder/{w.school.pk}/ret/", "post",
          {**place, "name": "Demo Handelsskole Nord", "version": "1"}, reader_may=True,
          effect=lambda resp: Institution.objects.get(pk=w.school.pk).name == "Demo Handelsskole Nord"),
        S("education:delete", f"/uddannelsessteder/{w.spare_place.pk}/slet/", contains="VUC Demo"),
        S("education:delete", f"/uddannelsessteder/{w.spare_place.pk}/slet/", "post", reader_may=True,
          effect=lambda resp: not Institution.objects.filter(pk=w.spare_place.pk).exists()),
        S("education:programme_create", f"/uddannelsessteder/{w.school.pk}/uddannelser/ny/"),
        S("education:programme_create", f"/uddannelsessteder/{w.school.pk}/uddannelser/ny/", "post",
          {"name": "EUD grundforløb 2, Detail", "has_quota": "on", "quota_places": "20"}, reader_may=True,
          effect=lambda resp: Programme.objects.filter(name="EUD grundforløb 2, Detail", quota_places=20).exists()),
        S("education:programme", f"/uddannelsessteder/uddannelser/{w.eux.pk}/", contains="56"),
        S("education:programme", f"/uddannelsessteder/uddannelser/{w.eux.pk}/", "post",
          {"name": "EUX Business", "admission_requirements": "Samtale", "version": "1"}, reader_may=True,
          effect=lambda resp: not Programme.objects.get(pk=w.eux.pk).has_quota),
        S("education:programme_delete", f"/uddannelsessteder/uddannelser/{w.spare_programme.pk}/slet/"),
        S("education:programme_delete", f"/uddannelsessteder/uddannelser/{w.spare_programme.pk}/slet/", "post",
          reader_may=True, effect=lambda resp: not Programme.objects.filter(pk=w.spare_programme.pk).exists()),
        S("education:intake_add", f"/uddannelsessteder/uddannelser/{w.eux.pk}/optag/", "post", {"starts_on": start},
          reader_may=True, effect=lambda resp: Intake.objects.filter(programme=w.eux, starts_on=start).exists()),
        S("education:intake_delete", f"/uddannelsessteder/optag/{w.later.pk}/slet/"),
        S("education:intake_delete", f"/uddannelsessteder/optag/{w.later.pk}/slet/", "post", reader_may=True,
          effect=lambda resp: not Intake.objects.filter(pk=w.later.pk).exists()),
        S("education:deadlines", "/ansoegningsfrister/", contains="EUX Business", lists_youth=True),
        S("education:threshold", "/administration/fravaer/", who="leader"),
        S("education:threshold", "/administration/fravaer/", "post", {"threshold_percent": "30", "version": "1"},
          who="leader", effect=lambda resp: AttendanceSettings.objects.get(municipality=p.municipality)
          .threshold_percent == 30),
        S("education:youth", f"/unge/{y}/uddannelse/", contains="EUX Business"),
        S("education:station_place", f"/unge/{y}/uddannelse/station/{s}/sted/"),
        S("education:station_place", f"/unge/{y}/uddannelse/station/{s}/sted/", "post",
          {"programme": str(w.spare_programme.pk)},
          effect=lambda resp: StationPlace.objects.get(station_id=s).programme_id == w.spare_programme.pk),
        S("education:attendance_create", f"/unge/{y}/uddannelse/station/{s}/fravaer/", who="colleague"),
        S("education:attendance_create", f"/unge/{y}/uddannelse/station/{s}/fravaer/", "post",
          {"week": w.today.isoformat(), "absence_percent": "45"}, who="colleague",
          effect=lambda resp: AttendanceRecord.objects.filter(station_id=s, absence_percent=45,
                                                              over_threshold=True).exists()),
        S("education:prompt", f"/unge/{y}/uddannelse/fravaer/{r}/", contains="Rejs bekymringen"),
        S("education:prompt_answer", f"/unge/{y}/uddannelse/fravaer/{r}/besvar/", "post",
          {"answer": "Aftalt sygdom, skolen er orienteret"},
          effect=lambda resp: AttendanceRecord.objects.get(pk=r).answered_at is not None),
        S("education:prompt_concern", f"/unge/{y}/uddannelse/fravaer/{r}/bekymring/", "post",
          {"category": "fravaer", "severity": "middel", "description": "Fravær 30 % i sidste uge"},
          effect=lambda resp: AttendanceRecord.objects.get(pk=r).concern_id
          == Concern.objects.get(youth=p.youth, description="Fravær 30 % i sidste uge").pk),
    ]
