"""The caseload import: dry run, Danish row errors, the run, idempotence."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ungeforlob.audit.models import AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.imports import services
from ungeforlob.imports.models import ImportKind, ImportStatus
from ungeforlob.imports.tests.factories import caseload_file, young_person
from ungeforlob.plans.models import Goal, SubGoal
from ungeforlob.testing import Personas, cpr_for_age
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, Youth


def _check(p: Personas, rows: list[dict], name: str = "unge.csv"):
    return services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name=name,
                                 data=caseload_file(rows))


def _run(p: Personas, job):
    job = services.import_confirm(actor=p.administrator, job=job)
    return services.import_run(actor=p.administrator, job=job)


def _full_rows() -> list[dict]:
    return [
        young_person(801, **{"Kædemedlem": "kollega", "Rolle i kæden": "Jobkonsulent", "Lovgrundlag": "KUI",
                             "Mål": "Jeg vil i gang med en uddannelse", "Delmål": "Besøge to skoler",
                             "Succeskriterium": "Jeg har valgt en skole"}),
        {"CPR-nummer": cpr_for_age(19, serial=801), "Mål": "Have mit eget sted at bo"},
        young_person(802, **{"Forløbet startede": "01-02-2026"}),
    ]


def test_the_dry_run_writes_nothing_but_tells_what_would_happen(p: Personas) -> None:
    youths, audit = Youth.objects.count(), AuditEvent.objects.exclude(object_type="import").count()
    job = _check(p, _full_rows())
    assert job.status == ImportStatus.CHECKED
    assert job.preview["create"] == 2 and job.preview["update"] == 1 and job.preview.get("error", 0) == 0
    assert job.preview["memberships"] == 3 and job.preview["goals"] == 2 and job.preview["subgoals"] == 1
    assert Youth.objects.count() == youths
    assert AuditEvent.objects.exclude(object_type="import").count() == audit


def test_the_run_creates_young_people_circles_and_plans(p: Personas) -> None:
    job = _run(p, _check(p, _full_rows()))
    assert job.status == ImportStatus.DONE and job.payload == ""
    assert job.result["create"] == 2 and job.result["update"] == 1
    youth = Youth.objects.get(cpr_hash=cpr.lookup_hash(cpr_for_age(19, serial=801)))
    assert youth.municipality_id == p.municipality.pk and youth.first_name == "Ung801"
    assert Course.objects.filter(youth=youth, end_date__isnull=True).exists()
    assert Membership.objects.active().filter(youth=youth, professional=p.contact_person,
                                              role=ChainRole.CONTACT_PERSON).exists()
    assert Membership.objects.active().filter(youth=youth, professional=p.colleague, role=ChainRole.JOB_CONSULTANT,
                                              legal_basis="kui").exists()
    assert list(Goal.objects.filter(youth=youth).values_list("position", flat=True)) == [1, 2]
    assert SubGoal.objects.get(goal__youth=youth).success_criterion == "Jeg har valgt en skole"
    other = Youth.objects.get(cpr_hash=cpr.lookup_hash(cpr_for_age(19, serial=802)))
    assert other.courses.get().start_date.isoformat() == "2026-02-01"
    logged = AuditEvent.objects.get(youth_id=youth.pk, actor=p.administrator, action="create", object_type="youth")
    assert logged.detail["import"] and len(logged.detail["memberships"]) == 2 and len(logged.detail["goals"]) == 2
    assert len(logged.detail["subgoals"]) == 1 and logged.detail["course"]


def test_a_second_run_of_the_same_file_changes_nothing(p: Personas) -> None:
    _run(p, _check(p, _full_rows()))
    counts = (Youth.objects.count(), Membership.objects.count(), Goal.objects.count(), SubGoal.objects.count())
    again = _check(p, _full_rows())
    assert again.preview == {"unchanged": 3, "youth": 0, "memberships": 0, "goals": 0, "subgoals": 0}
    done = _run(p, again)
    assert done.result == {"unchanged": 3}
    assert (Youth.objects.count(), Membership.objects.count(), Goal.objects.count(),
            SubGoal.objects.count()) == counts


def test_an_existing_young_person_is_matched_by_cpr_and_updated(p: Personas) -> None:
    digits = cpr.decrypt(p.youth.cpr_encrypted)
    job = _run(p, _check(p, [{"CPR-nummer": digits, "Mobilnummer": "+45 99 88 77 66",
                              "Mål": "Få et fritidsjob"}]))
    assert job.result == {"update": 1}
    p.youth.refresh_from_db()
    assert p.youth.mobile == "+45 99 88 77 66" and p.youth.first_name == "Josefine"
    assert Goal.objects.filter(youth=p.youth, text="Få et fritidsjob").exists()


def test_row_errors_are_danish_with_row_and_column(p: Personas) -> None:
    rows = [
        young_person(811, **{"CPR-nummer": "123"}),
        young_person(812, contact="ingen.saadan"),
        young_person(813, **{"Fornavn": ""}),
        young_person(814, **{"E-mail": "ikke-en-mail"}),
        young_person(815, **{"Kædemedlem": "kollega", "Rolle i kæden": "Jobkonsulent"}),
        young_person(816, **{"Delmål": "Noget"}),
        young_person(817, **{"Forløbet startede": "31-02-2026"}),
        {"CPR-nummer": cpr.decrypt(p.youth.cpr_encrypted), "Kontaktperson": "kollega"},
        young_person(818, **{"CPR-nummer": cpr_for_age(40, serial=818)}),
    ]
    job = _check(p, rows)
    found = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert found[(2, "CPR-nummer")] == "CPR-nummeret skal have 10 cifre, fx 010203-1234."
    assert "ingen aktiv medarbejder" in found[(3, "Kontaktperson")]
    assert found[(4, "Fornavn")] == "Skriv den unges fornavn – den unge findes ikke i forvejen."
    assert found[(5, "E-mail")] == "E-mailadressen er ikke gyldig."
    assert "anden sektor" in found[(6, "Lovgrundlag")]
    assert found[(7, "Mål")] == "Skriv det mål, delmålet hører til."
    assert found[(7, "Succeskriterium")] == "Skriv hvordan I kan se, at delmålet er nået."
    assert found[(8, "Forløbet startede")] == "Skriv datoen som dd-mm-åååå, fx 01-08-2026."
    assert "allerede en anden kontaktperson" in found[(9, "Kontaktperson")]
    assert "Denne person er 40 år" in found[(10, "CPR-nummer")]
    assert job.preview["error"] == 9
    assert not any(cpr_for_age(19, serial=811)[:6] in e["message"] for e in job.errors)


def test_a_fourth_goal_is_refused_at_its_row(p: Personas) -> None:
    person = cpr_for_age(19, serial=821)
    rows = [young_person(821, **{"Mål": "Et"})] + [{"CPR-nummer": person, "Mål": text} for text in ("To", "Tre", "Fire")]
    job = _check(p, rows)
    assert [(e["row"], e["column"]) for e in job.errors] == [(5, "Mål")]


def test_the_same_person_spelled_differently_in_two_rows_is_an_error(p: Personas) -> None:
    rows = [young_person(831), young_person(831, **{"Fornavn": "Anden"})]
    job = _check(p, rows)
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, "Fornavn")]
    assert "række 2" in job.errors[0]["message"]


def test_an_unreadable_file_is_refused_with_a_danish_message(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="unge.pdf", data=b"x")
    assert exc.value.message_dict["file"] == ["Vælg en CSV-fil (.csv) eller et Excel-regneark (.xlsx)."]
    with pytest.raises(ValidationError) as exc:
        services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="unge.csv",
                              data=b"Navn;Alder\nA;1\n")
    assert "»CPR-nummer«" in exc.value.message_dict["file"][0]
    with pytest.raises(ValidationError):
        services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="unge.xlsx",
                              data=b"not a zip")


def test_only_an_administrator_imports(p: Personas) -> None:
    for person in (p.contact_person, p.leader, p.outsider):
        with pytest.raises(PermissionDenied):
            _check(type("P", (), {"administrator": person})(), [young_person(841)])  # type: ignore[arg-type]


def test_confirming_twice_runs_once(p: Personas) -> None:
    job = _check(p, [young_person(851)])
    services.import_confirm(actor=p.administrator, job=job)
    again = services.import_confirm(actor=p.administrator, job=job)
    assert again.status == ImportStatus.QUEUED
    services.import_run(actor=p.administrator, job=again)
    assert Youth.objects.filter(first_name="Ung851").count() == 1


def test_a_cancelled_check_forgets_the_rows(p: Personas) -> None:
    job = services.import_cancel(actor=p.administrator, job=_check(p, [young_person(861)]))
    assert job.status == ImportStatus.CANCELLED and job.payload == ""
    assert services.import_confirm(actor=p.administrator, job=job).status == ImportStatus.CANCELLED


def test_the_rows_wait_encrypted(p: Personas) -> None:
    person = cpr_for_age(19, serial=871)
    job = _check(p, [young_person(871)])
    assert person not in job.payload and "Ung871" not in job.payload
