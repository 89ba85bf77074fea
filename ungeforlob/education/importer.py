"""Importing education places from a CSV file or an Excel sheet (.xlsx).

One row is one programme of an institution, optionally with one intake (studiestart and ansøgningsfrist); a
programme with several intakes takes several rows. The columns have Danish headers (see COLUMNS). An institution
is found by its institution number when the row has one, else by its name; a programme by its name at the
institution; an intake by its start date. So importing the same file twice changes nothing the second time.

`read_rows` and `clean_rows` read and validate without writing; `places_import` writes (all rows or none) or,
with `dry_run=True`, only tells what it would do.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core import tabular
from ungeforlob.education.models import Institution, InstitutionKind, Intake, Programme
from ungeforlob.education.permissions import may_keep_places

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000

# Header in the file -> our key. The first spelling of each is the one the help text shows.
COLUMNS: dict[str, str] = {
    "institutionsnummer": "number", "institution": "institution", "type": "kind", "adresse": "address",
    "uddannelse": "programme", "adgangskrav": "requirements", "kvote": "quota", "pladser": "places",
    "studiestart": "starts_on", "ansøgningsfrist": "deadline", "kontaktperson": "contact_name",
    "telefon": "contact_phone", "e-mail": "contact_email",
    "ansoegningsfrist": "deadline", "email": "contact_email", "institutionsnr": "number", "navn": "institution",
}
MAX_LENGTHS = {"institution": 150, "number": 20, "address": 200, "programme": 150, "requirements": 2000,
               "contact_name": 150, "contact_phone": 30, "contact_email": 254}
_TRUE = {"ja", "j", "1", "x", "true"}
_FALSE = {"nej", "n", "0", "", "false"}
_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")


FileError = tabular.FileError


@dataclass
class Row:
    line: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list[Row]
    created: dict[str, int] = field(default_factory=lambda: {"institutions": 0, "programmes": 0, "intakes": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"institutions": 0, "programmes": 0, "intakes": 0})
    dry_run: bool = True

    @property
    def errors(self) -> list[Row]:
        return [r for r in self.rows if r.errors]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(file_name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """The file's rows as (line number, {our key: text}); FileError when it cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        raise FileError(_("Filen er større end 2 MB."))
    header, body = tabular.sheet_rows(file_name, data)
    keys = [COLUMNS.get(_cell(h).lower()) for h in header]
    if "institution" not in keys or "programme" not in keys:
        raise FileError(_("Første række skal have kolonnerne »institution« og »uddannelse«."))
    rows = []
    for line, values in body:
        cells = [_cell(v) for v in values]
        if not any(cells):
            continue
        rows.append((line, {k: (cells[i] if i < len(cells) else "") for i, k in enumerate(keys) if k}))
        if len(rows) > MAX_ROWS:
            raise FileError(_("Filen har mere end %(n)d rækker. Del den op i flere filer.") % {"n": MAX_ROWS})
    return rows


def _date(text: str, label: str, errors: list[str]) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            pass
    errors.append(_("%(label)s er ikke en dato (fik »%(value)s«; skriv fx 10.08.2027)") % {
        "label": label, "value": text[:30]})
    return None


def _kind(text: str, errors: list[str]) -> str:
    wanted = text.strip().lower()
    for code, label in InstitutionKind.choices:
        if wanted in {str(code).lower(), str(label).lower()} or (wanted and str(label).lower().startswith(wanted)):
            return str(code)
    if not wanted:
        return InstitutionKind.OTHER
    errors.append(_("Ukendt type »%(value)s« (brug fx FGU, EUD, gymnasium, 10. klasse, STU, videregående)") % {
        "value": text[:40]})
    return InstitutionKind.OTHER


