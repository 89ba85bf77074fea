"""What every plan service shares: who acts, checking them, auditing, validating text and choices, and the
lock that serialises plan writes for one young person."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.audit.services import audit_record
from ungeforlob.core.text import default_language
from ungeforlob.policy import Action
from ungeforlob.youth.models import Youth

# --- who acts -----------------------------------------------------------------------------------------


def youth_display_name(youth: Youth) -> str:
    return youth.preferred_name or youth.first_name


def _actor_name(*, youth: Youth, actor: Any, by_youth: bool) -> str:
    if by_youth:
        with default_language():  # stored with the entry, so in the installation's language
            return _("%(name)s (den unge)") % {"name": youth_display_name(youth)}
    return actor.get_full_name() or actor.username


def _check_editor(*, youth: Youth, actor: Any, by_youth: bool) -> None:
    """The youth acts for themself; a professional must be allowed to edit this youth's plan."""
    if by_youth:
        if actor is not None:
            raise PermissionDenied("by_youth=True is the young person acting; pass actor=None")
        return
    if actor is None or not policy.can(actor, Action.EDIT, youth):
        raise PermissionDenied(_("Du kan ikke ændre denne unges plan."))


def _check_staff_editor(*, youth: Youth, actor: Any) -> None:
    if actor is None or not policy.can(actor, Action.EDIT, youth):
        raise PermissionDenied(_("Du kan ikke ændre denne unges plan."))


def _audit(*, youth: Youth, actor: Any, by_youth: bool, action: str, obj: Model | None = None,
           object_type: str = "", detail: dict[str, Any] | None = None, purpose: str = "") -> None:
    audit_record(actor=None if by_youth else actor, actor_youth=youth if by_youth else None, action=action,
                 youth=youth, obj=obj, object_type=object_type, detail=detail, purpose=purpose)


def _check_reader(*, youth: Youth, actor: Any, by_youth: bool) -> None:
    if by_youth:
        if actor is not None:
            raise PermissionDenied("by_youth=True is the young person acting; pass actor=None")
        return
    if actor is None or not policy.can(actor, Action.VIEW, youth):
        raise PermissionDenied(_("Du kan ikke se denne unges plan."))


# --- validation helpers -------------------------------------------------------------------------------


def _text(errors: dict[str, str], field: str, value: Any, *, max_len: int, required: str | None = None) -> str:
    text = str(value or "").strip()
    if required and not text:
        errors[field] = required
    elif len(text) > max_len:
        errors[field] = _("Teksten er for lang: højst %(max)s tegn (du har skrevet %(n)s).") % {
            "max": max_len, "n": len(text)}
    return text


def _choice(errors: dict[str, str], field: str, value: Any, choices: Iterable[str], message: str) -> str:
    if value not in set(choices):
        errors[field] = message
    return value


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=10)


def _refuse_double(exists: bool, field: str, message: str) -> None:
    """A second click on "Gem" (or a reloaded POST) must not save the same thing twice."""
    if exists:
        raise ValidationError({field: message})


def _recent() -> datetime.datetime:
    return timezone.now() - DOUBLE_SUBMIT_WINDOW


def _lock_youth(youth: Youth) -> None:
    """Serialise plan writes for one youth (limits such as three goals are checked under this lock)."""
    Youth.objects.select_for_update(of=("self",)).filter(pk=youth.pk).values_list("pk", flat=True).first()
