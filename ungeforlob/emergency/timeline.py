"""Timeline entries: each emergency access to the young person's record, for the circle to see (one query)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ungeforlob.emergency.models import EmergencyAccess
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import TimelineEntry, newest_at, newest_by


@newest_at(lambda youth: [(EmergencyAccess.objects.filter(youth=youth), "started_at")])
def access_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    rows = newest_by(EmergencyAccess.objects.filter(youth=youth).select_related("professional__organisation"),
                     "started_at", limit)
    entries = []
    for a in rows:
        who = a.professional.get_full_name() or a.professional.username
        if a.professional.organisation_id:
            who = f"{who}, {a.professional.organisation.name}"
        entries.append(TimelineEntry(a.started_at, "noedadgang", _("Nødadgang: %(reason)s") % {
            "reason": a.get_reason_display()}, a.get_review_display(), by=who))
    return entries
