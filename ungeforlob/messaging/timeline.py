"""Timeline entries for SMS contact: short, and never the content of a message."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.core.text import choice_label
from ungeforlob.messaging.models import (
    InboundMessage,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
    WakeUpStopReason,
)
from ungeforlob.youth.timeline import (
    PageSoFar,
    TimelineEntry,
    latest,
    newest_at,
    newest_by,
    newest_read,
    newest_rows,
    older_than,
)


def weekdays_text(series: WakeUpSeries) -> str:
    """"man, ons, fre" in the active language (Django's own weekday abbreviations)."""
    return ", ".join(str(WEEKDAYS_ABBR[d]) for d in series.weekday_list)


def _sent(youth_id: int) -> QuerySet[OutboundMessage]:
    return OutboundMessage.objects.filter(youth_id=youth_id).filter(
        status__in=[MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED]
    ).exclude(kind__in=[MessageKind.WAKEUP, MessageKind.LOGIN_CODE])


_SENT_AT = ("sent_at", "failed_at", "send_at")


@prepared(youth_id=int)
def _sent_rows(*, youth_id: int, limit: int | None) -> QuerySet[OutboundMessage]:
    return newest_by(_sent(youth_id).select_related("created_by"), Coalesce(*_SENT_AT), limit)


@prepared(youth_id=int)
def _replies(*, youth_id: int, limit: int | None) -> QuerySet[InboundMessage]:
    return newest_by(InboundMessage.objects.filter(youth_id=youth_id).only("received_at", "is_stop", "checkin_id"),
                     "received_at", limit)


@prepared(youth_id=int)
def _wakeups(*, youth_id: int) -> QuerySet[WakeUpSeries]:
    return WakeUpSeries.objects.filter(youth_id=youth_id)


@prepared(youth_id=int)
def _sms_consent(*, youth_id: int) -> QuerySet[SmsConsent]:
    """`.first()`: her consent (one at most), the first by id."""
    consents = SmsConsent.objects.filter(youth_id=youth_id)
    return (consents if consents.ordered else consents.order_by("pk"))[:1]


@reads_ahead(lambda youth, limit: [*newest_read(_sent_rows, youth_id=youth.pk, limit=limit),
                                   *newest_read(_replies, youth_id=youth.pk, limit=limit),
                                   _wakeups.read(youth_id=youth.pk), _sms_consent.read(youth_id=youth.pk)])
@newest_at(lambda youth: [
    (_sent(youth.pk), Coalesce(*_SENT_AT)),
    (InboundMessage.objects.filter(youth=youth), "received_at"),
    (WakeUpSeries.objects.filter(youth=youth), latest("created_at", "stopped_at")),
    (SmsConsent.objects.filter(youth=youth),
     Greatest(Coalesce("given_at", "withdrawn_at"), Coalesce("withdrawn_at", "given_at"))),
])
def sms_entries(youth: Any, *, limit: int | None = None, page: PageSoFar | None = None) -> list[TimelineEntry]:
    """Sent and failed messages (wake-ups as one entry per series), replies, and the consent. Four queries; with
    `limit`, the messages and replies are only the newest `limit` of each, read until the page's last moment so
    far (`page.since`: none older can reach it)."""
    page = page or PageSoFar.whole()
    entries: list[TimelineEntry] = []
    tz = timezone.get_current_timezone()
    for m in newest_rows(_sent_rows, youth_id=youth.pk, limit=limit):
        if older_than(m.sent_at or m.failed_at or m.send_at, page.since, tz):
            break
        m.youth = youth
        if m.status == MessageStatus.FAILED:
            title = _("SMS kunne ikke sendes (%(kind)s)") % {"kind": choice_label(MessageKind, m.kind).lower()}
        else:
            title = _("SMS sendt (%(kind)s)") % {"kind": choice_label(MessageKind, m.kind).lower()}
        by = m.created_by.get_full_name() if m.created_by else ""
        entries.append(TimelineEntry(m.sent_at or m.failed_at or m.send_at, "sms", title, by=by))
    page.tighten(entries)
    for r in newest_rows(_replies, youth_id=youth.pk, limit=limit):
        if older_than(r.received_at, page.since, tz):
            break
        if r.is_stop:
            title = _("Den unge svarede STOP og modtager ikke flere SMS'er")
        elif r.checkin_id:
            title = _("Den unge svarede på et tjek-ind")
        else:
            title = _("SMS fra den unge")
        entries.append(TimelineEntry(r.received_at, "sms", title))
    for s in _wakeups(youth_id=youth.pk):
        entries.append(TimelineEntry(s.created_at, "sms", _("Vækning aftalt kl. %(time)s (%(days)s)")
                                     % {"time": s.time_of_day.strftime("%H.%M"), "days": weekdays_text(s)}))
        if s.stopped_at:
            entries.append(TimelineEntry(s.stopped_at, "sms", _("Vækningen stoppede: %(reason)s")
                                         % {"reason": choice_label(WakeUpStopReason, s.stopped_reason).lower()}))
    consent = next(iter(_sms_consent(youth_id=youth.pk)), None)
    if consent and consent.given_at:
        entries.append(TimelineEntry(consent.given_at, "sms", _("Samtykke til SMS-kontakt registreret")))
    if consent and consent.withdrawn_at:
        entries.append(TimelineEntry(consent.withdrawn_at, "sms", _("Samtykke til SMS-kontakt trukket tilbage")))
    return entries
