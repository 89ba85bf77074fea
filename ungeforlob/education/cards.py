"""The youth overview's attendance card (registered in `ungeforlob.youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.education.selectors import attendance_card
from ungeforlob.youth.models import Youth


def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    return attendance_card(youth, today=today)
