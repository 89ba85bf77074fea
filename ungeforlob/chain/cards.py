"""The chain's card on the youth overview (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet

from ungeforlob.chain import selectors
from ungeforlob.chain.deadlines import is_overdue
from ungeforlob.chain.models import Concern
from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.youth.models import Youth


@prepared(youth_id=int)
def _open_concerns(*, youth_id: int) -> QuerySet[Concern]:
    return Concern.objects.filter(youth_id=youth_id, closed_at__isnull=True).order_by("ack_due", "pk")[:5]


@reads_ahead(lambda youth, today: [_open_concerns.read(youth_id=youth.pk),
                                   selectors._plan_stops.read(youth_id=youth.pk)])
def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """Open concerns and open KUI deadlines (two queries)."""
    open_concerns = _open_concerns(youth_id=youth.pk)
    for c in open_concerns:
        c.youth = youth
        c.is_overdue = is_overdue(c.ack_due, c.acknowledged_at is not None)  # type: ignore[attr-defined]
    return {"open_concerns": open_concerns, "stops": [s for s in selectors.plan_stops_for(youth) if not s.is_resolved]}
