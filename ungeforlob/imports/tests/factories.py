"""Files for the imports tests: CSV bytes from rows keyed by the template's Danish headers."""

from __future__ import annotations

import csv
import io
from typing import Any

from ungeforlob.imports.files import CASELOAD_COLUMNS, EDUCATION_COLUMNS
from ungeforlob.testing import cpr_for_age

CASELOAD_HEADER = [str(c.label) for c in CASELOAD_COLUMNS]
EDUCATION_HEADER = [str(c.label) for c in EDUCATION_COLUMNS]


def csv_bytes(header: list[str], rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    return out.getvalue().encode("utf-8")


def young_person(serial: int, *, contact: str = "kontaktperson", **extra: Any) -> dict[str, Any]:
    row = {"CPR-nummer": cpr_for_age(19, serial=serial), "Fornavn": f"Ung{serial}", "Efternavn": "Importsen",
           "Mobilnummer": "+45 20 00 00 00", "Kontaktperson": contact}
    row.update(extra)
    return row


def caseload_file(rows: list[dict[str, Any]]) -> bytes:
    return csv_bytes(CASELOAD_HEADER, rows)


def education_file(rows: list[dict[str, Any]]) -> bytes:
    return csv_bytes(EDUCATION_HEADER, rows)
