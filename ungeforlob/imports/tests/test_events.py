"""Education status events: each becomes a station or transition; a drop-out also a concern; idempotent by key;
from a file with a dry run (unknown young people reported, not created)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.chain.models import Concern
from ungeforlob.imports import services
from ungeforlob.imports.events import education_event_record, event_check, station_kind_for
from ungeforlob.imports.models import EducationEvent, ImportKind, ImportStatus
from ungeforlob.imports.tests.factories import education_file
from ungeforlob.testing import Personas, cpr_for_age
from ungeforlob.transitions.models import Station, Transition
from ungeforlob.youth import cpr


def _day(offset: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=offset)).strftime("%d-%m-%Y")


def _event(p: Personas, kind: str, offset: int, **extra: str) -> dict[str, str]:
    row = {"cpr": cpr.decrypt(p.youth.cpr_encrypted), "kind": kind, "date": _day(offset),
           "institution_number": "461410", "institution_name": "Syddansk Erhvervsskole",
           "programme": "EUD grundforløb 1"}
    row.update(extra)
    return row


def _apply(p: Personas, values: dict[str, str]):
    event, errors = event_check(values)
    assert not errors, errors
    return education_event_record(actor=p.administrator, youth=p.youth, event=event)


def test_admitted_started_completed_walk_the_path(p: Personas) -> None:
    admitted, applied = _apply(p, _event(p, "optaget", -20))
    assert applied and admitted.station.kind == "eud_gf1" and admitted.station.institution == "Syddansk Erhvervsskole"
    assert Transition.objects.filter(youth=p.youth, to_station=admitted.station).exists()
    started, _ = _apply(p, _event(p, "startet", -14))
    assert started.station_id == admitted.station_id
    assert Station.objects.get(pk=admitted.station_id).start_date == timezone.localdate() - datetime.timedelta(days=14)
    done, _ = _apply(p, _event(p, "fuldført", -1))
    station = Station.objects.get(pk=admitted.station_id)
    assert station.end_reason == "gennemfoert" and station.end_date == timezone.localdate() - datetime.timedelta(days=1)
    assert done.concern is None


def test_a_drop_out_ends_the_station_and_raises_a_concern_to_the_contact_person(p: Personas) -> None:
    _apply(p, _event(p, "startet", -30))
    dropped, _ = _apply(p, _event(p, "afbrudt", -2))
    assert Station.objects.get(pk=dropped.station_id).end_reason == "afbrudt"
    concern = Concern.objects.get(youth=p.youth)
    assert dropped.concern_id == concern.pk and concern.ack_due is not None
    assert list(concern.notified.all()) == [p.contact_person]
    assert "Syddansk Erhvervsskole" in concern.description


def test_the_same_event_twice_is_applied_once(p: Personas) -> None:
    first, applied = _apply(p, _event(p, "startet", -5, event_id="UDB-1"))
    again, applied_again = _apply(p, _event(p, "startet", -5, event_id="UDB-1"))
    assert applied and not applied_again and again.pk == first.pk
    assert Station.objects.filter(youth=p.youth).count() == 1


def test_events_are_checked_with_danish_messages() -> None:
    event, errors = event_check({"cpr": "12", "kind": "hoppet", "date": "i går", "institution_name": ""})
    assert event is None
    assert dict(errors) == {
        "cpr": "CPR-nummeret skal have 10 cifre, fx 010203-1234.",
        "kind": "Skriv hændelsen som optaget, startet, afbrudt eller fuldført.",
        "date": "Skriv datoen som dd-mm-åååå, fx 10-08-2026.",
        "institution_name": "Skriv institutionens navn eller institutionsnummer.",
    }
    _event_, future = event_check({"cpr": cpr_for_age(19), "kind": "startet", "date": _day(3), "institution_name": "X"})
    assert future == [("date", "En uddannelse kan ikke være startet, afbrudt eller fuldført i fremtiden.")]


def test_the_programme_names_the_kind_of_station() -> None:
    assert station_kind_for("EUD grundforløb 2 – tømrer") == "eud_gf2"
    assert station_kind_for("FGU Erhvervsgrunduddannelse") == "fgu"
    assert station_kind_for("STX") == "gymnasial"
    assert station_kind_for("Noget helt andet") == "andet"


def test_an_event_file_has_a_dry_run_reports_unknown_young_people_and_runs_once(p: Personas) -> None:
    stranger_cpr = cpr_for_age(19, serial=555)
    rows = [
        {"Hændelses-id": "UDB-10", "CPR-nummer": cpr.decrypt(p.youth.cpr_encrypted), "Hændelse": "optaget",
         "Dato": _day(10), "Institution": "Syddansk Erhvervsskole", "Uddannelse": "EUD grundforløb 1"},
        {"Hændelses-id": "UDB-11", "CPR-nummer": cpr.decrypt(p.other_youth.cpr_encrypted), "Hændelse": "afbrudt",
         "Dato": _day(-1), "Institution": "Vejle Gymnasium", "Uddannelse": "STX"},
        {"Hændelses-id": "UDB-12", "CPR-nummer": stranger_cpr, "Hændelse": "startet", "Dato": _day(-1),
         "Institution": "FGU Trekanten"},
        {"Hændelses-id": "UDB-13", "CPR-nummer": cpr.decrypt(p.youth.cpr_encrypted), "Hændelse": "noget",
         "Dato": _day(-1), "Institution": "FGU Trekanten"},
    ]
    data = education_file(rows)
    job = services.import_check(actor=p.administrator, kind=ImportKind.EDUCATION, file_name="udb.csv", data=data)
    assert job.preview == {"create": 1, "optaget": 1, "error": 2, "reported": 1}
    messages = {(e["row"], e["column"]): (e["level"], e["message"]) for e in job.errors}
    assert messages[(3, "Institution")] == ("error", "Den unge har ingen åben station på Vejle Gymnasium at afslutte.")
    assert messages[(4, "CPR-nummer")] == ("report", "Den unge findes ikke i kommunens register. Hændelsen er ikke "
                                                     "oprettet.")
    assert messages[(5, "Hændelse")][0] == "error"
    assert not EducationEvent.objects.exists() and not Station.objects.exists()
    job = services.import_run(actor=p.administrator, job=services.import_confirm(actor=p.administrator, job=job))
    assert job.status == ImportStatus.DONE and job.result == {"create": 1, "error": 2, "reported": 1}
    assert EducationEvent.objects.get().external_id == "UDB-10"
    assert not Station.objects.filter(youth__cpr_hash=cpr.lookup_hash(stranger_cpr)).exists()
    again = services.import_check(actor=p.administrator, kind=ImportKind.EDUCATION, file_name="udb.csv", data=data)
    assert again.preview == {"unchanged": 1, "error": 2, "reported": 1}
    services.import_run(actor=p.administrator, job=services.import_confirm(actor=p.administrator, job=again))
    assert EducationEvent.objects.count() == 1 and Station.objects.count() == 1
