"""Reads of notifications and notices: each reader reads only their own."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.http import HttpRequest

from ungeforlob import policy
from ungeforlob.core.prepared import Read, prepared
from ungeforlob.notifications.models import StaffNotification, YouthNotice
from ungeforlob.youth.models import Youth


def notices_for_youth(youth: Youth) -> QuerySet[YouthNotice]:
    """What the portal shows the young person (e.g. "X joined your chain")."""
    return YouthNotice.objects.filter(youth=youth).order_by("-created_at", "-pk")


def notifications_for(user: Any, *, limit: int = 100) -> list[StaffNotification]:
    """The user's own latest notifications."""
    return list(StaffNotification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:limit])


def unread_count(user: Any) -> int:
    """How many of the user's own notifications are unread (one query; 0 for anyone not logged in)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    counted = _unread(recipient_id=user.pk)
    return counted[0] if counted else 0


def layout_reads(request: HttpRequest) -> list[Read]:
    """The main menu's unread count, read with the page's first reads (`core.layout`): every staff menu but the
    administrator's and the data protection officer's shows it (mainnav_primary.html)."""
    user = request.user
    if policy.is_administrator(user) or policy.is_dpo(user):
        return []
    return [_unread.read(recipient_id=user.pk)]


@prepared(recipient_id=int)
def _unread(*, recipient_id: int) -> QuerySet[StaffNotification]:
    return (StaffNotification.objects.filter(recipient_id=recipient_id, read_at__isnull=True).order_by()
            .values("recipient_id").annotate(n=Count("pk")).values_list("n", flat=True))
