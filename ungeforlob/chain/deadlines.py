"""When a concern must be acknowledged, counted in Danish working days.

A concern is due at the end of a working day (CHAIN_WORKDAY_END_HOUR, default 16:00 Europe/Copenhagen):
default one working day after it was raised, a severe one the same working day (CHAIN_CONCERN_ACK_WORKING_DAYS
configures the number per severity). One raised after the end of the working day, or on a weekend or public
holiday, counts as raised on the next working day. Past that moment, unacknowledged, it escalates.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ungeforlob.core.workdays import add_working_days, is_working_day, next_working_day

DEFAULT_ACK_WORKING_DAYS = {"lav": 1, "middel": 1, "alvorlig": 0}


def workday_end() -> datetime.time:
    return datetime.time(int(getattr(settings, "CHAIN_WORKDAY_END_HOUR", 16)), 0)


def ack_due_for(severity: str, day: datetime.date) -> datetime.date:
    """The working day by which a concern raised (during working hours) on `day` must be acknowledged."""
    configured = {**DEFAULT_ACK_WORKING_DAYS, **getattr(settings, "CHAIN_CONCERN_ACK_WORKING_DAYS", {})}
    return add_working_days(day, int(configured.get(severity, 1)))


def effective_raise_day(moment: datetime.datetime) -> datetime.date:
    local = timezone.localtime(moment)
    day = local.date()
    if not is_working_day(day):
        return next_working_day(day)
    if local.time() >= workday_end():
        return add_working_days(day, 1)
    return day


def ack_due_at(severity: str, moment: datetime.datetime) -> datetime.date:
    return ack_due_for(severity, effective_raise_day(moment))


def _passed_today(now: datetime.datetime) -> bool:
    return timezone.localtime(now).time() >= workday_end()


def overdue_q(now: datetime.datetime | None = None, prefix: str = "") -> Q:
    """Unacknowledged and past the deadline (a filter on Concern, or through `prefix`)."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    due = Q(**{f"{prefix}ack_due__lt": today})
    if _passed_today(now):
        due |= Q(**{f"{prefix}ack_due": today})
    return Q(**{f"{prefix}acknowledged_at__isnull": True}) & due


def is_overdue(ack_due: datetime.date, acknowledged: bool, now: datetime.datetime | None = None) -> bool:
    if acknowledged:
        return False
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    return ack_due < today or (ack_due == today and _passed_today(now))
