"""The young person's profile (ungeprofil)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.plans.models import TEXT_MAX, Profile, WrittenBy
from ungeforlob.plans.services._base import _audit, _check_editor, _choice, _lock_youth, _raise, _text
from ungeforlob.plans.services.history import diff, record_change, save_versioned
from ungeforlob.youth.models import Youth

PROFILE_FIELDS = [
    "own_story", "own_story_written_by", "professional_description", "challenges", "potentials", "needs",
    "dreams", "learning_preferences", "motivation_mastery", "motivation_direction", "motivation_practice",
    "motivation_relation", "motivation_necessity",
]
# What the young person may change in their own profile; the rest is the professionals' description.
PROFILE_FIELDS_FOR_YOUTH = ["own_story", "dreams", "learning_preferences"]


@transaction.atomic
def profile_update(*, youth: Youth, actor: Any = None, by_youth: bool = False, version: Any,
                   change_reason: str = "", **fields: Any) -> Profile:
    """Change the profile. The young person may change only their own story, dreams and how they learn."""
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    _lock_youth(youth)
    profile, _created = Profile.objects.get_or_create(youth=youth)
    allowed = PROFILE_FIELDS_FOR_YOUTH if by_youth else PROFILE_FIELDS
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    if set(fields) - set(allowed) - {"own_story_written_by"}:
        raise PermissionDenied(_("Den unge kan ændre sin historie, sine drømme og hvordan man lærer bedst."))
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name in allowed:
        if name not in fields:
            continue
        if name == "own_story_written_by":
            values[name] = _choice(errors, name, fields[name], WrittenBy.values,
                                   _("Vælg hvem der har skrevet historien."))
        else:
            values[name] = _text(errors, name, fields[name], max_len=TEXT_MAX)
    if by_youth and "own_story" in values:
        values["own_story_written_by"] = WrittenBy.YOUTH
    _raise(errors)
    changes = diff(profile, values)
    if not changes:
        return profile
    save_versioned(profile, version=version, values=values)
    record_change(youth=youth, actor=actor, by_youth=by_youth, obj=profile, label=str(_("Ungeprofilen")),
            action="update", changes=changes, reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.UPDATE, obj=profile,
           detail={"fields": sorted(changes)})
    return profile
