"""Reading an uploaded CSV or XLSX file as a header and numbered rows: the one reader behind every import
(the offers catalogue, the caseload and education events, education places). Each app maps the columns and
checks the rows itself; a file that cannot be read at all raises FileError with a Danish message."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class FileError(ValidationError):
    """The file as a whole cannot be read (wrong type, no header, too big, too long)."""


Rows = Iterable[tuple[int, list[Any]]]


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel in Denmark saves "CSV" as Windows-1252


def csv_rows(data: bytes) -> tuple[list[Any], Rows]:
    """The header and (line number, values) of each row; `;` or `,` as the first line uses most."""
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise FileError(_("Filen er tom.")) from None
    except csv.Error as exc:
        raise FileError(_("Filen kunne ikke læses som CSV.")) from exc

    def body() -> Rows:
        start = reader.line_num + 1
        try:
            for values in reader:
                yield start, values
                start = reader.line_num + 1
        except csv.Error as exc:
            raise FileError(_("Filen kunne ikke læses som CSV fra linje %(line)d.") % {"line": start}) from exc

    return header, body()


def xlsx_rows(data: bytes) -> tuple[list[Any], Rows]:
    """The first sheet's header and rows (read at once: the workbook is closed before returning)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any broken or foreign file gets the same Danish message
        raise FileError(_("Filen kunne ikke læses som et Excel-regneark (.xlsx).")) from exc
    try:
        rows = [list(values) for values in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise FileError(_("Filen er tom."))
    return rows[0], list(enumerate(rows[1:], start=2))


def sheet_rows(file_name: str, data: bytes) -> tuple[list[Any], Rows]:
    """By the file's name: .xlsx, or .csv/.txt."""
    lower = (file_name or "").lower()
    if lower.endswith(".xlsx"):
        return xlsx_rows(data)
    if lower.endswith((".csv", ".txt")):
        return csv_rows(data)
    raise FileError(_("Vælg en CSV-fil (.csv) eller et Excel-regneark (.xlsx)."))
