"""Who may do what with SMS, as thin wrappers over the access policy."""

from __future__ import annotations

from typing import Any

from ungeforlob import policy


def may_send_sms(user: Any, youth: Any) -> bool:
    """Write to the youth, set up wake-ups, reminders and check-ins, record consent: the contact person and
    members of the circle in an editing role. Everyone in the circle may read the conversation."""
    return bool(policy.roles_in_circle(user, youth) & (policy.EDITING_ROLES))
