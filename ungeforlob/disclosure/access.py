"""Who may withhold something from a young person's own view (a thin predicate over the access policy)."""

from __future__ import annotations

from typing import Any

from ungeforlob import policy
from ungeforlob.chain.models import ChainRole
from ungeforlob.youth.models import Youth

# Withholding limits the young person's right of access: it is a decision of the authority, not of every
# member of the circle. The contact person (who holds the course together) and the caseworker (who makes
# the municipality's decisions) may make it; a mentor, a teacher or a volunteer may not. Leaders never reach
# a young person's record (aggregates only), so they do not decide this one item at a time.
DECIDING_ROLES: frozenset[str] = frozenset({ChainRole.CONTACT_PERSON, ChainRole.CASEWORKER})


def may_withhold(user: Any, youth: Youth) -> bool:
    return bool(policy.roles_in_circle(user, youth) & DECIDING_ROLES)
