"""Reads of the shared language. None of it is personal data; every read is scoped to one municipality."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Organisation
from ungeforlob.chain.models import ChainRole
from ungeforlob.core.prepared import Read, prepared
from ungeforlob.vocabulary import defaults
from ungeforlob.vocabulary.models import AgeBounds, Approach, MethodTag, RoleDescription, Term

TERM_SORTS = {"term": ("term", "pk"), "-term": ("-term", "-pk"), "nyeste": ("-updated_at", "-pk"),
              "aftalt": ("-agreed_on", "term")}


def glossary(municipality_id: int, *, q: str = "", sort: str = "term", archived: bool = False) -> QuerySet[Term]:
    terms = Term.objects.filter(municipality_id=municipality_id, is_archived=archived)
    q = (q or "").strip()[:100]
    if q:
        terms = terms.filter(Q(term__icontains=q) | Q(meaning__icontains=q) | Q(examples__icontains=q))
    return terms.order_by(*TERM_SORTS.get(sort, TERM_SORTS["term"]))


def get_term(municipality_id: int, pk: Any) -> Term | None:
    try:
        key = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < key < 2**63:
        return None
    return Term.objects.filter(municipality_id=municipality_id, pk=key).first()


def missing_shipped_terms(municipality_id: int) -> list[dict[str, str]]:
    have = set(Term.objects.filter(municipality_id=municipality_id).values_list("key", flat=True))
    return [t for t in defaults.shipped_terms() if t["key"] not in have]


@dataclass(frozen=True)
class Explanation:
    """What a label's tooltip shows: the term, its meaning, and where the glossary explains it."""

    term: str
    meaning: str
    anchor: str


@prepared(municipality_id=int)
def _terms(*, municipality_id: int) -> QuerySet[Term]:
    return Term.objects.filter(municipality_id=municipality_id).values_list(
        "pk", "key", "term", "meaning", "is_archived")


def explanations(municipality_id: int | None) -> dict[str, Explanation]:
    """Every active term of the municipality, by key and by lower-cased term (one query; do not change the dict).

    A municipality that has not loaded the glossary yet gets the shipped terms, so labels explain themselves
    from the start; an archived term explains nothing."""
    rows = _terms(municipality_id=municipality_id) if municipality_id else []
    if not rows:
        return _shipped_explanations()
    result: dict[str, Explanation] = {}
    for pk, key, term, meaning, archived in rows:
        if archived:
            continue
        item = Explanation(term, meaning, f"begreb-{pk}")
        result.setdefault(term.lower(), item)
        if key:
            result[key] = item
    return result


def explanations_read(municipality_id: int | None) -> list[Read]:
    """The read `explanations` makes, for a page that draws labels to send with its other reads (`ahead`)."""
    return [_terms.read(municipality_id=municipality_id)] if municipality_id else []


@functools.cache
def _shipped_explanations() -> dict[str, Explanation]:
    """The shipped terms' explanations (the same for every municipality without a glossary: made once)."""
    result: dict[str, Explanation] = {}
    for t in defaults.shipped_terms():
        item = Explanation(t["term"], t["meaning"], f"standard-{t['key']}")
        result.setdefault(t["term"].lower(), item)
        result[t["key"]] = item
    return result


# --- roles -------------------------------------------------------------------------------------------------


def role_texts(municipality_id: int | None) -> dict[str, dict[str, Any]]:
    """Each chain role's texts: the municipality's own where written, else the shipped default (one query)."""
    rows = {r.role: r for r in RoleDescription.objects.filter(municipality_id=municipality_id)} \
        if municipality_id else {}
    result: dict[str, dict[str, Any]] = {}
    for role, label in ChainRole.choices:
        row = rows.get(role)
        if row is not None:
            result[role] = {"role": role, "label": label, "staff": row.staff_text, "helps": row.youth_helps,
                            "not": row.youth_not, "decides": row.decides, "version": row.version, "local": True}
        else:
            d = defaults.ROLE_DEFAULTS[role]
            result[role] = {"role": role, "label": label, "staff": str(d["staff"]), "helps": str(d["helps"]),
                            "not": str(d["not"]), "decides": d["decides"], "version": 0, "local": False}
    return result


# --- methods -----------------------------------------------------------------------------------------------


@prepared(municipality_id=int)
def _method_rows(*, municipality_id: int) -> QuerySet[MethodTag]:
    return MethodTag.objects.filter(municipality_id=municipality_id)


def method_reads(municipality_id: int | None) -> list[Read]:
    """What `method_tags` (and so `method_labels`) will read, to be sent ahead with a page's other reads."""
    return [_method_rows.read(municipality_id=municipality_id)] if municipality_id else []


def method_tags(municipality_id: int | None) -> list[dict[str, Any]]:
    """The municipality's method tags in order; the shipped list while it has none of its own (one query)."""
    rows = _method_rows(municipality_id=municipality_id) if municipality_id else []
    if not rows:
        return [{"code": code, "label": label, "description": "", "is_retired": False, "version": 0, "pk": None}
                for code, label in defaults.default_methods()]
    return [{"code": r.code, "label": r.label, "description": r.description, "is_retired": r.is_retired,
             "version": r.version, "pk": r.pk} for r in rows]


def method_choices(municipality_id: int | None, *, keep: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """What an activity may be tagged with: the active methods, and any retired ones it already carries."""
    return [(t["code"], t["label"]) for t in method_tags(municipality_id)
            if not t["is_retired"] or t["code"] in keep]


def method_labels(municipality_id: int | None) -> dict[str, str]:
    """Every method's label by code, retired ones included (activities keep showing what they used)."""
    return {t["code"]: t["label"] for t in method_tags(municipality_id)}


# --- age bounds --------------------------------------------------------------------------------------------


def age_bounds(municipality_id: int | None) -> tuple[int, int]:
    """The target group's age range in this municipality (default 15–29)."""
    row = AgeBounds.objects.filter(municipality_id=municipality_id).first() if municipality_id else None
    if row is None:
        return defaults.DEFAULT_MIN_AGE, defaults.DEFAULT_MAX_AGE
    return row.min_age, row.max_age


def age_bounds_row(municipality_id: int) -> AgeBounds | None:
    return AgeBounds.objects.filter(municipality_id=municipality_id).first()


def age_message(municipality_id: int | None, age: int) -> str:
    """The one message for an age outside the target group."""
    low, high = age_bounds(municipality_id)
    return _("Ungeforløb er for unge mellem %(min)s og %(max)s år. Denne person er %(age)s år.") % {
        "min": low, "max": high, "age": age}


# --- organisations and their approaches --------------------------------------------------------------------


def chain_organisations(municipality_id: int, *, q: str = "") -> QuerySet[Organisation]:
    """The municipality's active organisations with their approach (one query)."""
    orgs = Organisation.objects.filter(municipality_id=municipality_id, is_active=True).select_related("approach")
    q = (q or "").strip()[:100]
    if q:
        orgs = orgs.filter(Q(name__icontains=q) | Q(approach__approach__icontains=q)
                           | Q(approach__methods__icontains=q))
    return orgs.order_by("name", "pk")


def get_organisation(municipality_id: int, pk: Any) -> Organisation | None:
    try:
        key = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < key < 2**63:
        return None
    return Organisation.objects.filter(municipality_id=municipality_id, pk=key).select_related(
        "approach", "approach__updated_by").first()


def approach_of(organisation: Organisation) -> Approach | None:
    try:
        return organisation.approach
    except Approach.DoesNotExist:
        return None
