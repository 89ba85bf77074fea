"""Take what could identify a young person out of a comment before a leader reads it."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# A CPR number: six digits for the date and four more, with or without a dash or a space.
CPR = re.compile(r"(?<!\d)\d{6}[\s-]?\d{4}(?!\d)")
# A Danish phone number: eight digits, perhaps grouped in twos or fours, perhaps with +45 or 0045 first.
PHONE = re.compile(r"(?<![\d+])(?:(?:\+|00)\s?45[\s-]?)?\d{2}(?:[\s-]?\d{2}){3}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def scrub(text: str) -> str:
    text = CPR.sub(_("[cpr-nummer fjernet]"), text)
    text = PHONE.sub(_("[telefonnummer fjernet]"), text)
    return EMAIL.sub(_("[e-mail fjernet]"), text)
