"""The contact person's day (*I dag*), gathered from every capability.

Core knows no domain app, so each app declares its sources on its own `AppConfig`, for example
`ChainConfig.agenda_sources = ("<the app>.agenda.concern_items", ...)`.

A source is a function `(user, *, today) -> list[AgendaItem]` costing a fixed number of queries and
reading only through the access policy. A source that is empty for most people on most days declares a *probe*
(`@probed(...)`): the querysets whose rows it would show. `agenda_for` asks every probe in ONE query
(`SELECT EXISTS(…), EXISTS(…), …`) and calls only the sources that have something — a contact person's day
otherwise paid a query (about 1.5 ms to build, compile and run) for each of a dozen empty sources. `agenda_for` calls every installed app's sources (in the order of
INSTALLED_APPS; the result is sorted anyway). The transitions app renders the list (follow-ups are its own
items); progression adds reassessments due, chain adds concerns awaiting acknowledgement and legal deadlines.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils.module_loading import import_string

from ungeforlob.core.prepared import ahead, prepared


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


@dataclass(frozen=True)
class ProbeSQL:
    """A probe's query compiled once per process (`probe_query`): its SQL, selecting at most one row, and this
    request's parameters."""

    sql: str
    params: list[Any]


Probe = Callable[..., list["QuerySet[Any] | ProbeSQL | None"]]


def probe_query(**kinds: type) -> Callable[[Callable[..., QuerySet[Any]]], Callable[..., ProbeSQL | None]]:
    """A probe's queryset as a prepared query (`core.prepared`): the builder takes values (`user_id=int`,
    `ids=list`, `today=datetime.date` …) instead of the user, and is built and compiled once per process;
    called with this request's values it gives the `ProbeSQL` a probe returns (None when it can have no rows).
    A dozen probes built and compiled on every *I dag* cost some 5 ms (docs/benchmarks.md)."""

    def decorate(build: Callable[..., QuerySet[Any]]) -> Callable[..., ProbeSQL | None]:
        @functools.wraps(build)
        def first_row(**kwargs: Any) -> QuerySet[Any]:
            return build(**kwargs).order_by().values("pk")[:1]

        query = prepared(**kinds)(first_row)

        @functools.wraps(build)
        def bind(**values: Any) -> ProbeSQL | None:
            try:
                return ProbeSQL(*query.sql_with_params(**values))
            except EmptyResultSet:
                return None

        return bind

    return decorate


def probed(probe: Probe) -> Callable[[Callable[..., list[AgendaItem]]], Callable[..., list[AgendaItem]]]:
    """Declare a source's probe: `(user, *, today) -> [querysets]`, the rows the source would show (an empty list
    when the user can have none); a queryset may be given compiled ahead (`probe_query`). The source is called only when one of them has a row; it must show nothing
    that its probe does not cover."""

    def declare(source: Callable[..., list[AgendaItem]]) -> Callable[..., list[AgendaItem]]:
        source.probe = probe  # type: ignore[attr-defined]
        return source

    return declare


def _any_rows(probes: dict[int, list[QuerySet[Any] | ProbeSQL | None]]) -> set[int]:
    """The sources (by index) at least one of whose querysets has a row, in one query."""
    parts: list[str] = []
    params: list[Any] = []
    owners: list[int] = []
    for index, querysets in probes.items():
        for qs in querysets:
            if qs is None:  # a prepared probe that can have no rows
                continue
            if isinstance(qs, ProbeSQL):
                sql, qs_params = qs.sql, qs.params
            else:
                try:
                    sql, qs_params = qs.order_by().values("pk")[:1].query.sql_with_params()
                except EmptyResultSet:  # a `.none()`: nothing there
                    continue
            parts.append(f"EXISTS({sql})")
            params.extend(qs_params)
            owners.append(index)
    if not parts:
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return {owner for owner, found in zip(owners, row, strict=True) if found}


def agenda_for(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    sources: list[Callable[..., list[AgendaItem]]] = [import_string(path) for path in agenda_sources()]
    probes = {i: source.probe(user, today=today) for i, source in enumerate(sources) if hasattr(source, "probe")}
    found = _any_rows(probes)
    running = [source for i, source in enumerate(sources) if i not in probes or i in found]
    # What the sources to run will ask first goes to the database together (`core.prepared.reads_ahead`).
    reads = [read for source in running for read in getattr(source, "reads_ahead", lambda user, today: [])(user, today)]
    items: list[AgendaItem] = []
    with ahead(reads):
        for source in running:
            items.extend(source(user, today=today))
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.youth_name))
