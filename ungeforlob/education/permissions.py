"""Who may read and keep the education places, and who sets the attendance threshold.

Thin wrappers over `ungeforlob.policy`: the places hold no personal data of young people, so they are open to the
staff of the municipality; attendance is a young person's data and is reached through `policy.get_youth_for`.
"""

from __future__ import annotations

from typing import Any

from ungeforlob import policy


def may_read_places(user: Any) -> bool:
    """Every member of staff of a municipality reads its education places."""
    return bool(policy.is_staff_user(user) and user.municipality_id is not None)


def may_keep_places(user: Any) -> bool:
    """The staff of the youth effort (not partner organisations, not the DPO) enter, change and import education
    places."""
    return may_read_places(user) and not policy.is_partner(user) and not policy.is_dpo(user)


def may_set_threshold(user: Any) -> bool:
    """The municipality's threshold for absence: a leader or an administrator sets it."""
    return bool(policy.is_leader(user) and user.municipality_id is not None)
