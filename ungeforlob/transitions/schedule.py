"""Pure date and text rules of the schedule (no database): due dates, SMS texts, months.

Offsets are counted from the transition date (the new station's start date). A step marked "working days"
counts Danish working days (`core.workdays`); otherwise calendar days. Times are Danish wall-clock times.
"""

from __future__ import annotations

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob.core.workdays import add_working_days

SMS_FIELDS = ("fornavn", "kontaktperson", "startdato", "sted")
_FIELD = re.compile(r"\{([^{}]*)\}")
# SMS steps are sent in daytime only: no message at night, and no wall-clock time inside a DST gap (02-03).
SMS_EARLIEST = datetime.time(7, 0)
SMS_LATEST = datetime.time(21, 0)
MAX_OCCURRENCES = 60


def due_date(start: datetime.date, offset: int, *, working_days: bool) -> datetime.date:
    """The date `offset` days (or working days) from `start`."""
    if working_days:
        return add_working_days(start, offset)
    return start + datetime.timedelta(days=offset)


def validate_sms_template(text: str) -> None:
    """Raise ValidationError when the text uses an unknown field or has unbalanced braces."""
    unknown = sorted({name for name in _FIELD.findall(text) if name not in SMS_FIELDS})
    if unknown:
        raise ValidationError(
            _("Ukendt flettefelt: %(fields)s. Brug {fornavn}, {kontaktperson}, {startdato} eller {sted}.")
            % {"fields": ", ".join("{" + name + "}" for name in unknown)}
        )
    if _FIELD.sub("", text).count("{") or _FIELD.sub("", text).count("}"):
        raise ValidationError(_("SMS-teksten har en krølleparentes uden et flettefelt."))


def render_sms(text: str, values: dict[str, str]) -> str:
    """Fill the known fields; anything else is left as written (validated when the step was saved)."""
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _start_text(start: datetime.date, language: str = "") -> str:
    from django.conf import settings
    from django.utils import translation

    # The SMS is in the young person's language, not the sender's UI language.
    with translation.override(language or settings.LANGUAGE_CODE):
        return date_format(start, "MONTH_DAY_FORMAT")


def sms_values(*, first_name: str, contact_person: str, start: datetime.date, place: str,
               language: str = "") -> dict[str, str]:
    return {
        "fornavn": first_name,
        "kontaktperson": contact_person,
        "startdato": _start_text(start, language),
        "sted": place,
    }


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it is shorter: 31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
