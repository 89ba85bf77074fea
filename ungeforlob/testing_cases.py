"""The two kinds of case every URL of the project needs (see ungeforlob/tests/test_policy_coverage.py).

* `OutsiderCase` (in each app's `tests/outsider_cases.py`): a request that an outsider, a leader and a
  professional of another municipality must be refused, writing nothing.
* `SuccessCase` (in each app's `tests/success_cases.py`): the same URL for its rightful user, who must
  succeed — a GET renders, a valid POST has its effect (checked by `effect`). A POST is a write: the
  read-only member of the circle (`p.reader`) must be refused it, unless the case says `reader_may=True`.

Cases are matched to URL patterns by *resolving* their `url`, so a mistyped path cannot pass as covered.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode


@dataclass(frozen=True)
class _Request:
    url_name: str
    url: str
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    as_json: bool = False
    # Request headers (e.g. a provider's `Authorization: Bearer …` on a webhook).
    headers: dict[str, str] = field(default_factory=dict)
    # Settings in force for this request (e.g. {"DEBUG": True} for development-only pages).
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return "application/json" if self.as_json else "application/x-www-form-urlencoded"

    def encoded_data(self) -> str:
        if self.as_json:
            return json.dumps(self.data)
        return urlencode(self.data, doseq=True)

    @property
    def is_write(self) -> bool:
        return self.method.lower() not in {"get", "head", "options"}


@dataclass(frozen=True)
class OutsiderCase(_Request):
    """One request an outsider must be refused."""

    # 404 for youth data (not visible = not existing), 403 for role-restricted pages.
    refused_statuses: tuple[int, ...] = (403, 404)
    # Personas for whom this URL is legitimately allowed (e.g. a leader on an aggregate page).
    allowed_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class SuccessCase(_Request):
    """One request its rightful user must succeed with.

    `who` names the persona (an attribute of `Personas`; "youth" logs in on Min side as `p.youth`).
    `statuses` defaults to 200 for a GET and a redirect (302) for a POST. `effect` is called with the
    response after the request and must return a truthy value (e.g. "the row exists"); it is required for
    every write. `contains` is text the response body must contain. Each case runs in a savepoint that is
    rolled back afterwards, so cases do not see each other's effects.
    """

    who: str = "contact_person"
    statuses: tuple[int, ...] = ()
    effect: Callable[[Any], Any] | None = None
    contains: str = ""
    # A write the read-only member of the circle may also make (e.g. raising a concern).
    reader_may: bool = False
    # A list of young people: the response names `p.youth` and the list wrote its audit row for them.
    lists_youth: bool = False

    @property
    def expected_statuses(self) -> tuple[int, ...]:
        if self.statuses:
            return self.statuses
        return (302,) if self.is_write else (200,)
