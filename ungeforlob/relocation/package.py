"""The handover package's document (schema `ungeforlob.flytning/1`): what is read into it, part by part.

Always in it: the package's id and schema, sender and receiver, the consent (when given, until when, which
parts), who the young person is (name, CPR number, language) and when the course started. Everything else only
when the consent covers its part (`Part`). Free text written about the young person travels only inside the
parts the young person agreed to (the plan, the level history's rationale).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.relocation import sealing
from ungeforlob.relocation.models import Part
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, Youth

PROFILE_FIELDS = ("own_story", "own_story_written_by", "professional_description", "challenges", "potentials",
                  "needs", "dreams", "learning_preferences", "motivation_mastery", "motivation_direction",
                  "motivation_practice", "motivation_relation", "motivation_necessity")


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _plan(youth: Youth) -> dict[str, Any]:
    from ungeforlob.plans.models import Goal, Profile

    profile = Profile.objects.filter(youth=youth).first()
    goals = Goal.objects.filter(youth=youth).prefetch_related("subgoals__activities").order_by("position")
    return {
        "profile": {f: getattr(profile, f) for f in PROFILE_FIELDS} if profile else None,
        "goals": [{
            "position": goal.position, "text": goal.text, "written_by": goal.written_by,
            "subgoals": [{
                "text": sub.text, "target_date": _day(sub.target_date), "status": sub.status,
                "success_criterion": sub.success_criterion,
                "activities": [{
                    "title": a.title, "reason": a.reason, "responsible": a.responsible,
                    "responsible_name": a.responsible_name, "start_date": _day(a.start_date),
                    "end_date": _day(a.end_date), "when_text": a.when_text, "place": a.place, "status": a.status,
                    "methods": list(a.methods or []),
                } for a in sub.activities.all()],
            } for sub in goal.subgoals.all()],
        } for goal in goals],
    }


def _levels(youth: Youth) -> list[dict[str, Any]]:
    from ungeforlob.progression.models import AssessmentVersion

    versions = (AssessmentVersion.objects.filter(assessment__youth=youth, is_current=True)
                .order_by("assessed_on", "pk"))
    return [{"assessed_on": v.assessed_on.isoformat(), "level": v.level, "overlap_level": v.overlap_level,
             "rationale": v.rationale, "youth_took_part": v.youth_took_part} for v in versions]


def _followups(youth: Youth) -> list[dict[str, Any]]:
    """The open follow-ups, grouped by the station their transition leads to."""
    from ungeforlob.transitions.models import FollowUp, FollowUpStatus

    groups: dict[int, dict[str, Any]] = {}
    rows = (FollowUp.objects.filter(youth=youth, status=FollowUpStatus.OPEN, transition__cancelled_at__isnull=True)
            .select_related("transition__to_station").order_by("due_date", "due_time", "pk"))
    for f in rows:
        station = f.transition.to_station
        group = groups.setdefault(station.pk, {
            "station": {"kind": station.kind, "institution": station.institution,
                        "start_date": station.start_date.isoformat()},
            "items": []})
        group["items"].append({"title": f.title, "kind": f.kind, "responsible_role": f.responsible_role,
                               "description": f.description, "due_date": f.due_date.isoformat(),
                               "due_time": f.due_time.strftime("%H:%M")})
    return list(groups.values())


def _contacts(youth: Youth, *, sender: Any) -> dict[str, Any]:
    return {
        "mobile": youth.mobile, "email": youth.email,
        "guardians": [{"name": g.name, "relation": g.relation, "phone": g.phone, "email": g.email,
                       "has_custody": g.has_custody} for g in youth.guardians.order_by("name", "pk")],
        "previous_contact_person": {"name": sender.get_full_name(), "email": sender.email,
                                    "organisation": sender.organisation.name if sender.organisation_id else ""},
    }


def build_document(*, package_id: str, youth: Youth, course: Course, parts: list[str], sender: Any,
                   receiver: dict[str, str], consent: dict[str, str]) -> dict[str, Any]:
    """The document for one package: only the parts in `parts` besides the identity and the course's start."""
    document: dict[str, Any] = {
        "schema": sealing.SCHEMA,
        "package_id": package_id,
        "created_at": timezone.now().isoformat(),
        "sender": {"installation": sealing.installation_name(), "municipality": youth.municipality.name,
                   "municipality_code": youth.municipality.code},
        "receiver": receiver,
        "consent": {**consent, "parts": sorted(parts)},
        "youth": {"first_name": youth.first_name, "last_name": youth.last_name,
                  "preferred_name": youth.preferred_name, "cpr": cpr.decrypt(youth.cpr_encrypted),
                  "birth_date": youth.birth_date.isoformat(), "language": youth.language},
        "course": {"start_date": course.start_date.isoformat()},
    }
    if Part.PLAN in parts:
        document["plan"] = _plan(youth)
    if Part.LEVELS in parts:
        document["levels"] = _levels(youth)
    if Part.FOLLOWUPS in parts:
        document["followups"] = _followups(youth)
    if Part.CONTACTS in parts:
        document["contacts"] = _contacts(youth, sender=sender)
    return document


def summary(document: dict[str, Any]) -> dict[str, Any]:
    """What an import would create, counted from a checked document (the dry run shows it)."""
    plan = document.get("plan") or {}
    goals = plan.get("goals") or []
    subgoals = [s for g in goals for s in g.get("subgoals") or []]
    groups = document.get("followups") or []
    contacts = document.get("contacts") or {}
    return {
        "goals": len(goals),
        "subgoals": len(subgoals),
        "activities": sum(len(s.get("activities") or []) for s in subgoals),
        "profile": bool(plan.get("profile")),
        "levels": len(document.get("levels") or []),
        "stations": len(groups),
        "followups": sum(len(g.get("items") or []) for g in groups),
        "guardians": len(contacts.get("guardians") or []),
        "has_contacts": "contacts" in document,
    }
