"""Reads for the young person's own pages. Every function takes the youth from the session: a youth only
ever reads their own data."""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.portal.models import ServiceFeedback
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
    today = timezone.localdate()
    members = (
        Membership.objects.filter(youth=youth, start_date__lte=today)
        .exclude(end_date__lte=today)
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
