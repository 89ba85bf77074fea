"""Leader tables and their downloads: one mechanism for every table a leader sees.

Build a `Table` (its rows hold `suppression.Cell`s, so a suppressed figure is "færre end 5" on the page and in
the file), draw it with `{% include "insights/_table.html" with table=t querystring=... %}` and let it
download as CSV or XLSX:

* from your own view: `return export_response(table=t, fmt="csv", actor=request.user, filters=f)`;
* or register a source in `TABLE_SOURCES` below (append a line: a slug prefix → the dotted path of a
  function `(filters: LeaderFilters) -> list[Table]`), and the generic `/ledelse/eksport/<slug>.<fmt>` view
  (`insights:export`) finds the table whose `slug` starts with that prefix. `_table.html` links there.

Every download writes an EXPORT row to the audit log (no young person: it holds aggregates only).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.utils.text import slugify

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.insights.suppression import Cell

FORMATS = ("csv", "xlsx")

# slug prefix -> "(filters) -> list[Table]"; append a line for your app's tables.
TABLE_SOURCES: dict[str, str] = {
    "flow": "ungeforlob.insights.flow.tables",
    "outcomes": "ungeforlob.insights.outcomes.tables",
    "chain": "ungeforlob.targets.chain_figures.tables",
    "voice": "ungeforlob.voice.tables.tables",
}


@dataclass
class Table:
    slug: str  # unique, starts with its source's prefix: "flow-matrix"
    title: str
    columns: Sequence[str]  # headers; the first heads the row labels
    rows: list[tuple[str, Sequence[Cell]]] = field(default_factory=list)
    note: str = ""  # what the figures mean, under the table

    def export_rows(self) -> list[list[Any]]:
        out: list[list[Any]] = [[str(c) for c in self.columns]]
        for label, cells in self.rows:
            out.append([str(label), *(c.export_value for c in cells)])
        return out


def _csv(table: Table) -> bytes:
    buffer = io.StringIO()
    # Semicolons and a byte-order mark: what Danish Excel opens without a wizard.
    writer = csv.writer(buffer, delimiter=";")
    for row in table.export_rows():
        writer.writerow([str(v).replace(".", ",") if isinstance(v, float) else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(table: Table) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = str(table.title)[:31].replace("/", "-") or "Tabel"
    for row in table.export_rows():
        sheet.append(row)
    if table.note:
        sheet.append([])
        sheet.append([str(table.note)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_response(*, table: Table, fmt: str, actor: Any, filters: Any = None) -> HttpResponse:
    """The table as a download, with its audit row. `fmt` is "csv" or "xlsx" (anything else: ValueError)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    audit_record(actor=actor, action=AuditAction.EXPORT, object_type="insights_table", object_id=table.slug,
                 detail={"format": fmt, "filters": getattr(filters, "querystring", "")})
    if fmt == "csv":
        response = HttpResponse(_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            _xlsx(table), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    name = slugify(str(table.title)) or table.slug
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
