"""Attendance and the stations' education places in "Hent mine data" (registered in `ungeforlob.portal.export`).

Each function is `(youth) -> (title, rows)` with a fixed number of queries."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.education.models import AttendanceRecord, StationPlace
from ungeforlob.portal.export import Section, d, name
from ungeforlob.youth.models import Youth


def attendance_section(youth: Youth) -> Section:
    """The weeks of absence recorded on the young person's stations, and the stations' education places."""
    rows = [{"uddannelsessted": str(p.programme), "station": str(p.station), "koblet": d(p.created_at)}
            for p in StationPlace.objects.filter(youth=youth).select_related("programme__institution", "station")
            .order_by("created_at", "pk")]
    rows += [{"uge": r.week_label, "fravær (%)": r.absence_percent, "station": str(r.station), "bemærkning": r.note,
              "registreret af": name(r.recorded_by), "tærskel (%)": r.threshold_percent,
              "svar": r.answer, "bekymring rejst": bool(r.concern_id)}
             for r in AttendanceRecord.objects.filter(youth=youth).select_related("station", "recorded_by")
             .order_by("week", "pk")]
    return (str(_("Uddannelsessted og fravær")), rows)
