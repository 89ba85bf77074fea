"""Reads for emergency access: the minimal search match, the record an emergency opens, the review queue."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from ungeforlob import policy
from ungeforlob.chain.models import Membership
from ungeforlob.emergency.models import EmergencyAccess, Review
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Youth

SEARCH_LIMIT = 10


def search(user: Any, q: str) -> tuple[list[dict[str, Any]], bool]:
    """Young people of the user's municipality matching a CPR number (exactly) or every word of a name (the
    start of a first, last or preferred name). Returns at most SEARCH_LIMIT minimal matches — name and year of
    birth, and whether the user already has access — and whether there were more. Two queries."""
    q = (q or "").strip()[:100]
    base = Youth.objects.filter(municipality_id=user.municipality_id)
    if cpr.looks_like_cpr(q):
        try:
            digits = cpr.normalize_cpr(q)
        except ValidationError:
            return [], False
        found = base.filter(cpr_hash=cpr.lookup_hash(digits))
    else:
        words = [w for w in q.split() if len(w) >= 2][:4]
        if not words or len(q) < 3:
            return [], False
        found = base
        for word in words:
            found = found.filter(Q(first_name__istartswith=word) | Q(last_name__istartswith=word)
                                 | Q(preferred_name__istartswith=word))
    rows = list(found.order_by("first_name", "last_name", "pk").only(
        "pk", "municipality_id", "first_name", "last_name", "birth_date")[:SEARCH_LIMIT + 1])
    visible = set(policy.visible_youth(user).filter(pk__in=[y.pk for y in rows]).values_list("pk", flat=True))
    matches = [{"pk": y.pk, "name": y.full_name, "born": y.birth_date.year, "visible": y.pk in visible, "youth": y}
               for y in rows[:SEARCH_LIMIT]]
    return matches, len(rows) > SEARCH_LIMIT


def candidate(user: Any, youth_pk: int) -> Youth | None:
    """A young person of the user's municipality the user may break the glass for (not already visible)."""
    youth = Youth.objects.filter(municipality_id=user.municipality_id, pk=youth_pk).first()
    if youth is None or policy.can(user, policy.Action.VIEW, youth):
        return None
    return youth


def active_access(user: Any, pk: int) -> EmergencyAccess | None:
    return (EmergencyAccess.objects.active().filter(professional=user, pk=pk, municipality_id=user.municipality_id)
            .first())


def own_accesses(user: Any, *, limit: int = 20) -> list[EmergencyAccess]:
    """The user's own emergency accesses, newest first, with the young person's name (one query)."""
    return list(EmergencyAccess.objects.filter(professional=user).select_related("youth")[:limit])


def active_for_banner(user: Any) -> list[dict[str, Any]]:
    """What the banner needs for each active access: its id and end (no personal data; kept in the session)."""
    return [{"id": a.pk, "until": a.ends_at.timestamp()}
            for a in EmergencyAccess.objects.active().filter(professional=user).only("pk", "ends_at")]


def emergency_record(youth: Youth) -> dict[str, Any]:
    """What an emergency needs: who the young person is and how to reach them and their people, the circle to
    call, and the goals of their plan. Four queries."""
    from ungeforlob.plans.models import Goal

    circle = (Membership.objects.active().filter(youth=youth)
              .select_related("professional__organisation", "team__organisation").order_by("role", "pk"))
    return {
        "youth": youth,
        "guardians": list(youth.guardians.order_by("name")),
        "circle": list(circle),
        "goals": list(Goal.objects.filter(youth=youth).order_by("position", "pk").values_list("text", flat=True)),
    }


def review_queue(user: Any, *, status: str = "") -> QuerySet[EmergencyAccess]:
    """The municipality's emergency accesses for a leader: who, when, why and the review — never the young
    person (the leader sees no personal data). Pending first."""
    rows = (EmergencyAccess.objects.filter(municipality_id=user.municipality_id)
            .select_related("professional__organisation", "reviewed_by"))
    if status in Review.values:
        rows = rows.filter(review=status)
    return rows.order_by("-started_at", "-pk")


def review_item(user: Any, pk: int) -> EmergencyAccess | None:
    return review_queue(user).filter(pk=pk).first()


def pending_count(user: Any) -> int:
    return EmergencyAccess.objects.filter(municipality_id=user.municipality_id, review=Review.PENDING).count()