"""Min plan's part of "Hent mine data" (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`).

Each function is `(youth) -> (title, rows)` with a fixed number of queries.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ungeforlob.plans.models import Evaluation, PlanChange, PlanMeeting, PlanShare
from ungeforlob.portal.export import Section, d, name
from ungeforlob.youth.models import Youth


def plan_section(youth: Youth) -> Section:
    from ungeforlob.plans.selectors import plan_for, profile_for

    profile = profile_for(youth)
    rows: list[dict[str, Any]] = []
    if profile.pk:
        rows.append({"min historie": profile.own_story, "drømme": profile.dreams,
                     "sådan lærer jeg bedst": profile.learning_preferences,
                     "fagpersonernes beskrivelse": profile.professional_description,
                     "udfordringer": profile.challenges, "styrker": profile.potentials, "behov": profile.needs})
    for goal in plan_for(youth).goals:
        rows.append({"mål": goal.text, "skrevet af": goal.get_written_by_display(), "oprettet": d(goal.created_at)})
        for sg in goal.subgoals.all():
            rows.append({"delmål": sg.text, "under mål": goal.text, "status": sg.get_status_display(),
                         "sådan ved vi, det er nået": sg.success_criterion, "dato": d(sg.target_date)})
            for a in sg.activities.all():
                rows.append({"aktivitet": a.title, "under delmål": sg.text, "hvorfor": a.reason,
                             "hvem": a.get_responsible_display(), "navn": a.responsible_name, "fra": d(a.start_date),
                             "til": d(a.end_date), "hvornår": a.when_text, "hvor": a.place,
                             "status": a.get_status_display()})
    return (str(_("Din plan")), rows)


def meetings_section(youth: Youth) -> Section:
    rows = [{"dato": d(m.held_on), "fagpersoner": ", ".join(name(u) for u in m.participants.all()),
             "andre med": m.other_participants, "du var med": m.youth_present, "det aftalte vi": m.agreed}
            for m in PlanMeeting.objects.filter(youth=youth).prefetch_related("participants").order_by("held_on", "pk")]
    return (str(_("Planmøder")), rows)


def changes_section(youth: Youth) -> Section:
    """The plan's history: who changed what, when and why."""
    rows = [{"tidspunkt": d(c.created_at), "hvem": c.actor_name, "hvad": c.object_label, "handling": c.action,
             "ændringer": "; ".join(f"{label}: {change.get('old', '')} → {change.get('new', '')}"
                                    for label, change in (c.changes or {}).items() if isinstance(change, dict)),
             "hvorfor": c.reason}
            for c in PlanChange.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Ændringer i planen")), rows)


def shares_section(youth: Youth) -> Section:
    rows = [{"dato": d(s.created_at), "delt med": s.recipient_name, "organisation": s.recipient_organisation,
             "formål": s.purpose, "det blev delt": ", ".join(s.part_labels()),
             "dit samtykke": s.get_consent_display(), "delt af": s.shared_by_name,
             "trukket tilbage": d(s.withdrawn_at)}
            for s in PlanShare.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Deling af din plan")), rows)


def notes_section(youth: Youth) -> Section:
    """Notes the young person may read. A note hidden for a legal reason (recorded with the reason, audited) is
    left out: that is the lawful exception to access, decided note by note."""
    from ungeforlob.plans.selectors import notes_visible_to_youth

    rows = [{"dato": d(n.created_at), "skrevet af": n.author_name, "notat": n.text}
            for n in notes_visible_to_youth(youth).order_by("created_at", "pk")]
    return (str(_("Notater")), rows)


def evaluations_section(youth: Youth) -> Section:
    rows = [{"dato": d(e.created_at), "om": e.subgoal.text if e.subgoal_id else e.goal.text,
             "hvor tæt på (1-5)": e.closeness, "det gik godt": e.went_well, "det var svært": e.was_hard,
             "næste skridt": e.next_step, "skrevet af": e.author_name}
            for e in Evaluation.objects.filter(youth=youth).select_related("subgoal", "goal").order_by("created_at", "pk")]
    return (str(_("Evalueringer")), rows)
