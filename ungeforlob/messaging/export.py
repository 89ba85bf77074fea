"""SMS in "Hent mine data" (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`).

Each function is `(youth) -> (title, rows)` with a fixed number of queries.
"""

from __future__ import annotations

from typing import Any

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from ungeforlob.messaging.models import CheckIn, InboundMessage, OutboundMessage, WakeUpSeries
from ungeforlob.portal.export import Section, d
from ungeforlob.youth.models import Youth


def messages_section(youth: Youth) -> Section:
    """SMS to and from the youth. Login codes are left out of the text (they are secrets, and expired)."""
    rows: list[dict[str, Any]] = []
    for m in OutboundMessage.objects.filter(youth=youth).order_by("send_at", "pk").only(
            "send_at", "kind", "body", "status", "related_type"):
        body = str(_("(kode til login)")) if m.related_type == "portal.logincode" else m.body
        rows.append({"tidspunkt": d(m.send_at), "retning": str(_("til dig")), "type": m.get_kind_display(),
                     "besked": body, "status": m.get_status_display()})
    for i in InboundMessage.objects.filter(youth=youth).order_by("received_at", "pk"):
        rows.append({"tidspunkt": d(i.received_at), "retning": str(_("fra dig")), "besked": i.body})
    return (str(_("Beskeder")), rows)


def checkins_section(youth: Youth) -> Section:
    rows = [{"dato": d(c.created_at), "spørgsmål": c.question, "dit svar": c.answer, "svaret": d(c.answered_at),
             "status": c.get_status_display()}
            for c in CheckIn.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Tjek-ind på SMS")), rows)


def wakeups_section(youth: Youth) -> Section:
    rows = [{"klokken": w.time_of_day.strftime("%H:%M"), "ugedage": ", ".join(str(WEEKDAYS[i]) for i in w.weekday_list if i in WEEKDAYS), "fra": d(w.start_date),
             "til og med": d(w.stop_date), "besked": w.body, "stoppet": d(w.stopped_at),
             "hvorfor stoppet": w.get_stopped_reason_display()}
            for w in WakeUpSeries.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Vækninger")), rows)
