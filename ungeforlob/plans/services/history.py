"""The plan history: every change to the profile and plan is kept with who, what and why, and a save based on an
old version is refused (`StaleEdit`) instead of overwriting someone else's change."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import F, Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob.core import forms as core_forms
from ungeforlob.plans.models import Activity, Goal, PlanChange, PlanMeeting, Profile, SubGoal
from ungeforlob.plans.services._base import _actor_name
from ungeforlob.youth.models import Youth


class StaleEdit(core_forms.StaleEdit):
    """Someone else saved in between. `current_version` lets the form offer to save over it knowingly."""

    def __init__(self, message: str, *, current_version: int) -> None:
        super().__init__({NON_FIELD_ERRORS: [message]}, current_version=current_version)


def open_meeting_for(youth: Youth) -> PlanMeeting | None:
    """The plan meeting going on today, if any: changes made now belong to it."""
    return PlanMeeting.objects.filter(youth=youth, is_open=True, held_on=timezone.localdate()).first()


def record_change(*, youth: Youth, actor: Any, by_youth: bool, obj: Model, label: str, action: str,
            changes: dict[str, Any] | None = None, reason: str = "") -> PlanChange:
    return PlanChange.objects.create(
        youth=youth, actor=None if by_youth else actor, actor_name=_actor_name(youth=youth, actor=actor,
                                                                              by_youth=by_youth),
        by_youth=by_youth, object_type=obj._meta.model_name, object_id=obj.pk, object_label=label[:300],
        action=action, changes=changes or {}, reason=(reason or "").strip()[:300], meeting=open_meeting_for(youth),
    )


def _shown(value: Any, field: Any, list_labels: dict[str, str] | None = None) -> str:
    """A value as a person reads it in the history (`list_labels`: the labels of a list's codes, e.g. the
    municipality's method tags)."""
    if value in (None, "", []):
        return "—"
    if getattr(field, "choices", None):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, list):
        labels = list_labels or {}
        return ", ".join(str(labels.get(v, v)) for v in value)
    if isinstance(value, Model):
        return str(value)
    return str(value)


def diff(obj: Model, new: dict[str, Any], *, list_labels: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
    changes = {}
    for name, value in new.items():
        old = getattr(obj, name)
        if old != value:
            field = obj._meta.get_field(name)
            changes[str(field.verbose_name)] = {"old": _shown(old, field, list_labels),
                                                "new": _shown(value, field, list_labels)}
    return changes


def _stale(obj: Model, *, current_text: str) -> StaleEdit:
    """The refusal of a save based on an old version, naming who changed what and when."""
    last = (PlanChange.objects.filter(youth_id=_youth_id_of(obj), object_type=obj._meta.model_name,
                                      object_id=obj.pk).order_by("-created_at", "-pk").first())
    who = last.actor_name if last else _("en anden")
    when = timezone.localtime(last.created_at) if last else timezone.localtime()
    if last and last.changes:
        what = "; ".join(f"{label}: “{change['new']}”" for label, change in last.changes.items())
    else:
        what = f"“{current_text}”"
    message = _(
        "Din ændring er ikke gemt, fordi %(who)s har ændret det samme %(day)s kl. %(time)s. "
        "Nu står der: %(what)s. Dine ord står stadig i formularen – gem igen, hvis de skal "
        "erstatte den nye udgave."
    ) % {"who": who, "day": date_format(when.date(), "j. F"), "time": when.strftime("%H:%M"), "what": what}
    current_version = type(obj).objects.filter(pk=obj.pk).values_list("version", flat=True).first() or 0
    return StaleEdit(message, current_version=current_version)


def _youth_id_of(obj: Model) -> int:
    if isinstance(obj, Goal | Profile):
        return obj.youth_id
    if isinstance(obj, SubGoal):
        return obj.goal.youth_id
    if isinstance(obj, Activity):
        return obj.subgoal.goal.youth_id
    raise TypeError(type(obj))


def save_versioned(obj: Model, *, version: Any, values: dict[str, Any]) -> None:
    """Write `values` only if the row is still at `version` (a conditional UPDATE: safe under concurrency)."""
    try:
        expected = int(version)
    except (TypeError, ValueError):
        expected = -1
    updated = type(obj).objects.filter(pk=obj.pk, version=expected).update(
        **values, version=F("version") + 1, updated_at=timezone.now())
    if not updated:
        fresh = type(obj).objects.get(pk=obj.pk)
        raise _stale(fresh, current_text=label_of(fresh))
    for key, value in values.items():
        setattr(obj, key, value)
    obj.version = expected + 1


def label_of(obj: Model) -> str:
    if isinstance(obj, Goal | SubGoal):
        return obj.text
    if isinstance(obj, Activity):
        return obj.title
    if isinstance(obj, Profile):
        return _("Ungeprofilen")
    return str(obj)
