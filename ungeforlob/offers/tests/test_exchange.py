"""Reading, validating and writing catalogue files (no database)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from ungeforlob.offers import exchange


def test_it_reads_a_semicolon_csv_saved_by_danish_excel_in_windows_1252() -> None:
    data = "navn;målgruppe;alder_fra;alder_til\r\nStøberiet;Unge med skolevægring;14;17\r\n".encode("cp1252")
    table = exchange.read_table("tilbud.csv", data)
    assert table.columns == ["name", "target_group", "age_min", "age_max"]
    assert table.rows == [(2, {"name": "Støberiet", "target_group": "Unge med skolevægring", "age_min": "14",
                               "age_max": "17"})]


def test_it_numbers_rows_by_their_line_in_the_file_even_with_line_breaks_inside_cells() -> None:
    data = b'name,description\n"A","two\nlines"\n"B",x\n'
    table = exchange.read_table("t.csv", data)
    assert [line for line, _row in table.rows] == [2, 4]


def test_it_refuses_a_file_without_a_name_column() -> None:
    with pytest.raises(exchange.FileError) as exc:
        exchange.read_table("t.csv", b"titel,alder\nx,1\n")
    assert "name" in exc.value.messages[0]


def test_it_refuses_other_file_types() -> None:
    with pytest.raises(exchange.FileError):
        exchange.read_table("tilbud.pdf", b"%PDF")


def test_it_refuses_a_broken_xlsx_with_a_danish_message() -> None:
    with pytest.raises(exchange.FileError) as exc:
        exchange.read_table("tilbud.xlsx", b"not a zip")
    assert "Excel" in exc.value.messages[0]


def test_it_reads_xlsx_with_row_numbers() -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["name", "capacity"])
    ws.append(["Mentor", 12])
    ws.append([None, None])
    ws.append(["Brobygning", None])
    out = io.BytesIO()
    wb.save(out)
    table = exchange.read_table("k.xlsx", out.getvalue())
    assert table.rows == [(2, {"name": "Mentor", "capacity": "12"}), (4, {"name": "Brobygning", "capacity": ""})]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"name": ""}, "Navn mangler"),
        ({"name": "X", "age_min": "femten"}, "Alder fra skal være et helt tal"),
        ({"name": "X", "age_min": "20", "age_max": "15"}, "Alder til er mindre end alder fra"),
        ({"name": "X", "readiness": "klar"}, "Ukendt parathedsniveau »klar«"),
        ({"name": "X", "sector": "rumfart"}, "Ukendt sektor »rumfart«"),
        ({"name": "X", "phase": "universitet"}, "Ukendt fase »universitet«"),
        ({"name": "X", "contact_email": "ikke-en-mail"}, "E-mailadressen »ikke-en-mail« er ikke gyldig"),
        ({"name": "X", "url": "http://"}, "er ikke en gyldig webadresse"),
        ({"name": "X" * 201}, "Navn er for lang (højst 200 tegn)"),
        ({"name": "X", "capacity": "-3"}, "Pladser skal være mellem 0 og"),
        ({"name": "X", "active": "måske"}, "Aktiv skal være ja eller nej"),
        ({"name": "X", "code": "Æble Kode"}, "Koden »Æble Kode« må kun indeholde"),
    ],
)
def test_it_rejects_a_bad_row_with_a_danish_reason(row: dict[str, str], reason: str) -> None:
    _values, errors = exchange.clean_row(row)
    assert any(reason in e for e in errors), errors


def test_it_accepts_labels_and_codes_and_only_touches_columns_in_the_file() -> None:
    values, errors = exchange.clean_row({
        "name": "Mentor", "sector": "Jobcenter", "readiness": "Kontaktparat | valgparat", "needs": "angst, Angst, mentor",
        "url": "www.example.dk/mentor", "active": "nej", "phase": "efter_grundskole",
    })
    assert errors == []
    assert values["sector"] == "jobcenter"
    assert values["readiness"] == "kontaktparat valgparat"
    assert values["needs"] == ["angst", "mentor"]
    assert values["url"] == "https://www.example.dk/mentor"
    assert values["is_active"] is False
    assert "capacity" not in values and "age_min" not in values


def test_the_key_of_an_offer_without_a_code_is_its_name_and_owner() -> None:
    a, _ = exchange.clean_row({"name": "Unge på vej", "context": "Herning Kommune"})
    b, _ = exchange.clean_row({"name": "Unge på vej", "context": "Viborg Kommune"})
    assert a["code"] == "unge-paa-vej-herning-kommune"
    assert a["code"] != b["code"]


def test_spreadsheet_export_guards_against_formulas_and_import_undoes_it() -> None:
    assert exchange._cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert exchange._uncell("'=1+1") == "=1+1"
    assert exchange._cell("Mentor") == "Mentor"


def test_xlsx_export_is_readable(db: None) -> None:
    from ungeforlob.accounts.models import Municipality
    from ungeforlob.offers.tests.factories import make_offer

    m = Municipality.objects.create(name="K", code="k")
    make_offer(m, "=SUM(A1)", needs=("angst",), capacity=4)
    wb = load_workbook(io.BytesIO(exchange.xlsx_export(m.offers.prefetch_related("need_tags"))))
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][:2] == ("code", "name")
    assert rows[1][1] == "'=SUM(A1)"
    assert "angst" in rows[1]
