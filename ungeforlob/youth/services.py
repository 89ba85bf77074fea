"""Writes for the young person's record. Each is atomic, validates, and records its own audit row."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, Guardian, Youth


def check_age(born: datetime.date, *, municipality_id: int | None, field: str = "cpr") -> None:
    """Refuse an age outside the municipality's target group (a setting of its own: default 15–29)."""
    from ungeforlob.vocabulary.selectors import age_bounds, age_message

    today = timezone.localdate()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    low, high = age_bounds(municipality_id)
    if not low <= age <= high:
        raise ValidationError({field: age_message(municipality_id, age)})


@transaction.atomic
def youth_create(
    *,
    actor: Any,
    first_name: str,
    last_name: str,
    cpr_number: str,
    mobile: str = "",
    email: str = "",
    preferred_name: str = "",
    course_start: datetime.date | None = None,
    language: str = "",
) -> Youth:
    """Register a young person, open their course and make the actor their contact person.

    Raises ValidationError (field-keyed, Danish) for a malformed or already registered CPR number.
    """
    try:
        digits = cpr.normalize_cpr(cpr_number)
    except ValidationError as exc:
        raise ValidationError({"cpr": exc.messages}) from exc
    born = cpr.birth_date(digits)
    check_age(born, municipality_id=actor.municipality_id)
    digest = cpr.lookup_hash(digits)
    if Youth.objects.filter(municipality_id=actor.municipality_id, cpr_hash=digest).exists():
        raise ValidationError({"cpr": _("Der findes allerede en ung med dette CPR-nummer i kommunen.")})
    youth = Youth(
        municipality_id=actor.municipality_id,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        preferred_name=preferred_name.strip(),
        language=_language(language),
        cpr_encrypted=cpr.encrypt(digits),
        cpr_hash=digest,
        birth_date=born,
        mobile=mobile,
        email=email,
        created_by=actor,
    )
    youth.full_clean(exclude=["cpr_encrypted", "cpr_hash"])
    try:
        with transaction.atomic():
            youth.save()
    except IntegrityError as exc:  # a concurrent registration of the same CPR number
        raise ValidationError({"cpr": _("Der findes allerede en ung med dette CPR-nummer i kommunen.")}) from exc
    start = course_start or timezone.localdate()
    Course.objects.create(youth=youth, start_date=start, created_by=actor)
    Membership.objects.create(
        youth=youth, professional=actor, role=ChainRole.CONTACT_PERSON, start_date=start, created_by=actor
    )
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=youth)
    return youth


@transaction.atomic
def _language(code: Any) -> str:
    """A language of the installation, or the default one."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def youth_update(*, actor: Any, youth: Youth, **fields: Any) -> Youth:
    """Change name, preferred name, mobile, e-mail or language. The CPR number cannot be changed here."""
    if "language" in fields:
        if fields["language"]:
            fields["language"] = _language(fields["language"])
        else:  # not given: keep the one on the record
            del fields["language"]
    allowed = {"first_name", "last_name", "preferred_name", "mobile", "email", "language"}
    changed = sorted(k for k, v in fields.items() if k in allowed and getattr(youth, k) != v)
    for key in changed:
        setattr(youth, key, fields[key])
    youth.full_clean(exclude=["cpr_encrypted", "cpr_hash"])
    youth.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=youth, detail={"fields": changed})
    return youth


def youth_language_set(*, youth: Youth, language: str) -> Youth:
    """The young person chose a language on Min side: it is theirs from now on (SMS and notices too)."""
    code = _language(language)
    if code != youth.language:
        youth.language = code
        youth.save(update_fields=["language", "updated_at"])
        audit_record(actor=None, actor_youth=youth, action=AuditAction.UPDATE, youth=youth, obj=youth,
                     detail={"fields": ["language"]})
    return youth


def youth_reveal_cpr(*, actor: Any, youth: Youth, purpose: str) -> str:
    """Return the full CPR number and log who saw it and why. A purpose is required."""
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError({"purpose": _("Skriv hvorfor du skal se det fulde CPR-nummer.")})
    audit_record(actor=actor, action=AuditAction.REVEAL, youth=youth, object_type="cpr", purpose=purpose)
    return youth.cpr_reveal()


@transaction.atomic
def guardian_add(*, actor: Any, youth: Youth, guardian: Guardian) -> Guardian:
    guardian.youth = youth
    guardian.full_clean()
    guardian.save()
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=guardian)
    return guardian


@transaction.atomic
def guardian_remove(*, actor: Any, youth: Youth, guardian: Guardian) -> None:
    audit_record(actor=actor, action=AuditAction.DELETE, youth=youth, obj=guardian, detail={"name": guardian.name})
    guardian.delete()


@transaction.atomic
def course_end(*, actor: Any, course: Course, end_date: datetime.date, end_reason: str) -> Course:
    if end_date < course.start_date:
        raise ValidationError({"end_date": _("Slutdatoen kan ikke ligge før startdatoen.")})
    if end_date > timezone.localdate():
        raise ValidationError({"end_date": _("Slutdatoen kan ikke ligge i fremtiden.")})
    if not end_reason:
        raise ValidationError({"end_reason": _("Vælg hvorfor forløbet slutter.")})
    course.end_date = end_date
    course.end_reason = end_reason
    course.save(update_fields=["end_date", "end_reason"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=course.youth, obj=course)
    return course


@transaction.atomic
def course_start(*, actor: Any, youth: Youth, start_date: datetime.date) -> Course:
    if youth.courses.filter(end_date__isnull=True).exists():
        raise ValidationError({"start_date": _("Den unge har allerede et åbent forløb.")})
    last = youth.courses.order_by("-end_date").first()
    if last and last.end_date and start_date < last.end_date:
        raise ValidationError({"start_date": _("Et nyt forløb kan ikke starte før det forrige sluttede.")})
    course = Course.objects.create(youth=youth, start_date=start_date, created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=course)
    return course
