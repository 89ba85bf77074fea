"""Writes for SMS contact. Each is atomic, validates with Danish messages, and records its own audit row.

By topic, as Zulip splits `zerver/actions/`:

* `consent`  — may the young person be written to at all; recording a yes, a withdrawal or a STOP.
* `outbound` — the outbox (`sms_enqueue`, `sms_cancel`, `sms_reschedule`, what other apps call) and the
  contact person's own messages in the conversation.
* `series`   — wake-ups, appointment reminders and check-in questions.
* `inbound`  — replies from young people and delivery receipts (the webhooks).

Everything is re-exported here, so `from ungeforlob.messaging.services import sms_enqueue` keeps working.
"""

from ungeforlob.messaging.services.consent import (
    consent_give,
    consent_is_active,
    consent_withdraw,
    require_sendable,
    staff_or_none,
)
from ungeforlob.messaging.services.inbound import (
    RECEIPT_DELIVERED,
    RECEIPT_FAILED,
    STOP_WAKEUP_WORDS,
    STOP_WORDS,
    checkin_answer,
    inbound_receive,
    match_youth,
    normalize_number,
    receipt_apply,
    youths_with_number,
)
from ungeforlob.messaging.services.outbound import (
    check_or_raise,
    clean_body,
    conversation_send,
    local_aware,
    normalize_key,
    normalize_kind,
    outbound_acknowledge_failure,
    outbound_cancel,
    outbound_retry,
    sms_cancel,
    sms_enqueue,
    sms_reschedule,
)
from ungeforlob.messaging.services.series import (
    WAKEUP_EARLIEST,
    WAKEUP_LATEST,
    WAKEUP_MAX_DAYS,
    checkin_create,
    default_wakeup_body,
    reminder_schedule,
    wakeup_create,
    wakeup_materialize,
    wakeup_stop,
)

__all__ = [
    "RECEIPT_DELIVERED",
    "RECEIPT_FAILED",
    "STOP_WAKEUP_WORDS",
    "STOP_WORDS",
    "WAKEUP_EARLIEST",
    "WAKEUP_LATEST",
    "WAKEUP_MAX_DAYS",
    "check_or_raise",
    "checkin_answer",
    "checkin_create",
    "clean_body",
    "consent_give",
    "consent_is_active",
    "consent_withdraw",
    "conversation_send",
    "default_wakeup_body",
    "inbound_receive",
    "local_aware",
    "match_youth",
    "normalize_key",
    "normalize_kind",
    "normalize_number",
    "outbound_acknowledge_failure",
    "outbound_cancel",
    "outbound_retry",
    "receipt_apply",
    "reminder_schedule",
    "require_sendable",
    "sms_cancel",
    "sms_enqueue",
    "sms_reschedule",
    "staff_or_none",
    "wakeup_create",
    "wakeup_materialize",
    "wakeup_stop",
    "youths_with_number",
]
