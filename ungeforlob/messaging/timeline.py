"""Timeline entries for SMS contact: short, and never the content of a message."""

from __future__ import annotations

from typing import Any

from django.db.models.functions import Coalesce, Greatest
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from ungeforlob.messaging.models import InboundMessage, MessageKind, MessageStatus, SmsConsent, WakeUpSeries
from ungeforlob.youth.timeline import TimelineEntry, latest, newest_at, newest_by


def weekdays_text(series: WakeUpSeries) -> str:
    """"man, ons, fre" in the active language (Django's own weekday abbreviations)."""
    return ", ".join(str(WEEKDAYS_ABBR[d]) for d in series.weekday_list)


def _sent(youth: Any) -> Any:
    return youth.sms_outbound.filter(
        status__in=[MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED]
    ).exclude(kind__in=[MessageKind.WAKEUP, MessageKind.LOGIN_CODE])


_SENT_AT = ("sent_at", "failed_at", "send_at")


@newest_at(lambda youth: [
    (_sent(youth), Coalesce(*_SENT_AT)),
    (InboundMessage.objects.filter(youth=youth), "received_at"),
    (WakeUpSeries.objects.filter(youth=youth), latest("created_at", "stopped_at")),
    (SmsConsent.objects.filter(youth=youth),
     Greatest(Coalesce("given_at", "withdrawn_at"), Coalesce("withdrawn_at", "given_at"))),
])
def sms_entries(youth: Any, *, limit: int | None = None) -> list[TimelineEntry]:
    """Sent and failed messages (wake-ups as one entry per series), replies, and the consent. Four queries; with
    `limit`, the messages and replies are only the newest `limit` of each."""
    entries: list[TimelineEntry] = []
    sent = _sent(youth).select_related("created_by")
    for m in newest_by(sent, Coalesce(*_SENT_AT), limit):
        if m.status == MessageStatus.FAILED:
            title = _("SMS kunne ikke sendes (%(kind)s)") % {"kind": m.get_kind_display().lower()}
        else:
            title = _("SMS sendt (%(kind)s)") % {"kind": m.get_kind_display().lower()}
        by = m.created_by.get_full_name() if m.created_by else ""
        entries.append(TimelineEntry(m.sent_at or m.failed_at or m.send_at, "sms", title, by=by))
    replies = InboundMessage.objects.filter(youth=youth).only("received_at", "is_stop", "checkin_id")
    for r in newest_by(replies, "received_at", limit):
        if r.is_stop:
            title = _("Den unge svarede STOP og modtager ikke flere SMS'er")
        elif r.checkin_id:
            title = _("Den unge svarede på et tjek-ind")
        else:
            title = _("SMS fra den unge")
        entries.append(TimelineEntry(r.received_at, "sms", title))
    for s in WakeUpSeries.objects.filter(youth=youth):
        entries.append(TimelineEntry(s.created_at, "sms", _("Vækning aftalt kl. %(time)s (%(days)s)")
                                     % {"time": s.time_of_day.strftime("%H.%M"), "days": weekdays_text(s)}))
        if s.stopped_at:
            entries.append(TimelineEntry(s.stopped_at, "sms", _("Vækningen stoppede: %(reason)s")
                                         % {"reason": s.get_stopped_reason_display().lower()}))
    consent = SmsConsent.objects.filter(youth=youth).first()
    if consent and consent.given_at:
        entries.append(TimelineEntry(consent.given_at, "sms", _("Samtykke til SMS-kontakt registreret")))
    if consent and consent.withdrawn_at:
        entries.append(TimelineEntry(consent.withdrawn_at, "sms", _("Samtykke til SMS-kontakt trukket tilbage")))
    return entries
