"""Load the library of promising practice from the data file shipped in this app (idempotent).

Used by the data migration, `manage.py load_inspiration` and the demo loader. A practice is found by its
slug and updated to the file's text, so a re-run changes nothing and a corrected file corrects the library.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "data" / "lovende_praksis.json"

FIELDS = [
    "name", "area", "municipality", "focus", "target_group", "anchoring", "url", "description", "case_title",
    "summary", "profile",
]
FACT_FIELDS = [
    "population", "reach_count", "reach", "result_percent", "results", "duration_days", "duration", "staffing",
    "caseload_min", "caseload_max", "caseload",
]
TEXT_DEFAULTS = {"anchoring": list, "profile": dict}


def read(path: Path | None = None) -> list[dict[str, Any]]:
    with (path or DATA_FILE).open(encoding="utf-8") as fh:
        return json.load(fh)["practices"]


def values_for(entry: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in FIELDS:
        values[key] = entry.get(key, TEXT_DEFAULTS[key]() if key in TEXT_DEFAULTS else "")
    facts = entry.get("facts") or {}
    for key in FACT_FIELDS:
        default = None if key.endswith(("_count", "_percent", "_days", "_min", "_max")) else ""
        value = facts.get(key, default)
        values[key] = default if value is None else value
    return values


def load(practice_model: Any = None, path: Path | None = None) -> tuple[int, int]:
    """Create or update every practice in the file. Returns (created, updated)."""
    if practice_model is None:
        from ungeforlob.inspiration.models import Practice as practice_model
    created = updated = 0
    existing = {p.slug: p for p in practice_model.objects.all()}
    for entry in read(path):
        values = values_for(entry)
        practice = existing.get(entry["slug"])
        if practice is None:
            practice_model.objects.create(slug=entry["slug"], **values)
            created += 1
        elif any(getattr(practice, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(practice, key, value)
            practice.save()
            updated += 1
    return created, updated
