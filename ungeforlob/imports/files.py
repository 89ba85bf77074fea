"""Reading uploaded CSV/XLSX files into numbered rows, and writing the template files with Danish column names.

Pure functions, no database: `read_table` turns a file into (line number, {column key: text}) rows by the
columns of one import kind, or raises FileError with a Danish message for a file that cannot be read at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ungeforlob.core import tabular

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # the Danish header of the template file
    example: str
    aliases: tuple[str, ...] = ()
    required: bool = False


CASELOAD_COLUMNS: tuple[Column, ...] = (
    Column("cpr", _lazy("CPR-nummer"), "010203-1234", ("cpr", "cprnr"), required=True),
    Column("first_name", _lazy("Fornavn"), "Josefine", ("first_name",)),
    Column("last_name", _lazy("Efternavn"), "Hansen", ("last_name",)),
    Column("preferred_name", _lazy("Kaldenavn"), "Jose", ("preferred_name",)),
    Column("mobile", _lazy("Mobilnummer"), "+45 20 12 34 56", ("mobil", "telefon", "mobile")),
    Column("email", _lazy("E-mail"), "josefine@example.dk", ("email", "mail")),
    Column("course_start", _lazy("Forløbet startede"), "01-08-2026", ("forloebsstart", "startdato")),
    Column("contact_person", _lazy("Kontaktperson"), "mette.kjaer@kommune.dk", ("contact_person",)),
    Column("member", _lazy("Kædemedlem"), "jonas.friis@kommune.dk", ("kaedemedlem", "member")),
    Column("member_role", _lazy("Rolle i kæden"), "Jobkonsulent", ("rolle", "role")),
    Column("legal_basis", _lazy("Lovgrundlag"), "KUI", ("legal_basis",)),
    Column("goal", _lazy("Mål"), "Jeg vil i gang med en uddannelse", ("maal", "goal")),
    Column("subgoal", _lazy("Delmål"), "Besøge to erhvervsskoler", ("delmaal", "subgoal")),
    Column("criterion", _lazy("Succeskriterium"), "Jeg har været på besøg og valgt én",
           ("sadan_ved_vi_at_delmalet_er_naet", "criterion")),
)

EDUCATION_COLUMNS: tuple[Column, ...] = (
    Column("event_id", _lazy("Hændelses-id"), "UDB-2026-000123", ("haendelsesid", "event_id", "id")),
    Column("cpr", _lazy("CPR-nummer"), "010203-1234", ("cpr", "cprnr"), required=True),
    Column("kind", _lazy("Hændelse"), "optaget", ("haendelse", "status", "type", "event"), required=True),
    Column("date", _lazy("Dato"), "10-08-2026", ("date", "dato"), required=True),
    Column("institution_number", _lazy("Institutionsnummer"), "461410", ("instnr", "institution_number")),
    Column("institution_name", _lazy("Institution"), "Syddansk Erhvervsskole", ("institutionsnavn", "institution")),
    Column("programme", _lazy("Uddannelse"), "EUD grundforløb 1", ("programme", "uddannelsesnavn")),
)


FileError = tabular.FileError


@dataclass
class Table:
    rows: list[tuple[int, dict[str, str]]]
    unknown_columns: list[str] = field(default_factory=list)


def _squash(text: Any) -> str:
    """A header as a key: lower case, Danish letters spelled out, no spaces or punctuation."""
    value = str(text or "").strip().lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e")):
        value = value.replace(a, b)
    return "".join(ch for ch in value if ch.isalnum() or ch == "_").replace("_", "")


def _header_map(columns: Iterable[Column]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for column in columns:
        for name in (column.key, str(column.label), *column.aliases):
            mapping[_squash(name)] = column.key
    return mapping


def _uncell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):  # an Excel date cell
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        text = text[1:]
    return text


def _table(header: list[Any], body: Iterable[tuple[int, list[Any]]], columns: tuple[Column, ...]) -> Table:
    mapping = _header_map(columns)
    keys = [mapping.get(_squash(h), "") for h in header]
    missing = [str(c.label) for c in columns if c.required and c.key not in keys]
    if missing:
        raise FileError(_("Filen mangler kolonnen %(cols)s i første række. Hent skabelonen og brug dens "
                          "kolonnenavne.") % {"cols": ", ".join(f"»{m}«" for m in missing)})
    unknown = sorted({str(h).strip() for h, k in zip(header, keys, strict=False) if not k and str(h or "").strip()})
    rows: list[tuple[int, dict[str, str]]] = []
    for line, values in body:
        cells = [_uncell(v) for v in values]
        if not any(cells):
            continue
        row = {key: cells[i] if i < len(cells) else "" for i, key in enumerate(keys) if key}
        rows.append((line, row))
        if len(rows) > MAX_ROWS:
            raise FileError(_("Filen har mere end %(n)d rækker. Del den op i flere filer.") % {"n": MAX_ROWS})
    if not rows:
        raise FileError(_("Filen har ingen rækker under kolonnenavnene."))
    return Table(rows=rows, unknown_columns=unknown)


def read_table(file_name: str, data: bytes, columns: tuple[Column, ...]) -> Table:
    if len(data) > MAX_FILE_BYTES:
        raise FileError(_("Filen er større end 10 MB. Del den op i flere filer."))
    header, body = tabular.sheet_rows(file_name, data)
    return _table(header, body, columns)


def template_csv(columns: tuple[Column, ...]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([str(c.label) for c in columns])
    writer.writerow([c.example for c in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read the Danish letters


def template_xlsx(columns: tuple[Column, ...]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Import"))
    sheet.append([str(c.label) for c in columns])
    sheet.append([c.example for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
