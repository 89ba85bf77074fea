"""Writes for the young person's login on Min side: one-time login codes sent by SMS."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.request_context import current_ip
from ungeforlob.core.validators import validate_danish_phone
from ungeforlob.portal.models import LoginAttempt, LoginCode
from ungeforlob.youth.models import Youth

CODE_LIFETIME = datetime.timedelta(minutes=10)
MAX_CODES_PER_WINDOW = 3
CODE_WINDOW = datetime.timedelta(minutes=15)
MAX_ATTEMPTS = 5


def _hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), ("portal-code:" + code).encode(), hashlib.sha256).hexdigest()


def _send_code(youth: Youth, code: str, login_code: LoginCode) -> None:
    from ungeforlob.core.text import youth_language
    from ungeforlob.messaging.services import sms_enqueue

    with youth_language(youth):
        body = _("Din kode til Ungeforløb er %(code)s. Den virker i 10 minutter. Del den ikke med andre.") % {
            "code": code}
    sms_enqueue(
        youth=youth,
        body=body,
        kind="login_code",
        idempotency_key=f"portal:login-code:{login_code.pk}",
        related_type="portal.logincode",
        related_id=login_code.pk,
    )


def _client_limit() -> int:
    # Generous: a whole school class may log in from one address behind the school's router.
    return int(getattr(settings, "PORTAL_CODES_PER_CLIENT", 30))


def _keyed(kind: str, value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"portal-{kind}:{value}".encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def login_code_request(*, mobile: str) -> int:
    """Record a login attempt for this mobile number and send a code to every young person registered with it.

    Returns the attempt's id, which the code page checks the code against. Whether the number is registered
    changes nothing the caller can see: the same attempt is recorded, the same limits apply (MAX_CODES_PER_WINDOW
    per number and PORTAL_CODES_PER_CLIENT per client address in CODE_WINDOW, counted whether or not the number
    is known), and the same ValidationError is raised when one is reached. A malformed number raises a
    ValidationError about the number.
    """
    try:
        number = validate_danish_phone(mobile)
    except ValidationError as exc:
        raise ValidationError({"mobile": exc.messages}) from exc
    now = timezone.now()
    number_hash, client_hash = _keyed("number", number), _keyed("client", current_ip() or "")
    LoginAttempt.objects.filter(created_at__lt=now - max(CODE_WINDOW, CODE_LIFETIME)).delete()
    recent = LoginAttempt.objects.filter(created_at__gte=now - CODE_WINDOW)
    if (recent.filter(number_hash=number_hash).count() >= MAX_CODES_PER_WINDOW
            or recent.filter(client_hash=client_hash).count() >= _client_limit()):
        raise ValidationError({"mobile": _("Du har bedt om for mange koder. Vent et kvarter, og prøv igen.")})
    LoginAttempt.objects.filter(number_hash=number_hash, closed_at__isnull=True).update(closed_at=now)
    sent: list[int] = []
    for youth in Youth.objects.filter(mobile=number).select_related("municipality"):
        LoginCode.objects.filter(youth=youth, used_at__isnull=True, invalidated_at__isnull=True).update(
            invalidated_at=now
        )
        code = f"{secrets.randbelow(1_000_000):06d}"
        login_code = LoginCode.objects.create(youth=youth, code_hash=_hash(code), expires_at=now + CODE_LIFETIME)
        _send_code(youth, code, login_code)
        sent.append(youth.pk)
    attempt = LoginAttempt.objects.create(number_hash=number_hash, client_hash=client_hash, youth_ids=sent,
                                          expires_at=now + CODE_LIFETIME)
    return attempt.pk


def login_code_verify(*, attempt_id: Any, code: str) -> Youth:
    """The young person whose open code from this attempt matches, or ValidationError (Danish) for a wrong,
    expired or locked code. Each wrong try counts on the attempt (committed before the error is raised), so
    the answers are the same whether or not the number was registered; after MAX_ATTEMPTS it stops working."""
    result = _login_code_check(attempt_id=attempt_id, code=code)
    if isinstance(result, ValidationError):
        raise result
    return result


@transaction.atomic
def _login_code_check(*, attempt_id: Any, code: str) -> Youth | ValidationError:
    code = (code or "").strip().replace(" ", "")
    now = timezone.now()
    attempt = LoginAttempt.objects.select_for_update().filter(pk=attempt_id if isinstance(attempt_id, int) else 0,
                                                             closed_at__isnull=True).first()
    if attempt is None:
        return ValidationError({"code": _("Koden virker ikke længere. Bed om en ny kode.")})
    if attempt.expires_at < now:
        return ValidationError({"code": _("Koden er udløbet. Bed om en ny kode.")})
    if attempt.tries >= MAX_ATTEMPTS:
        return ValidationError({"code": _("Du har prøvet for mange gange. Bed om en ny kode om et kvarter.")})
    digest = _hash(code)
    candidates = LoginCode.objects.filter(youth_id__in=attempt.youth_ids, used_at__isnull=True,
                                          invalidated_at__isnull=True, expires_at__gte=now)
    for candidate in candidates.select_related("youth__municipality"):
        if hmac.compare_digest(candidate.code_hash, digest):
            candidate.used_at = attempt.closed_at = now
            candidate.save(update_fields=["used_at"])
            attempt.save(update_fields=["closed_at"])
            audit_record(actor=None, actor_youth=candidate.youth, action=AuditAction.LOGIN,
                         youth=candidate.youth, object_type="portal_login")
            return candidate.youth
    attempt.tries += 1
    attempt.save(update_fields=["tries"])
    left = MAX_ATTEMPTS - attempt.tries
    if left <= 0:
        return ValidationError({"code": _("Du har prøvet for mange gange. Bed om en ny kode om et kvarter.")})
    return ValidationError({"code": _("Koden er forkert. Du kan prøve %(n)s gange mere.") % {"n": left}})
