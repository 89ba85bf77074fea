"""Who may act on a follow-up: a thin predicate over `policy.roles_in_circle`.

Members in an editing role (the contact person among them) may act on every follow-up of the youth; any other
member may act on the follow-ups whose responsible role they hold (e.g. a teacher's follow-up meeting).
"""

from __future__ import annotations

from typing import Any

from ungeforlob import policy
from ungeforlob.transitions.models import FollowUp
from ungeforlob.youth.models import Youth


def can_act_on_followup(user: Any, youth: Youth, followup: FollowUp) -> bool:
    roles = policy.roles_in_circle(user, youth)
    return bool(roles & policy.EDITING_ROLES) or followup.responsible_role in roles
