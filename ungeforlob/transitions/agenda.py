"""The transitions app's items on I dag (declared in `TransitionsConfig.agenda_sources`)."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.core.agenda import AgendaItem
from ungeforlob.core.prepared import reads_ahead
from ungeforlob.transitions.selectors import agenda_items, agenda_reads


@reads_ahead(lambda user, today: agenda_reads(user, today=today))
def followup_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    return agenda_items(user, today=today)
