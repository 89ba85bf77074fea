"""Writes for the young person's own pages (Min side) and the contact person's answers to them, by topic.

* `login`    – one-time login codes sent by SMS
* `records`  – anonymous feedback, the data export and reading one's own data (logged)
* `checkins` – check-ins on Min plan and the contact person's side of them (seen, sub-goal reached)
* `wishes`   – Mine ønsker (goal, sub-goal, activity, an offer to hear more about) and the answer to them
* `consents` – Mine samtykker and overleveringer (withdrawing a consent, stopping SMS, commenting a handover)
* `choosing` – a professional's presentation and the young person's proposal of a contact person
"""

from ungeforlob.portal.services.checkins import (
    CHECKIN_DONE,
    CHECKIN_NOT,
    LINE_MAX,
    REACHED_CONFIRM,
    REACHED_DECLINE,
    checkin_record,
    checkins_seen,
    reached_answer,
)
from ungeforlob.portal.services.choosing import (
    GOOD_AT_MAX,
    PROPOSAL_DECISIONS,
    WHY_MAX,
    contact_proposal_create,
    contact_proposal_handle,
    presentation_save,
)
from ungeforlob.portal.services.consents import (
    my_consent_withdraw,
    my_handover_comment,
    my_sms_consent_withdraw,
)
from ungeforlob.portal.services.login import (
    CODE_LIFETIME,
    CODE_WINDOW,
    MAX_ATTEMPTS,
    MAX_CODES_PER_WINDOW,
    login_code_request,
    login_code_verify,
)
from ungeforlob.portal.services.records import export_record, feedback_give, portal_read
from ungeforlob.portal.services.wishes import (
    REPLY_MAX,
    WISH_ACCEPT,
    WISH_DISCUSS,
    WISH_MAX,
    goal_room,
    goals_full_message,
    offer_interest,
    wish_create,
    wish_handle,
)

__all__ = [
    "CHECKIN_DONE", "CHECKIN_NOT", "CODE_LIFETIME", "CODE_WINDOW", "GOOD_AT_MAX", "LINE_MAX", "MAX_ATTEMPTS",
    "MAX_CODES_PER_WINDOW", "PROPOSAL_DECISIONS", "REACHED_CONFIRM", "REACHED_DECLINE", "REPLY_MAX", "WHY_MAX",
    "WISH_ACCEPT", "WISH_DISCUSS", "WISH_MAX", "checkin_record", "checkins_seen", "contact_proposal_create",
    "contact_proposal_handle", "export_record", "feedback_give", "goal_room", "goals_full_message",
    "login_code_request", "login_code_verify", "my_consent_withdraw", "my_handover_comment",
    "my_sms_consent_withdraw", "offer_interest", "portal_read", "presentation_save", "reached_answer",
    "wish_create", "wish_handle",
]
