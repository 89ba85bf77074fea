"""Timeline entries from the chain: concerns, handovers, consents and KUI deadlines (fixed queries each)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    ConcernCategory,
    Consent,
    Handover,
    HandoverStatus,
    PlanStop,
    Severity,
)
from ungeforlob.core.links import reverse_ids
from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.core.text import choice_label
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import TimelineEntry, latest, newest_at


@prepared(youth_id=int)
def _concerns(*, youth_id: int) -> QuerySet[Concern]:
    return Concern.objects.filter(youth_id=youth_id).select_related("raised_by", "acknowledged_by", "closed_by")


@reads_ahead(lambda youth, limit: [_concerns.read(youth_id=youth.pk)])
@newest_at(lambda youth: [(youth.concerns.all(), latest("raised_at", "acknowledged_at", "escalated_at", "closed_at"))])
def concern_entries(youth: Youth) -> list[TimelineEntry]:
    entries = []
    for c in _concerns(youth_id=youth.pk):
        c.youth = youth
        url = reverse_ids("chain:concern_detail", [c.pk])
        entries.append(TimelineEntry(c.raised_at, "bekymring", _("Bekymring rejst: %(cat)s") % {
            "cat": choice_label(ConcernCategory, c.category)}, choice_label(Severity, c.severity), by=str(c.raised_by), url=url))
        if c.acknowledged_at:
            entries.append(TimelineEntry(c.acknowledged_at, "bekymring", _("Bekymring kvitteret"),
                                         by=str(c.acknowledged_by), url=url))
        if c.escalated_at:
            entries.append(TimelineEntry(c.escalated_at, "bekymring", _("Bekymring sendt til leder (ikke kvitteret i tide)"),
                                         url=url))
        if c.closed_at:
            entries.append(TimelineEntry(c.closed_at, "bekymring", _("Bekymring afsluttet"), c.outcome,
                                         by=str(c.closed_by), url=url))
    return entries


@prepared(youth_id=int)
def _handovers(*, youth_id: int) -> QuerySet[Handover]:
    return Handover.objects.filter(youth_id=youth_id).select_related("sender", "receiver")


@reads_ahead(lambda youth, limit: [_handovers.read(youth_id=youth.pk)])
@newest_at(lambda youth: [(Handover.objects.filter(youth=youth), latest("created_at", "decided_at"))])
def handover_entries(youth: Youth) -> list[TimelineEntry]:
    entries = []
    for h in _handovers(youth_id=youth.pk):
        url = reverse_ids("chain:handover_detail", [h.pk])
        title = (_("Sagsstamme omfordelt: %(s)s til %(r)s") if h.is_reassignment
                 else _("Overlevering fra %(s)s til %(r)s")) % {"s": h.sender, "r": h.receiver}
        entries.append(TimelineEntry(h.created_at, "overlevering", title, choice_label(ChainRole, h.role), url=url))
        if h.decided_at and not h.is_reassignment:
            label = _("Overlevering accepteret") if h.status == HandoverStatus.ACCEPTED else _("Overlevering afvist")
            entries.append(TimelineEntry(h.decided_at, "overlevering", label, by=str(h.receiver), url=url))
    return entries


@prepared(youth_id=int)
def _consents(*, youth_id: int) -> QuerySet[Consent]:
    return Consent.objects.filter(youth_id=youth_id).select_related("receiving_organisation", "recorded_by")


@reads_ahead(lambda youth, limit: [_consents.read(youth_id=youth.pk)])
@newest_at(lambda youth: [(Consent.objects.filter(youth=youth), latest("given_at", "withdrawn_at"))])
def consent_entries(youth: Youth) -> list[TimelineEntry]:
    entries = []
    for c in _consents(youth_id=youth.pk):
        entries.append(TimelineEntry(c.given_at, "samtykke", _("Samtykke givet til %(org)s") % {
            "org": c.receiving_organisation}, c.purpose, by=str(c.recorded_by or "")))
        if c.withdrawn_at:
            entries.append(TimelineEntry(c.withdrawn_at, "samtykke", _("Samtykke til %(org)s trukket tilbage") % {
                "org": c.receiving_organisation}, by=_("den unge") if c.withdrawn_by_youth else ""))
    return entries


@prepared(youth_id=int)
def _plan_stops(*, youth_id: int) -> QuerySet[PlanStop]:
    return PlanStop.objects.filter(youth_id=youth_id)


@reads_ahead(lambda youth, limit: [_plan_stops.read(youth_id=youth.pk)])
@newest_at(lambda youth: [(PlanStop.objects.filter(youth=youth), latest("stopped_on", "contacted_on", "offered_on"))])
def plan_stop_entries(youth: Youth) -> list[TimelineEntry]:
    entries = []
    for s in _plan_stops(youth_id=youth.pk):
        entries.append(TimelineEntry(s.stopped_on, "frist", _("Følger ikke længere uddannelsesplanen"),
                                     _("Kontakt senest %(c)s, nyt tilbud senest %(o)s.") % {
                                         "c": s.contact_due.strftime("%d.%m.%Y"), "o": s.offer_due.strftime("%d.%m.%Y")}))
        if s.contacted_on:
            entries.append(TimelineEntry(s.contacted_on, "frist", _("Kontakt taget efter stop i uddannelsesplanen")))
        if s.offered_on:
            entries.append(TimelineEntry(s.offered_on, "frist", _("Ny aktivitet tilbudt"), s.offer))
    return entries
