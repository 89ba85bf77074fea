"""The contact person's day (*I dag*), gathered from every capability.

Core knows no domain app, so each app declares its sources on its own `AppConfig`, for example
`ChainConfig.agenda_sources = ("<the app>.agenda.concern_items", ...)`.

A source is a function `(user, *, today) -> list[AgendaItem]` costing a fixed number of queries and
reading only through the access policy. `agenda_for` calls every installed app's sources (in the order of
INSTALLED_APPS; the result is sorted anyway). The transitions app renders the list (follow-ups are its own
items); progression adds reassessments due, chain adds concerns awaiting acknowledgement and legal deadlines.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
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


def agenda_sources() -> list[str]:
    """The dotted paths every installed app declares as `agenda_sources` on its AppConfig."""
    return [path for config in apps.get_app_configs() for path in getattr(config, "agenda_sources", ())]


def agenda_for(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for path in agenda_sources():
        source: Callable[..., list[AgendaItem]] = import_string(path)
        items.extend(source(user, today=today))
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.youth_name))
