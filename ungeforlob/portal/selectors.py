"""Reads for the young person's own pages. Every function takes the youth from the session: a youth only
ever reads their own data."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Avg, Count, F, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.portal.models import ServiceFeedback, Wish
from ungeforlob.youth.models import Youth

# Role clarity ("rolleklarhed"): what each role can help with, what it cannot, and whether it decides.
ROLE_EXPLANATIONS: dict[str, dict[str, Any]] = {
    ChainRole.CONTACT_PERSON: {
        "helps": _("Holder sammen på din plan. Følger dig, når du skifter skole eller job. Er din faste voksne."),
        "not": _("Kører dig ikke rundt og er ikke din behandler."),
        "decides": False,
    },
    ChainRole.UU_COUNSELLOR: {
        "helps": _("Hjælper dig med at vælge uddannelse."),
        "not": _("Bestemmer ikke, hvad du skal vælge."),
        "decides": True,
    },
    ChainRole.CASEWORKER: {
        "helps": _("Hjælper med penge, ydelser og krav fra kommunen."),
        "not": _("Er ikke din kontaktperson."),
        "decides": True,
    },
    ChainRole.JOB_CONSULTANT: {
        "helps": _("Hjælper dig med job, praktik og jobcentret."),
        "not": _("Kan ikke give dig penge."),
        "decides": True,
    },
    ChainRole.MENTOR: {
        "helps": _("Er med dig i hverdagen og øver det, der er svært."),
        "not": _("Bestemmer ikke noget om dig."),
        "decides": False,
    },
    ChainRole.TEACHER: {
        "helps": _("Underviser dig og ser, hvordan det går i skolen."),
        "not": _("Bestemmer ikke din plan."),
        "decides": False,
    },
    ChainRole.SCHOOL_COUNSELLOR: {
        "helps": _("Hjælper dig med at blive på din skole."),
        "not": _("Bestemmer ikke din plan."),
        "decides": False,
    },
    ChainRole.PSYCHOLOGIST: {
        "helps": _("Taler med dig om tanker og følelser."),
        "not": _("Fortæller ikke andre, hvad I taler om, uden at du ved det."),
        "decides": False,
    },
    ChainRole.ADDICTION: {
        "helps": _("Hjælper, hvis rusmidler fylder for meget."),
        "not": _("Melder dig ikke til politiet."),
        "decides": False,
    },
    ChainRole.SOCIAL_WORKER: {
        "helps": _("Hjælper med bolig, familie og hjælp fra kommunen."),
        "not": _("Er ikke din kontaktperson."),
        "decides": True,
    },
    ChainRole.VOLUNTEER: {
        "helps": _("Er en frivillig, der kan være med til ting i fritiden."),
        "not": _("Ser ikke dine papirer."),
        "decides": False,
    },
    ChainRole.OTHER: {"helps": _("Er med i din kæde."), "not": "", "decides": False},
}


def my_chain(youth: Youth) -> list[dict[str, Any]]:
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
            "explain": ROLE_EXPLANATIONS.get(m.role, ROLE_EXPLANATIONS[ChainRole.OTHER]),
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


# Everything about the youth, for "Download mine data". Each capability adds a function
# `(youth) -> (section title, list of dicts)`; a fixed number of queries each.
EXPORT_SOURCES: list[str] = [
    "ungeforlob.portal.selectors.export_record_section",
    "ungeforlob.portal.selectors.export_chain_section",
    "ungeforlob.portal.selectors.export_access_section",
    "ungeforlob.portal.selectors.export_plan_section",
    "ungeforlob.portal.selectors.export_notes_section",
    "ungeforlob.portal.selectors.export_evaluations_section",
    "ungeforlob.portal.selectors.export_assessments_section",
    "ungeforlob.portal.selectors.export_self_evaluations_section",
    "ungeforlob.portal.selectors.export_consents_section",
    "ungeforlob.portal.selectors.export_messages_section",
    "ungeforlob.portal.selectors.export_wishes_section",
    "ungeforlob.portal.selectors.export_handovers_section",
]


def export_record_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    rows = [{
        "navn": youth.full_name, "kaldenavn": youth.preferred_name, "fødselsdato": youth.birth_date.isoformat(),
        "cpr": youth.cpr_masked, "mobil": youth.mobile, "e-mail": youth.email,
    }]
    rows += [{"forælder/værge": g.name, "relation": g.get_relation_display(), "telefon": g.phone}
             for g in youth.guardians.all()]
    rows += [{"forløb start": c.start_date.isoformat(), "forløb slut": c.end_date.isoformat() if c.end_date else "",
              "årsag": c.get_end_reason_display()} for c in youth.courses.all()]
    return (str(_("Dine oplysninger")), rows)


def export_chain_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    rows = [{"navn": m.holder_name, "rolle": m.get_role_display(), "fra": m.start_date.isoformat(),
             "til": m.end_date.isoformat() if m.end_date else ""}
            for m in Membership.objects.filter(youth=youth).select_related("professional", "team")]
    return (str(_("Din kæde")), rows)


def export_access_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    rows = [{"tidspunkt": e.created_at.isoformat(), "organisation": e.actor_organisation, "rolle": e.actor_role,
             "handling": e.get_action_display(), "formål": e.purpose}
            for e in who_has_looked(youth)[:2000]]
    return (str(_("Hvem har kigget")), rows)


def export_data(youth: Youth) -> list[tuple[str, list[dict[str, Any]]]]:
    return [import_string(path)(youth) for path in EXPORT_SOURCES]


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
    from ungeforlob.chain.selectors import notices_for_youth

    unread_first = notices_for_youth(youth).order_by(F("read_at").desc(nulls_first=True), "-created_at", "-pk")
    rows = list(unread_first[: limit * 3])
    unread = [n for n in rows if n.read_at is None][:limit]
    return {"unread": unread, "read": [n for n in rows if n.read_at is not None][:limit]}


# --- export sections (Hent mine data) -----------------------------------------------------------------


def _d(value: Any) -> str:
    return value.isoformat() if value else ""


def export_plan_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    from ungeforlob.plans.selectors import plan_for, profile_for

    profile = profile_for(youth)
    rows: list[dict[str, Any]] = []
    if profile.pk:
        rows.append({"min historie": profile.own_story, "drømme": profile.dreams,
                     "sådan lærer jeg bedst": profile.learning_preferences,
                     "fagpersonernes beskrivelse": profile.professional_description,
                     "udfordringer": profile.challenges, "styrker": profile.potentials, "behov": profile.needs})
    for goal in plan_for(youth).goals:
        rows.append({"mål": goal.text, "skrevet af": goal.get_written_by_display(), "oprettet": _d(goal.created_at)})
        for sg in goal.subgoals.all():
            rows.append({"delmål": sg.text, "under mål": goal.text, "status": sg.get_status_display(),
                         "sådan ved vi, det er nået": sg.success_criterion, "dato": _d(sg.target_date)})
            for a in sg.activities.all():
                rows.append({"aktivitet": a.title, "under delmål": sg.text, "hvorfor": a.reason,
                             "hvem": a.get_responsible_display(), "navn": a.responsible_name, "fra": _d(a.start_date),
                             "til": _d(a.end_date), "hvornår": a.when_text, "hvor": a.place,
                             "status": a.get_status_display()})
    return (str(_("Din plan")), rows)


def export_notes_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    from ungeforlob.plans.selectors import notes_visible_to_youth

    rows = [{"dato": _d(n.created_at), "skrevet af": n.author_name, "notat": n.text}
            for n in notes_visible_to_youth(youth).order_by("created_at", "pk")]
    return (str(_("Notater")), rows)


def export_evaluations_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    from ungeforlob.plans.models import Evaluation

    rows = [{"dato": _d(e.created_at), "om": e.subgoal.text if e.subgoal_id else e.goal.text,
             "hvor tæt på (1-5)": e.closeness, "det gik godt": e.went_well, "det var svært": e.was_hard,
             "næste skridt": e.next_step, "skrevet af": e.author_name}
            for e in Evaluation.objects.filter(youth=youth).select_related("subgoal", "goal").order_by("created_at", "pk")]
    return (str(_("Evalueringer")), rows)


def export_assessments_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    from ungeforlob.progression.models import YouthPlacement
    from ungeforlob.progression.selectors import current_versions

    rows: list[dict[str, Any]] = [
        {"dato": _d(v.assessed_on), "niveau": v.get_level_display(), "overlapper med": v.get_overlap_level_display(),
         "begrundelse": v.rationale, "det har vi set": "; ".join(o.evidence for o in v.observations.all()),
         "du var med": v.youth_took_part}
        for v in current_versions(youth)
    ]
    rows += [{"dato": _d(p.placed_on), "du placerede dig selv": p.get_level_display(), "med dine ord": p.own_words}
             for p in YouthPlacement.objects.filter(youth=youth).order_by("placed_on", "pk")]
    return (str(_("Vurderinger")), rows)


def export_self_evaluations_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    """Only the rounds the youth chose to keep (a round not kept is deleted, so it is not here)."""
    from ungeforlob.progression.selectors import round_profile, self_evaluation_overview

    rows: list[dict[str, Any]] = []
    for r in self_evaluation_overview(youth)["kept"]:
        profile = round_profile(r)
        for g in profile["groups"]:
            rows.append({"runde": _d(r.started_at), "tema": str(g["label"]), "gennemsnit": g["score"],
                         "dit mål": g["goal"],
                         "svar": "; ".join(f"{s['text']}: {s['value'] if s['value'] is not None else 'ved ikke'}"
                                           for s in g["statements"] if s["answered"])})
        if r.follow_up_note:
            rows.append({"runde": _d(r.started_at), "opfølgning": r.follow_up_note})
    return (str(_("Selvevalueringer")), rows)


def export_consents_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    data = my_consents(youth)
    rows: list[dict[str, Any]] = [
        {"til": c.receiving_organisation.name, "formål": c.purpose, "omfang": c.scope, "givet": _d(c.given_at),
         "udløber": _d(c.expires_on), "trukket tilbage": _d(c.withdrawn_at)}
        for c in data["consents"]
    ]
    sms = data["sms"]
    if sms is not None:
        rows.append({"til": "SMS", "givet": _d(sms.given_at), "trukket tilbage": _d(sms.withdrawn_at)})
    return (str(_("Samtykker")), rows)


def export_messages_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    """SMS to and from the youth. Login codes are left out of the text (they are secrets, and expired)."""
    from ungeforlob.messaging.models import InboundMessage, OutboundMessage

    rows: list[dict[str, Any]] = []
    for m in OutboundMessage.objects.filter(youth=youth).order_by("send_at", "pk").only(
            "send_at", "kind", "body", "status", "related_type"):
        body = str(_("(kode til login)")) if m.related_type == "portal.logincode" else m.body
        rows.append({"tidspunkt": _d(m.send_at), "retning": str(_("til dig")), "type": m.get_kind_display(),
                     "besked": body, "status": m.get_status_display()})
    for i in InboundMessage.objects.filter(youth=youth).order_by("received_at", "pk"):
        rows.append({"tidspunkt": _d(i.received_at), "retning": str(_("fra dig")), "besked": i.body})
    return (str(_("Beskeder")), rows)


def export_wishes_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    rows = [{"dato": _d(w.created_at), "type": w.get_kind_display(), "ønske": w.text, "status": w.get_status_display(),
             "svar": w.reply} for w in Wish.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Dine ønsker")), rows)


def export_handovers_section(youth: Youth) -> tuple[str, list[dict[str, Any]]]:
    from ungeforlob.chain.selectors import handovers_for_youth

    rows: list[dict[str, Any]] = []
    for h in handovers_for_youth(youth):
        rows.append({"dato": _d(h.created_at), "fra": str(h.sender), "til": str(h.receiver),
                     "det der virker": h.what_works, "opmærksom på": h.watch_out, "aftaler": h.agreements,
                     "planen": h.plan, "status": h.get_status_display()})
        rows += [{"dato": _d(c.created_at), "kommentar": c.text, "fra dig": c.by_youth} for c in h.comments.all()]
    return (str(_("Overleveringer")), rows)
