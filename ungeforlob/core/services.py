"""Writes of the core app: housekeeping that holds no personal data."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.core.models import FormSubmission


def form_submissions_prune(*, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    """Delete one-time form tokens older than `older_than` (a worker job); returns how many went."""
    deleted, _rows = FormSubmission.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
