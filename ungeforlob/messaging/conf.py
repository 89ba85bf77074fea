"""The messaging app's knobs. Each has a default; a deployment may set it in settings."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

# Quiet hours are Danish local time whatever the server's zone.
LOCAL_TZ = ZoneInfo("Europe/Copenhagen")
QUIET_START = datetime.time(22, 0)
QUIET_END = datetime.time(7, 0)
MAX_BODY_LENGTH = 480  # three SMS segments


def quiet_hours_enabled() -> bool:
    """Only the drills (benchmark, kill test) turn the quiet hours off, so they measure the same at any hour."""
    return bool(getattr(settings, "SMS_QUIET_HOURS_ENABLED", True))


def _int(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def max_attempts() -> int:
    return _int("SMS_MAX_ATTEMPTS", 5)


def retry_base_seconds() -> int:
    return _int("SMS_RETRY_BASE_SECONDS", 30)


def retry_max_seconds() -> int:
    return _int("SMS_RETRY_MAX_SECONDS", 30 * 60)


def lease_seconds() -> int:
    return _int("SMS_LEASE_SECONDS", 60)


def http_timeout_seconds() -> float:
    return float(getattr(settings, "SMS_HTTP_TIMEOUT", 10))


def reminder_lead_hours() -> int:
    return _int("SMS_REMINDER_LEAD_HOURS", 24)


def checkin_open_days() -> int:
    return _int("SMS_CHECKIN_OPEN_DAYS", 7)


def wakeup_horizon_days() -> int:
    return _int("SMS_WAKEUP_HORIZON_DAYS", 7)


def wakeup_grace_minutes() -> int:
    """A wake-up that could not go out within this long after its time is dropped: it would only wake them late."""
    return _int("SMS_WAKEUP_GRACE_MINUTES", 90)


def gateway_name() -> str:
    return str(getattr(settings, "SMS_GATEWAY", "development"))


def sender_name() -> str:
    return str(getattr(settings, "SMS_SENDER_NAME", "Ungeforloeb"))[:11]
