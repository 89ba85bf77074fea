"""Who may read and change a young person's plan: thin predicates over `policy.roles_in_circle`.

* Every active member of the circle may read the profile, plan, history and notes.
* The contact person and members in `policy.EDITING_ROLES` may change them.
* The young person acts through the portal (`by_youth=True` in the services); the portal identifies them.
"""

from __future__ import annotations

from typing import Any

from ungeforlob import policy
from ungeforlob.youth.models import Youth


def can_read_plan(user: Any, youth: Youth) -> bool:
    return bool(policy.roles_in_circle(user, youth))


def can_edit_plan(user: Any, youth: Youth) -> bool:
    return bool(policy.roles_in_circle(user, youth) & policy.EDITING_ROLES)
