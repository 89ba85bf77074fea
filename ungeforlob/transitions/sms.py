"""The schedule's SMS steps go through the messaging app's outbox; this is the one place that calls it.

Every follow-up has one stable idempotency key, "followup:<id>": saving or moving never queues a second
message. Moving a follow-up reschedules its queued message; cancelling or skipping withdraws it. The outbox
checks consent and mobile number when the message is due; a message it refuses (content rules) or cancels is
not retried here: the follow-up then shows on I dag, so a person takes the contact another way.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from ungeforlob.messaging import services as messaging
from ungeforlob.transitions.models import FollowUp

RELATED_TYPE = "transitions.followup"
MESSAGE_KIND = "scheduled"


def idempotency_key(followup: FollowUp) -> str:
    return f"followup:{followup.pk}"


def queue(*, followup: FollowUp, actor: Any) -> int | None:
    """Queue the follow-up's SMS for its due moment; the outbox message's id, or None when it was refused."""
    try:
        message = messaging.sms_enqueue(
            youth=followup.youth, body=followup.sms_body, kind=MESSAGE_KIND, send_at=followup.due_at,
            actor=actor, idempotency_key=idempotency_key(followup), related_type=RELATED_TYPE,
            related_id=str(followup.pk),
        )
    except ValidationError:  # the content rules refused the text (e.g. a sensitive word in the place's name)
        return None
    return message.pk


def reschedule(*, followup: FollowUp, actor: Any) -> int | None:
    """Move the queued message to the follow-up's (new) due moment with its (new) text."""
    try:
        message = messaging.sms_reschedule(idempotency_key=idempotency_key(followup), send_at=followup.due_at,
                                           body=followup.sms_body, actor=actor)
    except ValidationError:
        withdraw(followup=followup, actor=actor)
        return followup.message_id
    if message is None:
        return queue(followup=followup, actor=actor)
    return message.pk


def withdraw(*, followup: FollowUp, actor: Any) -> None:
    """Cancel the follow-up's message if it has not gone yet (one already sent is left as it is)."""
    messaging.sms_cancel(idempotency_key=idempotency_key(followup), actor=actor)
