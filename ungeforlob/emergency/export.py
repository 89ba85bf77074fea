""""Hent mine data": each time someone outside the circle used emergency access to the young person's record."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.emergency.models import EmergencyAccess
from ungeforlob.portal.export import Section, d
from ungeforlob.youth.models import Youth


def accesses_section(youth: Youth) -> Section:
    """When, from which organisation, why (the reason and the professional's own words), until when, and what
    the leader concluded. One query."""
    rows = [{"start": d(a.started_at), "slut": d(a.ended_at or a.ends_at),
             "organisation": a.professional.organisation.name if a.professional.organisation_id else "",
             "årsag": a.get_reason_display(), "begrundelse": a.explanation, "gennemgang": a.get_review_display()}
            for a in EmergencyAccess.objects.filter(youth=youth).select_related("professional__organisation")
            .order_by("started_at", "pk")]
    return (str(_("Nødadgang til mine oplysninger")), rows)
