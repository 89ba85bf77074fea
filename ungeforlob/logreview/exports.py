"""The log for an inspection, as CSV (streamed) and XLSX: one young person's or one member of staff's rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction, AuditEvent

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIELDS = ("created_at", "action", "actor_name", "actor_organisation", "actor_role", "actor_id", "youth_id",
          "actor_youth_id", "object_type", "object_id", "purpose", "detail", "ip_address")


def header() -> list[str]:
    return [_("Tidspunkt"), _("Handling"), _("Medarbejder"), _("Organisation"), _("Rolle"), _("Medarbejder nr."),
            _("Ung nr."), _("Den unge selv (nr.)"), _("Hvad"), _("Objekt nr."), _("Formål"), _("Detaljer"),
            _("IP-adresse")]


def _cells(row: tuple[Any, ...]) -> list[Any]:
    labels = dict(AuditAction.choices)
    created_at, action, *rest = row
    detail = rest[-2]
    rest[-2] = json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else ""
    return [timezone.localtime(created_at).strftime("%Y-%m-%d %H:%M:%S"), str(labels.get(action, action)),
            *["" if v is None else v for v in rest]]


def _safe(value: Any) -> Any:
    """A text cell that a spreadsheet would take for a formula is prefixed, so it stays text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def rows_of(events: Iterable[AuditEvent] | Any) -> Iterator[list[Any]]:
    for row in events.values_list(*FIELDS).iterator(chunk_size=2000):
        yield [_safe(v) for v in _cells(row)]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(events: Any) -> Iterator[str]:
    """The CSV's lines, one at a time (a byte-order mark first, so spreadsheets read the Danish letters)."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(header())
    for cells in rows_of(events):
        yield writer.writerow(cells)


def xlsx_bytes(events: Any) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Adgangslog"))
    sheet.append(header())
    for cells in rows_of(events):
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
