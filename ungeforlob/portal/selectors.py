"""Reads for the young person's own pages. Every function takes the youth from the session: a youth only
ever reads their own data."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Avg, Count, F, QuerySet
from django.http import Http404
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.portal.models import ServiceFeedback, Wish
from ungeforlob.youth.models import Youth


def my_chain(youth: Youth) -> list[dict[str, Any]]:
    """The youth's circle with role clarity ("rolleklarhed"): what each role can help with, what it cannot, and
    whether it decides — the municipality's own words, or the shipped defaults (vocabulary.role_texts)."""
    from ungeforlob.vocabulary.selectors import role_texts

    texts = role_texts(youth.municipality_id)
    members = (
        Membership.objects.active().filter(youth=youth)
        .select_related("professional__organisation", "team__organisation")
        .order_by("start_date")
    )
    rows = []
    for m in members:
        rows.append({
            "membership": m,
            "name": m.holder_name,
            "role": m.get_role_display(),
            "organisation": (m.professional.organisation.name if m.professional and m.professional.organisation
                             else (m.team.organisation.name if m.team else "")),
            "phone": m.professional.phone if m.professional else "",
            "email": m.professional.email if m.professional else "",
            "explain": texts.get(m.role, texts[ChainRole.OTHER]),
            "is_contact": m.is_contact_person,
        })
    rows.sort(key=lambda r: not r["is_contact"])
    return rows


LOOKED_ACTIONS = [AuditAction.READ, AuditAction.LIST, AuditAction.REVEAL, AuditAction.EXPORT, AuditAction.UPDATE,
                  AuditAction.CREATE, AuditAction.DELETE]


def who_has_looked(youth: Youth) -> QuerySet[AuditEvent]:
    """Staff access to the youth's data, newest first. Names are shown only if the municipality allows it."""
    return AuditEvent.objects.filter(youth_id=youth.pk, actor__isnull=False, action__in=LOOKED_ACTIONS).only(
        "created_at", "actor_name", "actor_organisation", "actor_role", "action", "object_type", "purpose"
    )


def feedback_summary(municipality_id: int) -> dict[str, Any]:
    """For leaders: averages and count; never single answers tied to anyone."""
    return ServiceFeedback.objects.filter(municipality_id=municipality_id).aggregate(
        count=Count("id"), heard=Avg("heard"), useful=Avg("useful")
    )


# --- Min plan -----------------------------------------------------------------------------------------


def my_plan(youth: Youth) -> dict[str, Any]:
    """The plan (plans.plan_for), the next activities and the next appointments (transitions' follow-ups that
    need a person). Fixed number of queries."""
    from ungeforlob.plans.models import ActivityStatus
    from ungeforlob.plans.selectors import plan_for
    from ungeforlob.plans.services import youth_display_name
    from ungeforlob.transitions.selectors import overview_card

    plan = plan_for(youth)
    today = timezone.localdate()
    upcoming = [
        a for sg in plan.subgoals for a in sg.activities.all()
        if a.status in (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS) and (a.end_date is None or a.end_date >= today)
    ]
    upcoming.sort(key=lambda a: (a.start_date or datetime.date.max, a.pk))
    return {"plan": plan, "next_activities": upcoming[:5], "appointments": overview_card(youth, today=today)["upcoming"],
            "name": youth_display_name(youth)}


def pk_or_404(value: Any) -> int:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < pk < 2**63:
        raise Http404
    return pk


def my_subgoal(youth: Youth, pk: Any) -> Any:
    """One of the youth's own sub-goals; 404 for anything else (another youth's looks like nothing)."""
    from ungeforlob.plans.models import SubGoal

    found = SubGoal.objects.select_related("goal").filter(goal__youth=youth, pk=pk_or_404(pk)).first()
    if found is None:
        raise Http404
    return found


def my_activity(youth: Youth, pk: Any) -> Any:
    from ungeforlob.plans.models import Activity

    found = Activity.objects.select_related("subgoal__goal").filter(subgoal__goal__youth=youth, pk=pk_or_404(pk)).first()
    if found is None:
        raise Http404
    return found


def wishes_for(youth: Youth) -> QuerySet[Wish]:
    return Wish.objects.filter(youth=youth).select_related("goal", "subgoal")


# --- Alt skrevet om mig -------------------------------------------------------------------------------


def written_about_me(youth: Youth) -> dict[str, Any]:
    """Notes visible to the youth, evaluations and team assessments, newest first (five queries)."""
    from ungeforlob.plans.models import Evaluation
    from ungeforlob.plans.selectors import notes_visible_to_youth
    from ungeforlob.progression.selectors import current_versions

    return {
        "notes": list(notes_visible_to_youth(youth).order_by("-created_at", "-pk")),
        "evaluations": list(Evaluation.objects.filter(youth=youth).select_related("subgoal", "goal")
                            .order_by("-created_at", "-pk")),
        "assessments": list(reversed(current_versions(youth))),
    }


def my_consents(youth: Youth) -> dict[str, Any]:
    from ungeforlob.chain.selectors import consents_for
    from ungeforlob.messaging.models import SmsConsent

    return {"consents": consents_for(youth), "sms": SmsConsent.objects.filter(youth=youth).first()}


def notices(youth: Youth, limit: int = 5) -> dict[str, list[Any]]:
    """Unread notices ("Nyt til dig") and the latest read ones, in one query."""
    from ungeforlob.notifications.selectors import notices_for_youth

    unread_first = notices_for_youth(youth).order_by(F("read_at").desc(nulls_first=True), "-created_at", "-pk")
    rows = list(unread_first[: limit * 3])
    unread = [n for n in rows if n.read_at is None][:limit]
    return {"unread": unread, "read": [n for n in rows if n.read_at is not None][:limit]}
