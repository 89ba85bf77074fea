"""Who may edit the municipality's shared language, and an organisation's approach (thin wrappers over policy)."""

from __future__ import annotations

from typing import Any

from ungeforlob import policy


def may_read(user: Any) -> bool:
    """Every member of staff in a municipality reads the shared language (it holds no personal data)."""
    return bool(policy.is_staff_user(user) and user.municipality_id is not None)


def may_edit_vocabulary(user: Any) -> bool:
    """The municipality's agreed texts (glossary, role descriptions, method tags, age bounds) are kept by its
    leaders and administrators."""
    return bool(may_read(user) and policy.is_leader(user))


def may_edit_approach(user: Any, organisation: Any) -> bool:
    """An organisation describes its own approach: its members (leaders included) and the administrators of
    its municipality."""
    if not may_read(user) or organisation.municipality_id != user.municipality_id:
        return False
    return user.organisation_id == organisation.pk or policy.is_administrator(user)
