""""Hent mine data": chain meetings' agenda entries and decisions about the young person, and who took part
in their plan meetings and follow-ups (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from ungeforlob.meetings.models import AgendaEntry, Decision, MeetingParticipant
from ungeforlob.portal.export import Section, d, name
from ungeforlob.youth.models import Youth


def meetings_section(youth: Youth) -> Section:
    """Three queries: agenda entries with their decisions, then the participants."""
    decisions = Prefetch("decisions", queryset=Decision.objects.select_related("owner").order_by("created_at", "pk"))
    rows: list[dict[str, Any]] = []
    for e in (AgendaEntry.objects.filter(youth=youth).select_related("occurrence__meeting", "raised_by")
              .prefetch_related(decisions).order_by("created_at", "pk")):
        rows.append({"kædemøde": e.occurrence.meeting.name, "mødedato": d(e.occurrence.held_on),
                     "spørgsmålet": e.question, "sat på af": name(e.raised_by),
                     "grundlag": str(_("samtykke")) if e.consent_id else e.get_legal_basis_display()})
        rows += [{"beslutning": x.text, "ansvarlig": name(x.owner), "frist": d(x.due_on), "udført": d(x.done_at)}
                 for x in e.decisions.all()]
    for p in (MeetingParticipant.objects.filter(Q(plan_meeting__youth=youth) | Q(followup__youth=youth))
              .select_related("plan_meeting", "followup", "professional", "guardian").order_by("added_at", "pk")):
        when = p.plan_meeting.held_on if p.plan_meeting_id else p.followup.due_date
        who = name(p.professional) if p.professional_id else (p.guardian.name if p.guardian_id else _("dig"))
        rows.append({"møde": _("planmøde") if p.plan_meeting_id else p.followup.title, "dato": d(when),
                     "deltager": str(who), "som": p.get_kind_display()})
    return (str(_("Kædemøder og mødedeltagere")), rows)
