"""Reading and writing the catalogue as files: CSV and XLSX (import/export) and Open Referral HSDS JSON.

Pure functions, no database writes: `read_table` turns an uploaded file into numbered rows, `clean_row`
validates one row into model values (or Danish reasons for rejecting it), and the `*_export` functions
render offers. The writes live in `services.py`.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ungeforlob.accounts.models import Sector
from ungeforlob.core import tabular
from ungeforlob.offers.models import Offer, Phase, ReadinessLevel

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000

# The columns of an import/export file, in export order. The seed file `tilbud.csv` uses a subset.
COLUMNS: list[str] = [
    "code", "name", "provider", "context", "sector", "phase", "focus", "description", "target_group",
    "age_min", "age_max", "readiness", "needs", "anchoring", "contact_name", "contact_phone", "contact_email",
    "address", "capacity", "waiting_list", "financing", "url", "active",
]

# Danish headers (and the seed file's `section`) are accepted as well.
HEADER_ALIASES: dict[str, str] = {
    "section": "phase", "kode": "code", "navn": "name", "udbyder": "provider", "kontekst": "context",
    "kommune": "context", "sektor": "sector", "fase": "phase", "formål": "focus", "formaal": "focus",
    "fokus": "focus", "beskrivelse": "description", "målgruppe": "target_group", "maalgruppe": "target_group",
    "alder_fra": "age_min", "alder_til": "age_max", "parathed": "readiness", "parathedsniveauer": "readiness",
    "behov": "needs", "forankring": "anchoring", "kontaktperson": "contact_name", "telefon": "contact_phone",
    "e-mail": "contact_email", "email": "contact_email", "adresse": "address", "pladser": "capacity",
    "venteliste": "waiting_list", "finansiering": "financing", "link": "url", "aktiv": "active",
}

# Text columns: model field and maximum length.
TEXT_FIELDS: dict[str, tuple[str, int]] = {
    "name": ("name", 200),
    "provider": ("provider_name", 200),
    "context": ("context", 300),
    "focus": ("focus", 2000),
    "description": ("description", 4000),
    "target_group": ("target_group", 2000),
    "anchoring": ("anchoring", 500),
    "contact_name": ("contact_name", 150),
    "contact_phone": ("contact_phone", 30),
    "address": ("address", 300),
    "financing": ("financing_note", 1000),
}

COLUMN_LABELS: dict[str, Any] = {
    "code": _lazy("kode"), "name": _lazy("navn"), "provider": _lazy("udbyder"), "context": _lazy("kommune eller ejer"), "sector": _lazy("sektor"),
    "phase": _lazy("fase"), "focus": _lazy("formål"), "description": _lazy("beskrivelse"), "target_group": _lazy("målgruppe"),
    "age_min": _lazy("alder fra"), "age_max": _lazy("alder til"), "readiness": _lazy("parathed"), "needs": _lazy("behov"),
    "anchoring": _lazy("forankring"), "contact_name": _lazy("kontaktperson"), "contact_phone": _lazy("telefon"),
    "contact_email": _lazy("e-mail"), "address": _lazy("adresse"), "capacity": _lazy("pladser"), "waiting_list": _lazy("venteliste"),
    "financing": _lazy("finansiering"), "url": _lazy("link"), "active": _lazy("aktiv"),
}

_TRUE = {"ja", "j", "1", "true", "sand", "aktiv", "yes", "x"}
_FALSE = {"nej", "n", "0", "false", "falsk", "udgået", "udgaaet", "inaktiv", "no"}
_LIST_SPLIT = re.compile(r"\s*[|;,]\s*")
_FORMULA_START = ("=", "+", "-", "@")


FileError = tabular.FileError


@dataclass
class Table:
    """Rows of an uploaded file: each row is (line number in the file, {column: text})."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    unknown_columns: list[str] = field(default_factory=list)


def _danish_slug(text: str) -> str:
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")):
        text = text.replace(a, b)
    return slugify(text)


def code_for(name: str, context: str) -> str:
    """The stable key of an offer without an explicit code: its name and owner."""
    return (_danish_slug(f"{name} {context}") or "tilbud")[:80].strip("-")


def _normalise_header(raw: Any) -> str:
    key = str(raw or "").strip().lower().replace(" ", "_")
    return HEADER_ALIASES.get(key, key)


