"""The progression card on the youth overview (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.core.prepared import reads_ahead
from ungeforlob.progression import selectors
from ungeforlob.youth.models import Youth


@reads_ahead(lambda youth, today: [selectors._latest_assessment.read(youth_id=youth.pk),
                                   selectors._settings_row.read(municipality_id=youth.municipality_id)])
def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """The current level and the next reassessment."""
    current = selectors.current_level_for(youth)
    return {"summary": {"current": current, "rhythm": selectors.rhythm_for(youth, today=today, current=current)}}
