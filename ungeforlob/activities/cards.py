"""The fællesskaber card on the youth overview (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.activities.selectors import (
    _coming_signups,
    _recorded_signups,
    attendance_stability,
    stability_last,
)
from ungeforlob.core.prepared import reads_ahead
from ungeforlob.youth.models import Youth


@reads_ahead(lambda youth, today: [_recorded_signups.read(youth_id=youth.pk, n=stability_last()),
                                   _coming_signups.read(youth_id=youth.pk)])
def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """Her attendance stability over her last recorded sign-ups, and what she is signed up for (two queries)."""
    return {"stability": attendance_stability(youth)}
