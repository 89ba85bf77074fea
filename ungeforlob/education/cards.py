"""The youth overview's attendance card (registered in `ungeforlob.youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.core.prepared import reads_ahead
from ungeforlob.education.selectors import _last_weeks, attendance_card
from ungeforlob.youth.models import Youth


@reads_ahead(lambda youth, today: [_last_weeks.read(youth_id=youth.pk)])
def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    return attendance_card(youth, today=today)
