"""CPR numbers: validation, encryption at rest, keyed hash for look-up, masking.

A CPR number is never stored, shown or logged in clear except where a person explicitly reveals it
(and that reveal is audited by the caller).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import re

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.dk import cpr as stdnum_cpr

_CPR_RE = re.compile(r"^\d{6}-?\d{4}$")


def _key_material() -> bytes:
    configured = settings.CPR_ENCRYPTION_KEY
    if configured:
        return base64.urlsafe_b64decode(configured)
    return hashlib.sha256(("cpr-key:" + settings.SECRET_KEY).encode()).digest()


def _fernet() -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_key_material()[:32]))


def normalize_cpr(value: str) -> str:
    """Validate and return the ten digits, or raise ValidationError with a Danish message."""
    cleaned = (value or "").strip().replace(" ", "")
    if not _CPR_RE.match(cleaned):
        raise ValidationError(
            _("CPR-nummeret skal have 10 cifre, fx 010203-1234."), code="cpr_format"
        )
    digits = cleaned.replace("-", "")
    try:
        stdnum_cpr.validate(digits)
    except stdnum_exceptions.InvalidComponent as exc:
        raise ValidationError(
            _("CPR-nummeret indeholder ikke en gyldig fødselsdato."), code="cpr_date"
        ) from exc
    except stdnum_exceptions.ValidationError as exc:
        raise ValidationError(_("CPR-nummeret er ikke gyldigt."), code="cpr_invalid") from exc
    return digits


def birth_date(digits: str) -> datetime.date:
    return stdnum_cpr.get_birth_date(digits)


def encrypt(digits: str) -> str:
    return _fernet().encrypt(digits.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def lookup_hash(digits: str) -> str:
    """Keyed hash: equal CPR numbers give equal hashes, but the hash cannot be reversed without the key."""
    return hmac.new(_key_material(), ("cpr:" + digits).encode(), hashlib.sha256).hexdigest()


def mask(born: datetime.date) -> str:
    """What everyone sees: the birth date part only."""
    return f"{born:%d%m%y}-XXXX"


def looks_like_cpr(text: str) -> bool:
    return bool(re.search(r"\b\d{6}-?\d{4}\b", text or ""))
