from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode


@dataclass(frozen=True)
class OutsiderCase:
    """One request an outsider must be refused. See core/tests/test_policy_coverage.py."""

    url_name: str
    url: str
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    as_json: bool = False
    # 404 for youth data (not visible = not existing), 403 for role-restricted pages.
    refused_statuses: tuple[int, ...] = (403, 404)
    # Personas for whom this URL is legitimately allowed (e.g. a leader on an aggregate page).
    allowed_for: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        return "application/json" if self.as_json else "application/x-www-form-urlencoded"

    def encoded_data(self) -> str:
        if self.as_json:
            return json.dumps(self.data)
        return urlencode(self.data, doseq=True)
