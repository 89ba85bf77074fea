"""The outbox contract other apps rely on: sms_enqueue, sms_cancel, sms_reschedule."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.messaging.conf import LOCAL_TZ
from ungeforlob.messaging.models import MessageKind, MessageStatus, OutboundMessage
from ungeforlob.messaging.rules import ContentWarning
from ungeforlob.messaging.services import sms_cancel, sms_enqueue, sms_reschedule
from ungeforlob.testing import Personas


def _local(day_offset: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=day_offset)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LOCAL_TZ)


def test_it_writes_one_row_and_an_audit_event(p: Personas) -> None:
    msg = sms_enqueue(youth=p.youth, body="Husk vores aftale i morgen", kind="reminder", actor=p.contact_person,
                      send_at=_local(1, 12))
    assert msg.status == MessageStatus.QUEUED
    assert msg.kind == MessageKind.REMINDER
    assert msg.send_at == _local(1, 12)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="outboundmessage",
                                     object_id=str(msg.pk), youth_id=p.youth.pk).exists()


def test_the_same_idempotency_key_returns_the_existing_row(p: Personas) -> None:
    first = sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", idempotency_key="followup:1")
    again = sms_enqueue(youth=p.youth, body="Hej igen", kind="scheduled", idempotency_key="followup:1")
    assert again.pk == first.pk
    assert again.body == "Hej"
    assert OutboundMessage.objects.count() == 1


def test_a_very_long_key_still_deduplicates(p: Personas) -> None:
    key = "x" * 500
    first = sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", idempotency_key=key)
    assert sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", idempotency_key=key).pk == first.pk


def test_quiet_hours_move_a_message_to_seven_in_the_morning(p: Personas) -> None:
    msg = sms_enqueue(youth=p.youth, body="Godnat", kind="scheduled", send_at=_local(1, 23, 30))
    assert msg.send_at == _local(2, 7)
    assert msg.quiet_shifted
    early = sms_enqueue(youth=p.youth, body="Tidligt", kind="scheduled", send_at=_local(1, 5, 0))
    assert early.send_at == _local(1, 7)


def test_a_wake_up_may_go_in_the_quiet_hours(p: Personas) -> None:
    msg = sms_enqueue(youth=p.youth, body="Godmorgen!", kind="wakeup", send_at=_local(1, 6, 15))
    assert msg.send_at == _local(1, 6, 15)
    assert not msg.quiet_shifted


def test_it_refuses_a_cpr_number(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        sms_enqueue(youth=p.youth, body="Dit CPR er 010203-1234", kind="conversation")
    assert "CPR" in exc.value.message_dict["body"][0]
    assert not OutboundMessage.objects.exists()


def test_it_refuses_another_youths_name(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        sms_enqueue(youth=p.youth, body="Tag Mikkel Olsen med i morgen", kind="conversation")
    assert "anden ung" in exc.value.message_dict["body"][0]


def test_the_youths_own_name_is_fine(p: Personas) -> None:
    assert sms_enqueue(youth=p.youth, body="Hej Josefine Hansen", kind="conversation").pk


def test_a_health_word_is_a_warning_that_can_be_accepted(p: Personas) -> None:
    with pytest.raises(ContentWarning) as exc:
        sms_enqueue(youth=p.youth, body="Husk din tid hos psykiateren", kind="reminder")
    assert "psykiateren" in exc.value.message_dict["body"][0]
    msg = sms_enqueue(youth=p.youth, body="Husk din tid hos psykiateren", kind="reminder", accept_warnings=True)
    assert msg.warning_accepted


def test_politics_is_not_police(p: Personas) -> None:
    assert sms_enqueue(youth=p.youth, body="Vi kan tale om politik", kind="conversation").pk


def test_cancel_stops_a_queued_message_and_leaves_a_sent_one(p: Personas) -> None:
    msg = sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", idempotency_key="k1", send_at=_local(1, 12))
    assert sms_cancel(idempotency_key="k1").status == MessageStatus.CANCELLED
    sent = sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", idempotency_key="k2")
    OutboundMessage.objects.filter(pk=sent.pk).update(status=MessageStatus.SENT)
    assert sms_cancel(idempotency_key="k2").status == MessageStatus.SENT
    assert sms_cancel(idempotency_key="unknown") is None
    assert msg.pk


def test_reschedule_moves_a_queued_message_and_applies_quiet_hours(p: Personas) -> None:
    sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", idempotency_key="k", send_at=_local(1, 12))
    moved = sms_reschedule(idempotency_key="k", send_at=_local(2, 22, 30), body="Ny tekst")
    assert moved.send_at == _local(3, 7)
    assert moved.due_at == _local(3, 7)
    assert moved.body == "Ny tekst"
    assert sms_reschedule(idempotency_key="nope", send_at=_local(2, 12)) is None


def test_unknown_kinds_are_notices(p: Personas) -> None:
    assert sms_enqueue(youth=p.youth, body="Hej", kind="handover").kind == MessageKind.NOTICE


def test_an_answer_given_on_min_side_closes_only_that_young_persons_open_check_in_about_the_same_thing(
        consented: Personas) -> None:
    from ungeforlob.messaging.models import CheckInStatus
    from ungeforlob.messaging.services import checkin_answer, checkin_create

    p = consented
    about = {"related_type": "plans.activity", "related_id": 7}
    checkin = checkin_create(actor=p.contact_person, youth=p.youth, question="Hvordan gik praktikken?", **about)
    assert checkin_answer(youth=p.other_youth, answer="Ikke min", **about) is None
    assert checkin_answer(youth=p.youth, related_type="plans.activity", related_id=8, answer="Forkert") is None
    answered = checkin_answer(youth=p.youth, answer="Det gik godt", **about)
    assert answered is not None and answered.pk == checkin.pk
    checkin.refresh_from_db()
    assert checkin.status == CheckInStatus.ANSWERED and checkin.answer == "Det gik godt"
    assert checkin_answer(youth=p.youth, answer="Igen", **about) is None  # an answered one stays as answered
    assert AuditEvent.objects.filter(actor_youth_id=p.youth.pk, object_type="checkin",
                                     action=AuditAction.UPDATE).count() == 1