def _uncell(value: Any) -> str:
    """A cell as text; undo the apostrophe that our export puts before formula-like text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        text = text[1:]
    return text


def _table(header: list[Any], body: Iterable[tuple[int, list[Any]]]) -> Table:
    columns = [_normalise_header(h) for h in header]
    if "name" not in columns:
        raise FileError(_("Filen mangler kolonnen »name« (eller »navn«) i første række."))
    unknown = sorted({c for c in columns if c and c not in COLUMNS})
    rows: list[tuple[int, dict[str, str]]] = []
    for line, values in body:
        cells = [_uncell(v) for v in values]
        if not any(cells):
            continue
        row = {col: (cells[i] if i < len(cells) else "") for i, col in enumerate(columns) if col in COLUMNS}
        rows.append((line, row))
        if len(rows) > MAX_ROWS:
            raise FileError(_("Filen har mere end %(n)d rækker. Del den op i flere filer.") % {"n": MAX_ROWS})
    return Table(columns=[c for c in columns if c in COLUMNS], rows=rows, unknown_columns=unknown)


def read_table(file_name: str, data: bytes) -> Table:
    if len(data) > MAX_FILE_BYTES:
        raise FileError(_("Filen er større end 5 MB."))
    header, body = tabular.sheet_rows(file_name, data)
    return _table(header, body)


def _choice(value: str, choices: Any) -> str | None:
    wanted = value.strip().lower()
    for code, label in choices.choices:
        if wanted in {str(code).lower(), str(label).lower()}:
            return str(code)
    return None


def _int(value: str, label: str, errors: list[str], *, maximum: int = 100_000) -> int | None:
    if value == "":
        return None
    try:
        number = int(value.replace(" ", ""))
    except ValueError:
        errors.append(_("%(label)s skal være et helt tal (fik »%(value)s«)") % {"label": label, "value": value[:30]})
        return None
    if number < 0 or number > maximum:
        errors.append(_("%(label)s skal være mellem 0 og %(max)d") % {"label": label, "max": maximum})
        return None
    return number


def clean_row(row: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Validate one row. Returns (values, errors): the values for the columns present, keyed by model field
    (plus `needs`: a list of tag names, `code`), or the Danish reasons the row is rejected."""
    errors: list[str] = []
    values: dict[str, Any] = {}
    name = row.get("name", "").strip()
    if not name:
        errors.append(_("Navn mangler"))
    for column, (model_field, max_length) in TEXT_FIELDS.items():
        if column not in row:
            continue
        text = row[column].strip()
        if len(text) > max_length:
            errors.append(_("%(label)s er for lang (højst %(n)d tegn)") % {"label": COLUMN_LABELS[column].capitalize(),
                                                                          "n": max_length})
        values[model_field] = text
    if "sector" in row:
        raw = row["sector"].strip()
        sector = _choice(raw, Sector) if raw else ""
        if sector is None:
            errors.append(_("Ukendt sektor »%(value)s«") % {"value": raw[:40]})
        else:
            values["sector"] = sector
    if "phase" in row:
        raw = row["phase"].strip()
        phase = _choice(raw, Phase) if raw else Phase.ANDET
        if phase is None:
            errors.append(_("Ukendt fase »%(value)s« (brug grundskole, efter_grundskole, fastholdelse eller andet)")
                          % {"value": raw[:40]})
        else:
            values["phase"] = phase
    for column, model_field in (("age_min", "age_min"), ("age_max", "age_max")):
        if column in row:
            values[model_field] = _int(row[column].strip(), COLUMN_LABELS[column].capitalize(), errors, maximum=120)
    if values.get("age_min") is not None and values.get("age_max") is not None and values["age_max"] < values["age_min"]:
        errors.append(_("Alder til er mindre end alder fra"))
    if "readiness" in row:
        levels = []
        for part in _LIST_SPLIT.split(row["readiness"].strip()):
            if not part:
                continue
            level = _choice(part, ReadinessLevel)
            if level is None:
                errors.append(_("Ukendt parathedsniveau »%(value)s«") % {"value": part[:40]})
            else:
                levels.append(level)
        values["readiness"] = " ".join(lv.value for lv in ReadinessLevel if lv.value in levels)
    if "needs" in row:
        needs = []
        for part in _LIST_SPLIT.split(row["needs"].strip()):
            if not part:
                continue
            if len(part) > 60:
                errors.append(_("Behovet »%(value)s…« er for langt (højst 60 tegn)") % {"value": part[:20]})
            elif part.lower() not in {n.lower() for n in needs}:
                needs.append(part)
        values["needs"] = needs
    if "capacity" in row:
        values["capacity"] = _int(row["capacity"].strip(), _("Pladser"), errors)
    if "waiting_list" in row:
        values["waiting_list"] = _int(row["waiting_list"].strip(), _("Venteliste"), errors) or 0
    if "contact_email" in row:
        email = row["contact_email"].strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("E-mailadressen »%(value)s« er ikke gyldig") % {"value": email[:60]})
        values["contact_email"] = email
    if "url" in row:
        url = row["url"].strip()
        if url and not re.match(r"^https?://", url, re.IGNORECASE):
            url = f"https://{url}"
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                errors.append(_("Linket »%(value)s« er ikke en gyldig webadresse") % {"value": row["url"][:60]})
            if len(url) > 500:
                errors.append(_("Linket er for langt (højst 500 tegn)"))
        values["url"] = url
    if "active" in row:
        raw = row["active"].strip().lower()
        if raw == "" or raw in _TRUE:
            values["is_active"] = True
        elif raw in _FALSE:
            values["is_active"] = False
        else:
            errors.append(_("Aktiv skal være ja eller nej (fik »%(value)s«)") % {"value": row["active"][:20]})
    code = row.get("code", "").strip()
    if code:
        if len(code) > 80 or _danish_slug(code) != code.lower():
            errors.append(_("Koden »%(value)s« må kun indeholde små bogstaver a–z, tal og bindestreg")
                          % {"value": code[:40]})
        values["code"] = code.lower()
    else:
        values["code"] = code_for(name, row.get("context", ""))
    return values, errors