def clean_row(line: int, raw: dict[str, str]) -> Row:
    row = Row(line=line)
    errors = row.errors
    for key, limit in MAX_LENGTHS.items():
        text = " ".join(raw.get(key, "").split()) if key != "requirements" else raw.get(key, "").strip()
        if len(text) > limit:
            errors.append(_("»%(col)s« er for lang (højst %(n)d tegn)") % {"col": key, "n": limit})
        row.values[key] = text[:limit]
    if not row.values["institution"]:
        errors.append(_("Institutionens navn mangler"))
    if not row.values["programme"]:
        errors.append(_("Uddannelsens navn mangler"))
    row.values["kind"] = _kind(raw.get("kind", ""), errors)
    quota = raw.get("quota", "").strip().lower()
    if quota not in _TRUE | _FALSE:
        errors.append(_("Kvote skal være ja eller nej (fik »%(value)s«)") % {"value": quota[:20]})
    row.values["has_quota"] = quota in _TRUE
    places_text = raw.get("places", "").replace(" ", "")
    places = None
    if places_text:
        if places_text.isdigit() and 0 < int(places_text) <= 100000:
            places = int(places_text)
        else:
            errors.append(_("Pladser skal være et helt tal over 0 (fik »%(value)s«)") % {"value": places_text[:20]})
    if row.values["has_quota"] and places is None and not errors:
        errors.append(_("En uddannelse med kvote skal have antal pladser"))
    row.values["places"] = places if row.values["has_quota"] else None
    if row.values["contact_email"]:
        try:
            validate_email(row.values["contact_email"])
        except ValidationError:
            errors.append(_("E-mailadressen er ikke gyldig"))
    starts_on = _date(raw.get("starts_on", "").strip(), _("Studiestart"), errors)
    deadline = _date(raw.get("deadline", "").strip(), _("Ansøgningsfrist"), errors)
    if deadline and not starts_on:
        errors.append(_("En ansøgningsfrist kræver en studiestart"))
    if deadline and starts_on and deadline > starts_on:
        errors.append(_("Ansøgningsfristen ligger efter studiestart"))
    row.values["starts_on"], row.values["deadline"] = starts_on, deadline
    return row


def _find_institution(municipality_id: int, values: dict[str, Any]) -> Institution | None:
    qs = Institution.objects.filter(municipality_id=municipality_id)
    if values["number"]:
        found = qs.filter(institution_number=values["number"]).first()
        if found is not None:
            return found
    return qs.filter(name__iexact=values["institution"]).first()


def _write_row(actor: Any, values: dict[str, Any], result: ImportResult) -> None:
    fields = {"name": values["institution"], "kind": values["kind"], "address": values["address"],
              "contact_name": values["contact_name"], "contact_phone": values["contact_phone"],
              "contact_email": values["contact_email"]}
    if values["number"]:
        fields["institution_number"] = values["number"]
    institution = _find_institution(actor.municipality_id, values)
    if institution is None:
        institution = Institution.objects.create(municipality_id=actor.municipality_id, **fields)
        result.created["institutions"] += 1
    else:
        fields = {k: v for k, v in fields.items() if v or k in {"name", "kind"}}
        if any(getattr(institution, k) != v for k, v in fields.items()):
            Institution.objects.filter(pk=institution.pk).update(**fields, version=institution.version + 1)
            institution.version += 1
            result.updated["institutions"] += 1
    p_fields = {"admission_requirements": values["requirements"], "has_quota": values["has_quota"],
                "quota_places": values["places"]}
    programme = institution.programmes.filter(name__iexact=values["programme"]).first()
    if programme is None:
        programme = Programme.objects.create(institution=institution, name=values["programme"], **p_fields)
        result.created["programmes"] += 1
    elif any(getattr(programme, k) != v for k, v in p_fields.items()):
        Programme.objects.filter(pk=programme.pk).update(**p_fields, version=programme.version + 1)
        result.updated["programmes"] += 1
    if values["starts_on"]:
        intake = programme.intakes.filter(starts_on=values["starts_on"]).first()
        if intake is None:
            Intake.objects.create(programme=programme, starts_on=values["starts_on"],
                                  application_deadline=values["deadline"])
            result.created["intakes"] += 1
        elif intake.application_deadline != values["deadline"]:
            Intake.objects.filter(pk=intake.pk).update(application_deadline=values["deadline"])
            result.updated["intakes"] += 1


class _DryRun(Exception):
    pass


def places_import(*, actor: Any, file_name: str, data: bytes, dry_run: bool) -> ImportResult:
    """Import (or, with `dry_run`, rehearse importing) education places from a file.

    Nothing is written when a row has an error: the result lists every row's Danish errors by line number. A dry
    run does the whole import inside a transaction that is rolled back, so its counts are exactly what the real
    import will do. Raises FileError when the file cannot be read, ValidationError when the actor may not."""
    if not may_keep_places(actor):
        raise ValidationError(_("Kun medarbejdere i ungeindsatsen kan indlæse uddannelsessteder."))
    result = ImportResult(rows=[clean_row(line, raw) for line, raw in read_rows(file_name, data)], dry_run=dry_run)
    if not result.rows:
        raise FileError(_("Filen har ingen rækker under overskrifterne."))
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for row in result.rows:
                _write_row(actor, row.values, result)
            if dry_run:
                raise _DryRun
            audit_record(actor=actor, action=AuditAction.CREATE, object_type="education_import",
                         detail={"file": file_name[:100], "created": result.created, "updated": result.updated})
    except _DryRun:
        pass
    return result
