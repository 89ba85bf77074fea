"""The national 2030 goals of the 2017 political agreement ("Bedre veje til uddannelse og job"): reference
lines a municipality's own targets are read against. Stored as data in `data/national_goals.json`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "national_goals.json"


@dataclass(frozen=True)
class ReferenceGoal:
    key: str
    label: str
    value: float
    unit: str
    direction: str
    baseline: float | None
    year: int
    explanation: str


@cache
def national_goals() -> tuple[str, tuple[ReferenceGoal, ...]]:
    """(the source, the goals)."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return raw["source"], tuple(ReferenceGoal(**goal) for goal in raw["goals"])
