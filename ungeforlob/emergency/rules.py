"""Who may break the glass, and for how long the access lasts.

How long: "til arbejdsdagens slut næste arbejdsdag". Access opened at any time on a given day lasts until the
end of the working day (EMERGENCY_WORKDAY_END_HOUR, default 16) of the next Danish working day after that day
(weekends and public holidays skipped, `core.workdays`). An emergency on Tuesday morning is open until
Wednesday 16:00; on Friday night, until Monday 16:00. So the access covers the rest of the emergency and one
whole working day in which the circle can take over — never less than a working day, never a weekend more.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.accounts.models import Role
from ungeforlob.core.workdays import next_working_day
from ungeforlob.emergency.models import EmergencySettings


def workday_end_hour() -> int:
    return int(getattr(settings, "EMERGENCY_WORKDAY_END_HOUR", 16))


def access_ends_at(moment: datetime.datetime) -> datetime.datetime:
    """The end of the next working day after the day of `moment` (local time)."""
    day = next_working_day(timezone.localtime(moment).date() + datetime.timedelta(days=1))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(workday_end_hour(), 0)))


def settings_for(municipality_id: int | None) -> EmergencySettings | None:
    if municipality_id is None:
        return None
    return EmergencySettings.objects.filter(municipality_id=municipality_id).first()


def may_break_glass(user: Any, emergency_settings: EmergencySettings | None = None) -> bool:
    """A professional (not a leader or administrator) of a sector the municipality has opened emergency
    access for, while it is on."""
    if not policy.is_staff_user(user) or user.role != Role.PROFESSIONAL or user.organisation_id is None:
        return False
    chosen = emergency_settings or settings_for(user.municipality_id)
    return bool(chosen and chosen.enabled and user.organisation.sector in (chosen.sectors or []))


def may_review(user: Any) -> bool:
    """A leader of the municipality (not the administrator, who runs the system and sees no records)."""
    return policy.is_staff_user(user) and user.role == Role.LEADER and user.municipality_id is not None
