"""Importing education places from CSV and XLSX: dry run, row-level Danish errors, idempotence."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ungeforlob.education import importer
from ungeforlob.education.models import Institution, Intake, Programme
from ungeforlob.testing import Personas, client_for

pytestmark = pytest.mark.django_db

HEADER = "institutionsnummer;institution;type;adresse;uddannelse;adgangskrav;kvote;pladser;studiestart;ansøgningsfrist;" \
         "kontaktperson;telefon;e-mail\n"
GOOD = (HEADER
        + "280727;Demo Handelsskole;EUD;Skolegade 5;EUX Business;Bestået dansk;ja;56;10.08.2027;15.03.2027;Peter Lund;"
          "72102727;pl@demohandel.dk\n"
        + "280727;Demo Handelsskole;EUD;Skolegade 5;EUX Business;Bestået dansk;ja;56;2028-01-10;2027-11-01;;;\n"
        + "611301;Demo Gymnasium;gymnasium;;STX;Uddannelsesparat;nej;;;;;;\n").encode()


def _run(p: Personas, data: bytes, *, dry_run: bool, name: str = "steder.csv") -> importer.ImportResult:
    return importer.places_import(actor=p.contact_person, file_name=name, data=data, dry_run=dry_run)


def test_a_dry_run_tells_what_would_happen_and_saves_nothing(p: Personas) -> None:
    result = _run(p, GOOD, dry_run=True)
    assert result.created == {"institutions": 2, "programmes": 2, "intakes": 2}
    assert not Institution.objects.exists()


def test_an_import_saves_places_programmes_and_intakes(p: Personas) -> None:
    _run(p, GOOD, dry_run=False)
    school = Institution.objects.get(institution_number="280727")
    assert school.contact_name == "Peter Lund" and school.kind == "eud"
    eux = Programme.objects.get(institution=school)
    assert eux.has_quota and eux.quota_places == 56
    assert Intake.objects.filter(programme=eux).count() == 2
    assert not Programme.objects.get(name="STX").has_quota


def test_importing_the_same_file_twice_changes_nothing(p: Personas) -> None:
    _run(p, GOOD, dry_run=False)
    again = _run(p, GOOD, dry_run=False)
    assert again.created == {"institutions": 0, "programmes": 0, "intakes": 0}
    assert again.updated == {"institutions": 0, "programmes": 0, "intakes": 0}
    assert Intake.objects.count() == 2


def test_a_changed_deadline_updates_the_intake(p: Personas) -> None:
    _run(p, GOOD, dry_run=False)
    result = _run(p, GOOD.replace(b"15.03.2027", b"01.04.2027"), dry_run=False)
    assert result.updated["intakes"] == 1
    assert Intake.objects.filter(application_deadline="2027-04-01").exists()


def test_row_errors_are_listed_by_line_in_danish_and_nothing_is_saved(p: Personas) -> None:
    bad = (HEADER + "1;Skole A;EUD;;Uddannelse;;ja;;;;;;\n"
           + "2;Skole B;rumskib;;Uddannelse;;måske;;31.02.2027;;;;ikke-en-mail\n"
           + "3;Skole C;EUD;;Uddannelse;;nej;;10.08.2027;;;;\n").encode()
    result = _run(p, bad, dry_run=False)
    errors = {row.line: row.errors for row in result.errors}
    assert errors[2] == ["En uddannelse med kvote skal have antal pladser"]
    assert any("Ukendt type »rumskib«" in e for e in errors[3])
    assert any("Kvote skal være ja eller nej" in e for e in errors[3])
    assert any("Studiestart er ikke en dato" in e for e in errors[3])
    assert "E-mailadressen er ikke gyldig" in errors[3]
    assert 4 not in errors
    assert not Institution.objects.exists()


def test_a_file_without_the_needed_columns_is_refused(p: Personas) -> None:
    with pytest.raises(importer.FileError):
        _run(p, b"navnet;noget\nx;y\n", dry_run=True)


def test_an_excel_sheet_is_read_with_its_dates(p: Personas) -> None:
    import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["institution", "type", "uddannelse", "kvote", "pladser", "studiestart", "ansøgningsfrist"])
    sheet.append(["FGU Demo", "FGU", "PGU", "nej", None, datetime.datetime(2027, 8, 9), datetime.date(2027, 6, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    _run(p, buffer.getvalue(), dry_run=False, name="steder.xlsx")
    assert Intake.objects.get().application_deadline == datetime.date(2027, 6, 1)


def test_the_import_page_shows_a_dry_run_and_then_imports(p: Personas) -> None:
    client = client_for(p.contact_person)
    response = client.post("/uddannelsessteder/indlaes/", {
        "file": SimpleUploadedFile("steder.csv", GOOD, content_type="text/csv"), "dry_run": "on"})
    body = response.content.decode()
    assert "Prøvekørsel" in body and "Steder: 2 nye, 0 ændrede" in body
    assert not Institution.objects.exists()
    client.post("/uddannelsessteder/indlaes/", {"file": SimpleUploadedFile("steder.csv", GOOD)})
    assert Institution.objects.count() == 2


def test_the_import_page_answers_a_foreign_file_in_danish(p: Personas) -> None:
    response = client_for(p.contact_person).post("/uddannelsessteder/indlaes/", {
        "file": SimpleUploadedFile("steder.pdf", b"%PDF-1.4")})
    assert response.status_code == 400
    assert "Vælg en CSV-fil (.csv) eller et Excel-regneark (.xlsx)." in response.content.decode()
