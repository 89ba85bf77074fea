"""Who may read and write a young person's progression: thin predicates over the access policy.

* Read: anyone with an active role in the youth's circle (views reach the youth through
  `policy.get_youth_for`, which also logs the read).
* Write (assess, correct, record the youth's placement, run a self-evaluation with the youth): the contact
  person and the roles in `policy.EDITING_ROLES`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ungeforlob import policy
from ungeforlob.youth.models import Youth


def may_read_progression(user: Any, youth: Youth) -> bool:
    return bool(policy.roles_in_circle(user, youth))


def may_write_progression(user: Any, youth: Youth) -> bool:
    return bool(policy.roles_in_circle(user, youth) & policy.EDITING_ROLES)


def check_writer(*, actor: Any, youth: Youth, by_youth: bool = False) -> None:
    """A write is made by the young person themself (`by_youth`, authenticated by the portal) or by staff
    allowed to write. Anything else is refused."""
    if by_youth and actor is None:
        return
    if actor is None or not may_write_progression(actor, youth):
        raise PermissionDenied
