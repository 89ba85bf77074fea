"""Marking notifications (staff) and notices (the young person) as read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import (
    StaffNotification,
    YouthNotice,
)
from ungeforlob.youth.models import Youth


@transaction.atomic
def notifications_mark_read(*, user: Any, pks: Iterable[int] | None = None) -> int:
    """Mark the user's own notifications read (all of them when `pks` is None)."""
    qs = StaffNotification.objects.filter(recipient=user, read_at__isnull=True)
    if pks is not None:
        qs = qs.filter(pk__in=list(pks))
    return qs.update(read_at=timezone.now())


@transaction.atomic
def notices_mark_read(*, youth: Youth, notice_ids: Iterable[Any]) -> int:
    """The young person has seen these notices in the portal: they leave "Nyt til dig" (kept, not deleted)."""
    ids = {int(i) for i in notice_ids if str(i).isdigit() and len(str(i)) <= 12}
    if not ids:
        return 0
    marked = (YouthNotice.objects.filter(youth=youth, pk__in=ids, read_at__isnull=True)
              .update(read_at=timezone.now()))
    if marked:
        audit_record(actor=None, actor_youth=youth, action=AuditAction.UPDATE, youth=youth,
                     object_type="youthnotice", detail={"marked_read": marked})
    return marked