# ---------------------------------------------------------------------------------------------- export


def _cell(value: Any) -> Any:
    """Guard spreadsheets against formula injection: text that starts like a formula gets an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def offer_row(offer: Offer) -> dict[str, Any]:
    return {
        "code": offer.code,
        "name": offer.name,
        "provider": offer.provider.name if offer.provider_id else offer.provider_name,
        "context": offer.context,
        "sector": offer.sector,
        "phase": offer.phase,
        "focus": offer.focus,
        "description": offer.description,
        "target_group": offer.target_group,
        "age_min": offer.age_min if offer.age_min is not None else "",
        "age_max": offer.age_max if offer.age_max is not None else "",
        "readiness": " | ".join(level.value for level in offer.readiness_levels),
        "needs": " | ".join(tag.name for tag in offer.need_tags.all()),
        "anchoring": offer.anchoring,
        "contact_name": offer.contact_name,
        "contact_phone": offer.contact_phone,
        "contact_email": offer.contact_email,
        "address": offer.address,
        "capacity": offer.capacity if offer.capacity is not None else "",
        "waiting_list": offer.waiting_list,
        "financing": offer.financing_note,
        "url": offer.url,
        "active": "ja" if offer.is_active else "nej",
    }


def csv_export(offers: Iterable[Offer]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for offer in offers:
        writer.writerow({k: _cell(v) for k, v in offer_row(offer).items()})
    # A BOM so Excel recognises UTF-8 (æ, ø, å).
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_export(offers: Iterable[Offer]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Tilbud")
    sheet.append(COLUMNS)
    for offer in offers:
        sheet.append([_cell(v) for v in offer_row(offer).values()])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------- Open Referral HSDS 3

HSDS_NAMESPACE = uuid.UUID("5d0c1f0e-6b8e-4a7f-9f59-3b4f1c2a9e11")


def _id(*parts: Any) -> str:
    """A stable UUID for an HSDS object: the same offer always gets the same identifier."""
    return str(uuid.uuid5(HSDS_NAMESPACE, ":".join(str(p) for p in parts)))


_POSTAL = re.compile(r"(?P<street>.*?)[,\s]+(?P<postal>\d{4})\s+(?P<city>[^,]+)$")


def _term(kind: str, code: str, name: str, description: str, service_id: str, municipality_code: str) -> dict[str, Any]:
    term_id = _id(municipality_code, "term", kind, code)
    return {
        "id": _id(service_id, "attribute", kind, code),
        "link_id": service_id,
        "link_type": kind,
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "value": code,
        "label": name,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": f"ungeforlob:{kind}",
            "language": "da",
        },
    }


def hsds_service(offer: Offer, *, in_use: int | None = None) -> dict[str, Any]:
    """One offer as an HSDS 3 `service` with its organization, contacts, location, funding and attributes."""
    muni = offer.municipality.code
    service_id = _id(muni, "offer", offer.code)
    org_name = (offer.provider.name if offer.provider_id else "") or offer.provider_name or offer.context \
        or offer.municipality.name
    organization = {
        "id": _id(muni, "organization", org_name),
        "name": org_name,
        "description": offer.context or org_name,
    }
    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization["id"],
        "name": offer.name,
        "alternate_name": "",
        "description": "\n\n".join(t for t in (offer.focus, offer.description) if t),
        "url": offer.url or None,
        "email": offer.contact_email or None,
        "status": "active" if offer.is_active else "inactive",
        "eligibility_description": offer.target_group,
        "minimum_age": offer.age_min,
        "maximum_age": offer.age_max,
        "last_modified": offer.updated_at.isoformat() if offer.updated_at else None,
        "organization": organization,
        "contacts": [],
        "phones": [],
        "funding": [],
        "service_at_locations": [],
        "capacities": [],
        "attributes": [],
    }
    if offer.contact_name or offer.contact_phone or offer.contact_email:
        contact_id = _id(service_id, "contact")
        contact: dict[str, Any] = {"id": contact_id, "service_id": service_id, "name": offer.contact_name,
                                   "email": offer.contact_email or None, "phones": []}
        if offer.contact_phone:
            contact["phones"].append({"id": _id(contact_id, "phone"), "contact_id": contact_id,
                                      "number": offer.contact_phone, "type": "voice"})
        service["contacts"].append(contact)
    if offer.financing_note:
        service["funding"].append({"id": _id(service_id, "funding"), "service_id": service_id,
                                   "source": offer.financing_note})
    if offer.address:
        location_id = _id(service_id, "location")
        match = _POSTAL.match(offer.address)
        address = {
            "id": _id(location_id, "address"),
            "location_id": location_id,
            "address_1": match.group("street") if match else offer.address,
            "city": match.group("city").strip() if match else "",
            "state_province": "",
            "postal_code": match.group("postal") if match else "",
            "country": "DK",
            "address_type": "physical",
        }
        service["service_at_locations"].append({
            "id": _id(service_id, "service_at_location"),
            "service_id": service_id,
            "location_id": location_id,
            "location": {"id": location_id, "location_type": "physical", "name": offer.address,
                         "addresses": [address]},
        })
    if offer.capacity is not None:
        available = max(0, offer.capacity - in_use) if in_use is not None else None
        service["capacities"].append({
            "id": _id(service_id, "capacity"),
            "service_id": service_id,
            "unit": {"id": _id(muni, "unit", "pladser"), "name": "pladser"},
            "available": available if available is not None else offer.capacity,
            "maximum": offer.capacity,
            "description": _("Pladser i tilbuddet; %(n)d på venteliste") % {"n": offer.waiting_list},
            "updated": offer.updated_at.isoformat() if offer.updated_at else None,
        })
    for level in offer.readiness_levels:
        service["attributes"].append(_term("readiness", level.value, str(level.label),
                                           _("Parathedsniveau i taksonomien for ungeprogression"), service_id, muni))
    for tag in offer.need_tags.all():
        service["attributes"].append(_term("need", _danish_slug(tag.name), tag.name, _("Behov tilbuddet svarer på"),
                                           service_id, muni))
    if offer.sector:
        service["attributes"].append(_term("sector", offer.sector, offer.get_sector_display(), _("Sektor"),
                                           service_id, muni))
    return service


def _compact(value: Any) -> Any:
    """Leave out empty optional values: HSDS types them as strings or numbers, so null is not allowed."""
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def hsds_page(services: list[dict[str, Any]]) -> dict[str, Any]:
    """The HSDS 3 API's paginated list, holding the whole catalogue on one page."""
    return {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": [_compact(s) for s in services],
    }
