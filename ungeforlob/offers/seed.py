"""The interventions of the inspiration catalogue (`offers/data/tilbud.csv`, see its README) as offers.

The seed file has name, context, focus, target group, anchoring, link and description. Age range, readiness
levels, need tags and sector are proposals derived here from the wording of the target group and anchoring;
they are ordinary fields the municipality corrects afterwards. Sections `politisk_fokus` and `koordinering`
describe steering and coordination practices, not offers to a young person, and are left out.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from ungeforlob.offers.models import Phase, ReadinessLevel

NOT_OFFERS = {"politisk_fokus", "koordinering"}

# "15-25 år", "mellem 18 og 30 år", "18 – 29 år", "15-17-årige", "16 og 27 år"
_RANGE = re.compile(r"(\d{1,2})\s*(?:-|–|og|til)\s*(\d{1,2})\s*(?:-|\s)?(?:år|årige)")
_UPPER = re.compile(r"(?:op til|under)\s+(\d{1,2})\s*år")

# Words in the target group or focus → need tags (the demo municipality's vocabulary).
NEED_WORDS: list[tuple[str, str]] = [
    ("psykisk sårbar", "psykisk sårbarhed"),
    ("psykisk og social mistrivsel", "mistrivsel"),
    ("mistrivsel", "mistrivsel"),
    ("angst", "angst"),
    ("udviklingsforstyrrelse", "autisme og udviklingsforstyrrelser"),
    ("skoleværgring", "skolevægring"),
    ("misbrug", "misbrug"),
    ("frafald", "risiko for frafald"),
    ("anden etnicitet", "anden etnisk baggrund"),
    ("uddannelseshjælp", "på uddannelseshjælp"),
    ("læringsvanskeligheder", "faglige vanskeligheder"),
    ("fritidsjob", "fritidsjob"),
    ("udsatte positioner", "socialt udsat"),
    ("socialt udsatte", "socialt udsat"),
    ("særlige behov", "særlige behov"),
    ("udadreagerende", "udadreagerende adfærd"),
    ("erhvervspraktik", "praktik"),
    ("praktikforløb", "praktik"),
    ("mentor", "mentor"),
]

# Anchoring words → sector of the catalogue (first match wins).
SECTOR_WORDS: list[tuple[str, str]] = [
    ("uu-vejledning", "uu_kui"),
    ("kommunale ungeindsats", "uu_kui"),
    ("ungeenhed", "uu_kui"),
    ("ungdomsskole", "uu_kui"),
    ("børne- og unge", "uu_kui"),
    ("jobcenter", "jobcenter"),
    ("beskæftigelse", "jobcenter"),
    ("socialforvaltning", "social"),
    ("fgu", "fgu"),
    ("hf", "gymnasium"),
    ("vuc", "gymnasium"),
    ("ungdomsuddannelse", "gymnasium"),
    ("erhvervsuddannelse", "eud"),
    ("civilsamfund", "civilsamfund"),
    ("red barnet", "civilsamfund"),
    ("erhvervslivet", "erhvervsliv"),
]


SEED_FILE = Path(__file__).resolve().parent / "data" / "tilbud.csv"


def seed_path() -> Path:
    """The catalogue's seed file, kept in this app (the project reads nothing outside the repository)."""
    return SEED_FILE


def ages_from(text: str) -> tuple[int | None, int | None]:
    t = text.lower()
    m = _RANGE.search(t)
    if m:
        low, high = int(m.group(1)), int(m.group(2))
        if 12 <= low <= high <= 35:
            return low, high
    m = _UPPER.search(t)
    if m:
        high = int(m.group(1))
        if 12 <= high <= 35:
            return None, high - 1 if "under" in m.group(0) else high
    return None, None


def readiness_from(target_group: str, focus: str) -> list[str]:
    """A proposal from the wording: 'ikke-uddannelsesparat' and 'aktivitetsparat' point at the first levels."""
    t = f"{target_group} {focus}".lower()
    R = ReadinessLevel
    if "ikke-uddannelsesparat" in t or "ikke vurderes at være uddannelsesparate" in t or "ikke uddannelsesparat" in t:
        return [R.VEJLEDNINGSPARAT, R.VALGPARAT]
    if "aktivitetsparat" in t or "skoleværgring" in t or "mistrivsel" in t:
        return [R.KONTAKTPARAT, R.VEJLEDNINGSPARAT]
    if "frafald" in t or "fastholde" in t:
        return [R.UDDANNELSESPARAT]
    if "job" in t and ("arbejde" in t or "ud at arbejde" in t):
        return [R.VALGPARAT, R.ERHVERVSPARAT]
    if "elever i udskolingen" in t or "folkeskoleelever" in t:
        return [R.VEJLEDNINGSPARAT, R.VALGPARAT]
    return []


def needs_from(*texts: str) -> list[str]:
    t = " ".join(texts).lower()
    out: list[str] = []
    for word, tag in NEED_WORDS:
        if word in t and tag not in out:
            out.append(tag)
    return out


def sector_from(anchoring: str) -> str:
    a = anchoring.lower()
    for word, sector in SECTOR_WORDS:
        if word in a:
            return sector
    return ""


def seed_rows(path: Path | None = None) -> list[tuple[int, dict[str, str]]]:
    """The seed file's offers as import rows (line number, columns), with derived age, levels, needs, sector."""
    path = path or seed_path()
    rows: list[tuple[int, dict[str, str]]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None:
            return rows
        line = reader.line_num + 1
        for raw in reader:
            start, line = line, reader.line_num + 1
            section = (raw.get("section") or "").strip()
            if section in NOT_OFFERS:
                continue
            name = (raw.get("name") or "").strip().strip("”“\"")
            target, focus = raw.get("target_group") or "", raw.get("focus") or ""
            age_min, age_max = ages_from(target)
            anchoring = raw.get("anchoring") or ""
            row: dict[str, Any] = {
                "name": name,
                "context": raw.get("context") or "",
                "phase": section if section in Phase.values else Phase.ANDET,
                "focus": focus,
                "description": raw.get("description") or "",
                "target_group": target,
                "anchoring": anchoring,
                "url": raw.get("url") or "",
                "sector": sector_from(anchoring),
                "age_min": "" if age_min is None else str(age_min),
                "age_max": "" if age_max is None else str(age_max),
                "readiness": " | ".join(readiness_from(target, focus)),
                "needs": " | ".join(needs_from(target, focus, raw.get("description") or "")),
            }
            rows.append((start, {k: str(v) for k, v in row.items()}))
    return rows
