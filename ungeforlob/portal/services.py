"""Writes for the young person's own pages: one-time login codes, feedback, data export."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.validators import validate_danish_phone
from ungeforlob.portal.models import LoginCode, ServiceFeedback
from ungeforlob.youth.models import Youth

CODE_LIFETIME = datetime.timedelta(minutes=10)
MAX_CODES_PER_WINDOW = 3
CODE_WINDOW = datetime.timedelta(minutes=15)
MAX_ATTEMPTS = 5


def _hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), ("portal-code:" + code).encode(), hashlib.sha256).hexdigest()


def _send_code(youth: Youth, code: str, login_code: LoginCode) -> None:
    from ungeforlob.messaging.services import sms_enqueue

    sms_enqueue(
        youth=youth,
        body=_("Din kode til Ungeforløb er %(code)s. Den virker i 10 minutter. Del den ikke med andre.") % {"code": code},
        kind="login_code",
        idempotency_key=f"portal:login-code:{login_code.pk}",
        related_type="portal.logincode",
        related_id=login_code.pk,
    )


@transaction.atomic
def login_code_request(*, mobile: str) -> list[int]:
    """Send a code to every young person registered with this mobile number.

    Returns the ids of those who were sent a code (the page says the same whatever the result, so nobody
    can find out whether a number is known). Raises ValidationError for a malformed number, and when too many
    codes were asked for recently.
    """
    try:
        number = validate_danish_phone(mobile)
    except ValidationError as exc:
        raise ValidationError({"mobile": exc.messages}) from exc
    now = timezone.now()
    sent: list[int] = []
    for youth in Youth.objects.filter(mobile=number).select_related("municipality"):
        recent = LoginCode.objects.filter(youth=youth, created_at__gte=now - CODE_WINDOW).count()
        if recent >= MAX_CODES_PER_WINDOW:
            raise ValidationError({"mobile": _("Du har bedt om for mange koder. Vent et kvarter, og prøv igen.")})
        LoginCode.objects.filter(youth=youth, used_at__isnull=True, invalidated_at__isnull=True).update(
            invalidated_at=now
        )
        code = f"{secrets.randbelow(1_000_000):06d}"
        login_code = LoginCode.objects.create(youth=youth, code_hash=_hash(code), expires_at=now + CODE_LIFETIME)
        _send_code(youth, code, login_code)
        sent.append(youth.pk)
    return sent


def login_code_verify(*, youth_ids: list[int], code: str) -> Youth:
    """The young person whose open code matches, or ValidationError (Danish) for a wrong, expired or
    locked code. Each wrong try counts (and is committed before the error is raised); after MAX_ATTEMPTS
    the code stops working."""
    result = _login_code_check(youth_ids=youth_ids, code=code)
    if isinstance(result, ValidationError):
        raise result
    return result


@transaction.atomic
def _login_code_check(*, youth_ids: list[int], code: str) -> Youth | ValidationError:
    code = (code or "").strip().replace(" ", "")
    now = timezone.now()
    candidates = list(
        LoginCode.objects.select_for_update()
        .filter(youth_id__in=youth_ids, used_at__isnull=True, invalidated_at__isnull=True)
        .select_related("youth__municipality")
    )
    if not candidates:
        return ValidationError({"code": _("Koden virker ikke længere. Bed om en ny kode.")})
    if all(c.expires_at < now for c in candidates):
        return ValidationError({"code": _("Koden er udløbet. Bed om en ny kode.")})
    if any(c.attempts >= MAX_ATTEMPTS for c in candidates):
        return ValidationError({"code": _("Du har prøvet for mange gange. Bed om en ny kode om et kvarter.")})
    digest = _hash(code)
    for candidate in candidates:
        if candidate.expires_at >= now and hmac.compare_digest(candidate.code_hash, digest):
            candidate.used_at = now
            candidate.save(update_fields=["used_at"])
            audit_record(actor=None, actor_youth=candidate.youth, action=AuditAction.LOGIN,
                         youth=candidate.youth, object_type="portal_login")
            return candidate.youth
    LoginCode.objects.filter(pk__in=[c.pk for c in candidates]).update(attempts=F("attempts") + 1)
    left = MAX_ATTEMPTS - 1 - max(c.attempts for c in candidates)
    if left <= 0:
        return ValidationError({"code": _("Du har prøvet for mange gange. Bed om en ny kode om et kvarter.")})
    return ValidationError({"code": _("Koden er forkert. Du kan prøve %(n)s gange mere.") % {"n": left}})


@transaction.atomic
def feedback_give(*, youth: Youth, heard: int, useful: int, comment: str = "") -> ServiceFeedback:
    """Anonymous: the row does not point at the youth (only at the municipality)."""
    for field, value in (("heard", heard), ("useful", useful)):
        if value not in range(1, 6):
            raise ValidationError({field: _("Vælg et tal fra 1 til 5.")})
    if len(comment) > 1000:
        raise ValidationError({"comment": _("Skriv højst 1000 tegn.")})
    return ServiceFeedback.objects.create(
        municipality_id=youth.municipality_id, heard=heard, useful=useful, comment=comment.strip()
    )


def export_record(*, youth: Youth, fmt: str) -> None:
    audit_record(actor=None, actor_youth=youth, action=AuditAction.EXPORT, youth=youth,
                 object_type="data_export", detail={"format": fmt})


def portal_read(*, youth: Youth, what: str) -> None:
    """The youth reading their own data is logged too (it shows in their own access log as 'dig selv')."""
    audit_record(actor=None, actor_youth=youth, action=AuditAction.READ, youth=youth, object_type=what)


