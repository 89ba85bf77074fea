"""Education status events in "Hent mine data" (registered in `ungeforlob.portal.export`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.imports.models import EducationEvent
from ungeforlob.portal.export import Section, d, name
from ungeforlob.youth.models import Youth


def education_events_section(youth: Youth) -> Section:
    """What the national youth database (Ungedatabasen) has told about her education, and from where."""
    rows = [{"hændelse": e.get_kind_display(), "dato": d(e.date), "institution": e.institution_name,
             "institutionsnummer": e.institution_number, "uddannelse": e.programme,
             "kilde": e.client_name or e.get_source_display(), "registreret": d(e.created_at),
             "registreret af": name(e.created_by)}
            for e in EducationEvent.objects.filter(youth=youth).select_related("created_by").order_by("date", "pk")]
    return (str(_("Uddannelsesstatus fra Ungedatabasen")), rows)
