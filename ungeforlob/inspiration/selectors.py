"""Reads of the library of promising practice. Not personal data: every professional may read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet

from ungeforlob.inspiration.models import Practice, PracticeUse
from ungeforlob.offers.models import PracticeElement

SORTS: dict[str, list[Any]] = {
    "navn": ["name"],
    "-navn": ["-name"],
    "kommune": ["municipality", "name"],
    "-kommune": ["-municipality", "name"],
    "unge": [F("reach_count").desc(nulls_last=True), "name"],
    "-unge": [F("reach_count").asc(nulls_last=True), "name"],
}


@dataclass(frozen=True)
class PracticeFilter:
    q: str = ""
    area: str = ""
    facts: bool = False
    sort: str = "navn"

    @property
    def is_filtered(self) -> bool:
        return bool(self.q or self.area or self.facts)


def may_read(user: Any) -> bool:
    """Every professional of a municipality (the library holds no personal data)."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "municipality_id", None))


def _with_facts() -> Q:
    return ~Q(reach="") | ~Q(results="") | ~Q(duration="") | ~Q(staffing="") | ~Q(caseload="")


def search_practices(f: PracticeFilter) -> QuerySet[Practice]:
    qs = Practice.objects.all()
    for word in f.q.split()[:8]:
        qs = qs.filter(Q(name__icontains=word) | Q(municipality__icontains=word) | Q(focus__icontains=word)
                       | Q(target_group__icontains=word) | Q(description__icontains=word)
                       | Q(summary__icontains=word))
    if f.area:
        qs = qs.filter(area=f.area)
    if f.facts:
        qs = qs.filter(_with_facts())
    return qs.order_by(*SORTS.get(f.sort, SORTS["navn"]), "pk")


def get_practice(slug: str) -> Practice | None:
    return Practice.objects.filter(slug=slug).first()


@dataclass(frozen=True)
class ProfileRow:
    code: str
    label: str
    text: str


def profile_rows(practice: Practice) -> list[ProfileRow]:
    """All eleven elements in Socialstyrelsen's order, with what the catalogue says about each (or nothing)."""
    profile = practice.profile if isinstance(practice.profile, dict) else {}
    return [ProfileRow(e.value, str(e.label), str(profile.get(e.value) or "")) for e in PracticeElement]


def uses_in_municipality(practice: Practice, user: Any) -> list[PracticeUse]:
    """The user's municipality's offers made with this practice as inspiration."""
    return list(PracticeUse.objects.filter(practice=practice, municipality_id=user.municipality_id)
                .select_related("offer").order_by("offer__name", "pk"))
