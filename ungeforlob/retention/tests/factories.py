"""A young person whose course ended on a given day, with a row of every kind the retention rules cover."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.testing import Personas, make_youth
from ungeforlob.youth.models import Course, Guardian, Youth


def ended_course(p: Personas, *, ended: datetime.date, first_name: str = "Sofie") -> Youth:
    """A young person of p's municipality with one course that ended on `ended`, and data of every kind: a
    journal note, an SMS, a concern, an assessment's rationale, a kept self-evaluation, a guardian, a goal, and
    two audit rows (a read by the contact person, one by the young person on Min side)."""
    from ungeforlob.chain.models import Concern, ConcernAction
    from ungeforlob.messaging.models import OutboundMessage
    from ungeforlob.plans.models import Goal, JournalNote, Profile
    from ungeforlob.progression.models import YouthPlacement
    from ungeforlob.progression.services import (
        self_evaluation_answer,
        self_evaluation_finish,
        self_evaluation_start,
    )

    youth = make_youth(p.contact_person, first_name=first_name, last_name="Lauridsen", mobile="+4521212121")
    Course.objects.filter(youth=youth).update(start_date=ended - datetime.timedelta(days=200), end_date=ended,
                                              end_reason="uddannelse")
    cp, now = p.contact_person, timezone.now()
    Guardian.objects.create(youth=youth, name="Hanne Lauridsen", relation="mor", phone="+4522222222")
    JournalNote.objects.create(youth=youth, text="Sofie fortalte om angst markør", author=cp, author_name="Mette Kjær")
    OutboundMessage.objects.create(youth=youth, kind="checkin", body="Hej Sofie markør", send_at=now, due_at=now,
                                   idempotency_key=f"test:{youth.pk}", to_number="+4521212121")
    concern = Concern.objects.create(youth=youth, category="fravaer", description="Fravær markør",
                                     raised_by=p.colleague, ack_due=timezone.localdate())
    ConcernAction.objects.create(concern=concern, text="Ringede hjem markør", created_by=cp)
    YouthPlacement.objects.create(youth=youth, level="kontaktparat", own_words="Jeg har det svært markør",
                                  placed_on=ended, by_youth=True)
    Goal.objects.create(youth=youth, text="Blive tømrer markør", position=1, written_by="ung")
    Profile.objects.get_or_create(youth=youth, defaults={"own_story": "Min historie markør"})
    round = self_evaluation_start(youth=youth, by_youth=True)
    self_evaluation_answer(round=round, answers={"mot1": 4}, goals={}, by_youth=True)
    self_evaluation_finish(round=round, keep=True, by_youth=True)
    audit_record(actor=cp, action=AuditAction.READ, youth=youth, object_type="youth")
    audit_record(actor=None, action=AuditAction.READ, youth=youth, actor_youth=youth, object_type="plan")
    return youth


def at(day: datetime.date, hour: int = 12) -> Any:
    """A moment on `day` in the local time zone (the rules count local days)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
