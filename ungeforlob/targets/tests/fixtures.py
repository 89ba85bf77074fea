"""A municipality small enough to count by hand: helpers that put rows on fixed dates."""

from __future__ import annotations

import datetime
import itertools
from typing import Any
from zoneinfo import ZoneInfo

from ungeforlob.chain.models import Concern
from ungeforlob.messaging.models import CheckIn, InboundMessage, MessageKind, MessageStatus, OutboundMessage
from ungeforlob.plans.models import JournalNote, PlanMeeting
from ungeforlob.testing import make_youth
from ungeforlob.transitions.models import Station, Transition
from ungeforlob.youth.models import Course, Youth

TZ = ZoneInfo("Europe/Copenhagen")
_n = itertools.count(1)


def at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TZ)


def youth_with_course(contact: Any, start: datetime.date, end: datetime.date | None = None) -> Youth:
    """A young person whose only course runs from `start` (to `end`)."""
    n = next(_n)
    youth = make_youth(contact, first_name=f"Tal{n}", mobile=f"+457{n:07d}")
    Course.objects.filter(youth=youth).update(start_date=start, end_date=end, end_reason="andet" if end else "")
    return youth


def education_start(youth: Youth, start: datetime.date, *, kind: str = "eud_gf1", end: datetime.date | None = None,
                    reason: str = "", cancelled: bool = False) -> Transition:
    station = Station.objects.create(youth=youth, kind=kind, start_date=start, end_date=end, end_reason=reason)
    return Transition.objects.create(youth=youth, to_station=station,
                                     cancelled_at=at(start) if cancelled else None)


def concern(youth: Youth, by: Any, raised: datetime.date, due: datetime.date, acknowledged: datetime.date | None = None,
            *, response_minutes: int | None = None, escalated: bool = False) -> Concern:
    c = Concern.objects.create(youth=youth, category="trivsel", description="x", raised_by=by, ack_due=due)
    Concern.objects.filter(pk=c.pk).update(
        raised_at=at(raised, 9), acknowledged_at=at(acknowledged, 15) if acknowledged else None,
        response_minutes=response_minutes, escalated_at=at(due, 18) if escalated else None)
    return c


def sms_out(youth: Youth, day: datetime.date, *, status: str = MessageStatus.SENT,
            kind: str = MessageKind.CONVERSATION) -> OutboundMessage:
    return OutboundMessage.objects.create(
        youth=youth, kind=kind, body="Hej", status=status, send_at=at(day), due_at=at(day),
        sent_at=at(day) if status in (MessageStatus.SENT, MessageStatus.DELIVERED) else None,
        idempotency_key=f"test:{next(_n)}")


def sms_in(youth: Youth, day: datetime.date) -> InboundMessage:
    return InboundMessage.objects.create(youth=youth, from_number=youth.mobile, body="ok", received_at=at(day))


def checkin_answered(youth: Youth, day: datetime.date) -> CheckIn:
    message = sms_out(youth, day - datetime.timedelta(days=40), status=MessageStatus.FAILED, kind=MessageKind.CHECKIN)
    return CheckIn.objects.create(youth=youth, question="Hvordan gik det?", message=message, status="answered",
                                  answer="godt", answered_at=at(day))


def note(youth: Youth, day: datetime.date) -> JournalNote:
    n = JournalNote.objects.create(youth=youth, text="notat", author_name="Test")
    JournalNote.objects.filter(pk=n.pk).update(created_at=at(day))
    return n


def meeting(youth: Youth, day: datetime.date) -> PlanMeeting:
    return PlanMeeting.objects.create(youth=youth, held_on=day)
