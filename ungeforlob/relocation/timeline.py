"""Timeline entries of moving municipality: the packages sent for the young person and the one her record here
came from (two queries)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ungeforlob.core.links import reverse_ids
from ungeforlob.relocation.models import IncomingPackage, Relocation
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import TimelineEntry, latest, newest_at, newest_by


@newest_at(lambda youth: [
    (Relocation.objects.filter(youth=youth), latest("created_at", "consent_withdrawn_at")),
    (IncomingPackage.objects.filter(youth=youth), "imported_at"),
])
def relocation_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    url = reverse_ids("relocation:youth", [youth.pk])
    entries = []
    sent = Relocation.objects.filter(youth=youth).select_related("created_by").defer("sealed")
    for r in newest_by(sent, "created_at", limit):
        entries.append(TimelineEntry(r.created_at, "flytning", _("Forløbet overdraget til %(to)s") % {
            "to": r.receiver_name}, "; ".join(r.part_labels), by=str(r.created_by), url=url))
        if r.consent_withdrawn_at:
            entries.append(TimelineEntry(r.consent_withdrawn_at, "flytning",
                                         _("Samtykket til flytningen trukket tilbage"), url=url))
    received = IncomingPackage.objects.filter(youth=youth).select_related("imported_by").defer("sealed")
    for i in newest_by(received, "imported_at", limit):
        entries.append(TimelineEntry(i.imported_at, "flytning", _("Flyttet hertil fra %(from)s") % {
            "from": i.sender_municipality}, "; ".join(i.part_labels), by=str(i.imported_by or "")))
    return entries
