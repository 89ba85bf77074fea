"""Who may do what in the log review: the data protection officer reviews their own municipality's log; the
officer or an administrator exports it; the person asked about a read answers. Thin wrappers over the policy."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ungeforlob import policy
from ungeforlob.logreview import selectors
from ungeforlob.logreview.models import SampledRead


def may_review(user: Any) -> bool:
    return policy.is_dpo(user) and user.municipality_id is not None


def may_export(user: Any) -> bool:
    return (policy.is_dpo(user) or policy.is_administrator(user)) and user.municipality_id is not None


def require_reviewer(user: Any) -> None:
    if not may_review(user):
        raise PermissionDenied


def require_exporter(user: Any) -> None:
    if not may_export(user):
        raise PermissionDenied


def get_row_for_reviewer(user: Any, pk: Any) -> SampledRead:
    """A sampled read of the officer's own municipality, or 404 (the same for "not there" and "not yours")."""
    require_reviewer(user)
    row = selectors.row_for_reviewer(user, policy.pk_or_404(pk))
    if row is None:
        raise Http404
    return row


def get_row_for_answer(user: Any, pk: Any) -> SampledRead:
    """A read of the user's own that the officer asked about, or 404."""
    if not policy.is_staff_user(user):
        raise Http404
    row = selectors.row_for_answer(user, policy.pk_or_404(pk))
    if row is None:
        raise Http404
    return row
