"""Reads of notifications and notices: each reader reads only their own."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

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
    return StaffNotification.objects.filter(recipient=user, read_at__isnull=True).count()
