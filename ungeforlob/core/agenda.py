"""The contact person's day (*I dag*), gathered from every capability.

Each source is a function `(user, *, today) -> list[AgendaItem]` costing a fixed number of queries and
reading only through the access policy; apps add theirs to AGENDA_SOURCES. The transitions app renders
the list (follow-ups are its own items); progression adds reassessments due, chain adds concerns awaiting
acknowledgement and legal deadlines.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class AgendaItem:
    due: datetime.date
    kind: str  # "opfoelgning", "revurdering", "bekymring", "frist", ...
    title: str
    youth_id: int | None = None
    youth_name: str = ""
    url: str = ""
    overdue: bool = False
    detail: str = ""
    # Actions the agenda can offer for this item (e.g. {"done": url, "move": url, "skip": url}).
    actions: dict[str, str] = field(default_factory=dict)


AGENDA_SOURCES: list[str] = [
    "ungeforlob.chain.agenda.concern_items",
    "ungeforlob.chain.agenda.legal_deadline_items",
    "ungeforlob.chain.agenda.handover_items",
    "ungeforlob.transitions.agenda.followup_items",
    "ungeforlob.progression.agenda.reassessments_due",
    "ungeforlob.messaging.agenda.sms_items",
    "ungeforlob.portal.agenda.wish_items",
]


def agenda_for(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for path in AGENDA_SOURCES:
        source: Callable[..., list[AgendaItem]] = import_string(path)
        items.extend(source(user, today=today))
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.youth_name))
