"""Who may write a young person's progression: one question to the access policy."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ungeforlob import policy
from ungeforlob.youth.models import Youth


def check_writer(*, actor: Any, youth: Youth, by_youth: bool = False) -> None:
    """A write is made by the young person themself (`by_youth` with no staff actor, authenticated by the
    portal) or by staff allowed `Action.WRITE_PROGRESSION`. Anything else is refused."""
    if by_youth and actor is None:
        return
    if actor is None or not policy.can(actor, policy.Action.WRITE_PROGRESSION, youth):
        raise PermissionDenied
