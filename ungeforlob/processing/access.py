"""Who may read the record of processing: the data protection officer and the administrator of the municipality."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ungeforlob import policy


def may_read_record(user: Any) -> bool:
    return (policy.is_dpo(user) or policy.is_administrator(user)) and user.municipality_id is not None


def require_record_reader(user: Any) -> None:
    if not may_read_record(user):
        raise PermissionDenied
