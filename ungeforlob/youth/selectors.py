"""Reads of young people. Every one starts from the access policy's visible queryset."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from ungeforlob import policy
from ungeforlob.chain.models import Membership
from ungeforlob.core.prepared import Read, keep_related, prepared
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, Guardian, Youth

CASELOAD_SORTS: dict[str, list[str]] = {
    "navn": ["first_name", "last_name"],
    "-navn": ["-first_name", "-last_name"],
    # Sorting by age: the youngest first means the latest birth date first.
    "alder": ["-birth_date"],
    "-alder": ["birth_date"],
    "niveau": ["current_level_order", "first_name"],
    "-niveau": ["-current_level_order", "first_name"],
    "opfoelgning": ["next_followup", "first_name"],
    "-opfoelgning": ["-next_followup", "first_name"],
}

_CPR_QUERY = re.compile(r"^\d{6}-?\d{4}$")


def search_filter(qs: QuerySet[Youth], q: str) -> QuerySet[Youth]:
    """Name search; a full CPR number is matched through its keyed hash, never stored or compared in clear."""
    q = q.strip()
    if not q:
        return qs
    if _CPR_QUERY.match(q):
        try:
            digits = cpr.normalize_cpr(q)
        except Exception:  # noqa: BLE001 - an invalid number simply matches nobody
            return qs.none()
        return qs.filter(cpr_hash=cpr.lookup_hash(digits))
    condition = Q()
    for term in q.split()[:5]:
        condition &= Q(first_name__icontains=term) | Q(last_name__icontains=term) | Q(preferred_name__icontains=term)
    return qs.filter(condition)


def annotate_caseload(qs: QuerySet[Youth]) -> QuerySet[Youth]:
    """Columns of Mine unge, each one subquery so the page's query count does not grow with the data.

    `current_level` (+ `_order` 1–5 or 0, `_date`) comes from progression; `next_followup` from transitions.
    The level's name (`current_level_label`) is set on a page's rows by `caseload_rows`.
    """
    from ungeforlob.progression.selectors import caseload_level_annotations
    from ungeforlob.transitions.selectors import next_followup_subquery

    return qs.annotate(
        **caseload_level_annotations(),
        next_followup=next_followup_subquery(),
    )


def caseload_rows(rows: Any) -> list[Youth]:
    """One page of the caseload, evaluated, with the level's name on each row (`current_level_label`) and the
    day of the latest contact (`last_contact`, `is_silent` after 14 days without; one query for the page)."""
    from django.utils import timezone

    from ungeforlob.progression.selectors import with_level_labels
    from ungeforlob.targets.contact import is_silent, latest_contact_by_youth

    rows = with_level_labels(rows)
    today = timezone.localdate()
    latest = latest_contact_by_youth([y.pk for y in rows], today=today)
    for y in rows:
        y.last_contact = latest.get(y.pk)  # type: ignore[attr-defined]
        y.is_silent = is_silent(y.last_contact, today=today)  # type: ignore[attr-defined]
    return rows


def caseload_for(user: Any, *, scope: str = "kontaktperson", q: str = "", sort: str = "navn") -> Any:
    """The young people on the user's list: as contact person (default) or anywhere in their circles. A queryset,
    or — inside a request, unless searched by CPR number — a `NamedCaseload` of her young people's ids (those whose
    names hold the search terms, when searched), counted and paged like one."""
    sort = sort if sort in CASELOAD_SORTS else "navn"
    q = q.strip()
    if not _CPR_QUERY.match(q):
        ids = policy.youth_ids(user, policy.Action.CONTACT_PERSON if scope == "kontaktperson" else policy.Action.VIEW)
        if ids is not None:
            return NamedCaseload(_matching(ids, q) if q else ids, sort)
    qs = policy.contact_person_youth(user) if scope == "kontaktperson" else policy.visible_youth(user)
    qs = annotate_caseload(search_filter(qs, q))
    return qs.order_by(*CASELOAD_SORTS[sort], "pk")


class NamedCaseload:
    """Mine unge unsearched, with the young people named by id (the user's circles, read once per request): as many
    as the ids (they are the user's young people of the municipality, so no count query), and each page read by
    a prepared query (`core.prepared`) — what `Paginator` needs of a list."""

    def __init__(self, ids: list[int], sort: str) -> None:
        self.ids, self.sort = ids, sort

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, key: slice) -> list[Youth]:
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("a page of the caseload is a slice")
        if not self.ids:  # a search that found no one
            return []
        return _caseload_page(ids=self.ids, sort=self.sort, start=key.start or 0, stop=key.stop)


def _matching(ids: list[int], q: str) -> list[int]:
    """Those of the young people named by id whose names hold every term of `q`, as `search_filter` finds them
    (each of up to five terms in the first, last or preferred name, whatever the case): her names are read by a
    prepared query and compared here, instead of building and compiling the search, its count and its page
    for every request. Her list is at most YOUTH_IDS_INLINE_MAX young people."""
    terms = [term.casefold() for term in q.split()[:5]]
    return [pk for pk, *names in _caseload_names(ids=ids)
            if all(any(term in (name or "").casefold() for name in names) for term in terms)]


@prepared(ids=list)
def _caseload_names(*, ids: list[int]) -> QuerySet[Youth]:
    return Youth.objects.filter(pk__any_of=ids).values_list("pk", "first_name", "last_name", "preferred_name")


@prepared(ids=list)
def _caseload_page(*, ids: list[int], sort: str, start: int, stop: int | None) -> QuerySet[Youth]:
    return annotate_caseload(Youth.objects.filter(pk__any_of=ids)).order_by(*CASELOAD_SORTS[sort], "pk")[start:stop]


@prepared(youth_id=int, day=datetime.date)
def _circle_rows(*, youth_id: int, day: datetime.date) -> QuerySet[Membership]:
    """Her circle, past and present; active as Membership.objects.active() defines it, marked in the same query."""
    return (Membership.objects.filter(youth_id=youth_id)
            .select_related("professional__organisation", "team__organisation", "consent")
            .annotate(is_active=Exists(Membership.objects.active(day).filter(pk=OuterRef("pk"))))
            .order_by("end_date", "start_date"))


@prepared(youth_id=int)
def _guardians(*, youth_id: int) -> QuerySet[Guardian]:
    return Guardian.objects.filter(youth_id=youth_id)


@prepared(youth_id=int)
def _courses(*, youth_id: int) -> QuerySet[Course]:
    """Her courses, as `youth.courses.all()` gives them."""
    return Course.objects.filter(youth_id=youth_id)


def youth_overview_reads(youth: Youth, *, today: datetime.date) -> list[Read]:
    """The reads `youth_overview` makes, to be run ahead with the overview cards' (`youth.sections`)."""
    return [_circle_rows.read(youth_id=youth.pk, day=today), _guardians.read(youth_id=youth.pk),
            _courses.read(youth_id=youth.pk)]


def youth_overview(youth: Youth, *, today: datetime.date | None = None) -> dict[str, Any]:
    """What the youth page's header and overview show, in a fixed number of queries."""
    from django.utils import timezone

    memberships = _circle_rows(youth_id=youth.pk, day=today or timezone.localdate())
    for m in memberships:
        m.youth = youth
    active = [m for m in memberships if m.is_active]
    active.sort(key=lambda m: (not m.is_contact_person, m.start_date))
    # Kept on the young person for this request: the overview's cards read her courses too (progression's rhythm).
    courses = list(_courses(youth_id=youth.pk))
    for course in courses:
        course.youth = youth
    keep_related(youth, "courses", courses)
    return {
        "guardians": _guardians(youth_id=youth.pk),
        "courses": courses,
        "open_course": next((c for c in courses if c.end_date is None), None),
        "active_memberships": active,
        "past_memberships": [m for m in memberships if m not in active],
        "contact_person": next((m for m in active if m.is_contact_person), None),
    }
