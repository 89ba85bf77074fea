"""Stations, transitions and follow-ups in "Hent mine data" (registered in `ungeforlob.portal.export`).

Each function is `(youth) -> (title, rows)` with a fixed number of queries.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ungeforlob.portal.export import Section, d, name
from ungeforlob.transitions.models import FollowUp, Station, Transition
from ungeforlob.youth.models import Youth


def stations_section(youth: Youth) -> Section:
    """Where the young person has been (stations) and the moves between them (transitions)."""
    rows: list[dict[str, Any]] = [
        {"station": s.get_kind_display(), "sted": s.institution, "fra": d(s.start_date), "til": d(s.end_date),
         "sådan sluttede det": s.get_end_reason_display()}
        for s in Station.objects.filter(youth=youth).order_by("start_date", "pk")
    ]
    rows += [{"overgang": str(t.to_station), "dato": d(t.to_station.start_date),
              "fra": str(t.from_station) if t.from_station_id else "",
              "opfølgning": t.procedure.name if t.procedure_id else "",
              "aflyst": d(t.cancelled_at), "begrundelse": t.cancel_reason, "oprettet af": name(t.created_by)}
             for t in Transition.objects.filter(youth=youth)
             .select_related("to_station", "from_station", "procedure", "created_by").order_by("created_at", "pk")]
    return (str(_("Stationer og overgange")), rows)


def followups_section(youth: Youth) -> Section:
    rows = [{"opfølgning": f.title, "hvordan": f.get_kind_display(), "hvem": f.get_responsible_role_display(),
             "dato": d(f.due_date), "beskrivelse": f.description, "sms": f.sms_body,
             "status": f.get_status_display(), "gjort": d(f.done_on), "note": f.note}
            for f in FollowUp.objects.filter(youth=youth).order_by("due_date", "due_time", "pk")]
    return (str(_("Opfølgninger")), rows)
