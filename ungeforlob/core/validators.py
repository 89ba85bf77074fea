"""Validators shared by forms and services; messages in Danish."""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def validate_danish_phone(value: str) -> str:
    """Return the number in E.164 (+45xxxxxxxx) or raise with a Danish message."""
    raw = (value or "").strip()
    try:
        parsed = phonenumbers.parse(raw, "DK")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("Telefonnummeret er ikke gyldigt. Skriv 8 cifre, fx 20 12 34 56."), code="phone") from exc
    if parsed.country_code != 45 or not phonenumbers.is_valid_number(parsed):
        raise ValidationError(_("Telefonnummeret er ikke et gyldigt dansk nummer. Skriv 8 cifre, fx 20 12 34 56."), code="phone")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """+4520123456 -> 20 12 34 56 (Danish numbers), anything else as stored."""
    if e164.startswith("+45") and len(e164) == 11:
        d = e164[3:]
        return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"
    return e164
