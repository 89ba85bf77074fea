"""The chain's card on the youth overview (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.chain import selectors
from ungeforlob.chain.deadlines import is_overdue
from ungeforlob.chain.models import Concern
from ungeforlob.youth.models import Youth


def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """Open concerns and open KUI deadlines (two queries)."""
    open_concerns = list(Concern.objects.filter(youth=youth, closed_at__isnull=True).order_by("ack_due", "pk")[:5])
    for c in open_concerns:
        c.is_overdue = is_overdue(c.ack_due, c.acknowledged_at is not None)  # type: ignore[attr-defined]
    return {"open_concerns": open_concerns, "stops": [s for s in selectors.plan_stops_for(youth) if not s.is_resolved]}
