"""Writes for the profile and Min plan. Each is atomic, validates, keeps the plan history and audits.

Every service can be called by a professional (`actor=<User>`, checked by `permissions.can_edit_plan`)
or by the young person themself (`by_youth=True`, `actor=None`; the portal has identified them). Bad
input raises `ValidationError({field: Danish message})` and saves nothing.

Goals, sub-goals, activities and the profile carry a `version`: a caller passes the version it showed
the user, and a save based on an older version raises `StaleEdit`, whose message shows the other
person's change, instead of overwriting it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.text import default_language
from ungeforlob.plans.models import (
    MAX_GOALS,
    TEXT_MAX,
    Activity,
    ActivityStatus,
    Evaluation,
    Goal,
    HiddenReason,
    JournalNote,
    Method,
    PlanChange,
    PlanMeeting,
    PlanShare,
    Profile,
    Responsible,
    ShareConsent,
    SharePart,
    SubGoal,
    SubGoalStatus,
    WrittenBy,
)
from ungeforlob.plans.permissions import can_edit_plan, can_read_plan
from ungeforlob.youth.models import Youth

PROFILE_FIELDS = [
    "own_story", "own_story_written_by", "professional_description", "challenges", "potentials", "needs",
    "dreams", "learning_preferences", "motivation_mastery", "motivation_direction", "motivation_practice",
    "motivation_relation", "motivation_necessity",
]
# What the young person may change in their own profile; the rest is the professionals' description.
PROFILE_FIELDS_FOR_YOUTH = ["own_story", "dreams", "learning_preferences"]


class StaleEdit(ValidationError):
    """Someone else saved in between. `current_version` lets the form offer to save over it knowingly."""

    def __init__(self, message: str, *, current_version: int) -> None:
        super().__init__({NON_FIELD_ERRORS: [message]})
        self.current_version = current_version


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
    if actor is None or not can_edit_plan(actor, youth):
        raise PermissionDenied(_("Du kan ikke ændre denne unges plan."))


def _check_staff_editor(*, youth: Youth, actor: Any) -> None:
    if actor is None or not can_edit_plan(actor, youth):
        raise PermissionDenied(_("Du kan ikke ændre denne unges plan."))


def _audit(*, youth: Youth, actor: Any, by_youth: bool, action: str, obj: Model | None = None,
           object_type: str = "", detail: dict[str, Any] | None = None, purpose: str = "") -> None:
    audit_record(actor=None if by_youth else actor, actor_youth=youth if by_youth else None, action=action,
                 youth=youth, obj=obj, object_type=object_type, detail=detail, purpose=purpose)


def open_meeting_for(youth: Youth) -> PlanMeeting | None:
    """The plan meeting going on today, if any: changes made now belong to it."""
    return PlanMeeting.objects.filter(youth=youth, is_open=True, held_on=timezone.localdate()).first()


def _record(*, youth: Youth, actor: Any, by_youth: bool, obj: Model, label: str, action: str,
            changes: dict[str, Any] | None = None, reason: str = "") -> PlanChange:
    return PlanChange.objects.create(
        youth=youth, actor=None if by_youth else actor, actor_name=_actor_name(youth=youth, actor=actor,
                                                                              by_youth=by_youth),
        by_youth=by_youth, object_type=obj._meta.model_name, object_id=obj.pk, object_label=label[:300],
        action=action, changes=changes or {}, reason=(reason or "").strip()[:300], meeting=open_meeting_for(youth),
    )


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


def _shown(value: Any, field: Any) -> str:
    """A value as a person reads it in the history."""
    if value in (None, "", []):
        return "—"
    if getattr(field, "choices", None):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, list):
        labels = dict(Method.choices)
        return ", ".join(str(labels.get(v, v)) for v in value)
    if isinstance(value, Model):
        return str(value)
    return str(value)


def _diff(obj: Model, new: dict[str, Any]) -> dict[str, dict[str, str]]:
    changes = {}
    for name, value in new.items():
        old = getattr(obj, name)
        if old != value:
            field = obj._meta.get_field(name)
            changes[str(field.verbose_name)] = {"old": _shown(old, field), "new": _shown(value, field)}
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


def _save_versioned(obj: Model, *, version: Any, values: dict[str, Any]) -> None:
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


# --- profile ------------------------------------------------------------------------------------------


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
    changes = _diff(profile, values)
    if not changes:
        return profile
    _save_versioned(profile, version=version, values=values)
    _record(youth=youth, actor=actor, by_youth=by_youth, obj=profile, label=str(_("Ungeprofilen")),
            action="update", changes=changes, reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.UPDATE, obj=profile,
           detail={"fields": sorted(changes)})
    return profile


# --- goals --------------------------------------------------------------------------------------------


def _goal_values(errors: dict[str, str], text: Any, written_by: Any) -> dict[str, Any]:
    return {
        "text": _text(errors, "text", text, max_len=300, required=_("Skriv målet – gerne med den unges egne ord.")),
        "written_by": _choice(errors, "written_by", written_by, WrittenBy.values,
                              _("Vælg hvem der har skrevet målet.")),
    }


@transaction.atomic
def goal_create(*, youth: Youth, actor: Any = None, by_youth: bool = False, text: str,
                written_by: str = WrittenBy.TOGETHER, change_reason: str = "") -> Goal:
    """Add one of at most three overall goals. A goal the youth adds themself is written by the youth."""
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    errors: dict[str, str] = {}
    values = _goal_values(errors, text, WrittenBy.YOUTH if by_youth else written_by)
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(Goal.objects.filter(youth=youth, text__iexact=values["text"]).exists(), "text",
                   _("Målet står allerede i planen."))
    taken = set(Goal.objects.filter(youth=youth).values_list("position", flat=True))
    free = [n for n in range(1, MAX_GOALS + 1) if n not in taken]
    if not free:
        raise ValidationError({"text": _("Planen har allerede tre mål. Ret eller fjern et mål, før du tilføjer "
                                         "et nyt – tre mål er nok at holde fast i.")})
    try:
        with transaction.atomic():
            goal = Goal.objects.create(youth=youth, position=free[0], **values)
    except IntegrityError as exc:  # a goal added at the same moment by someone else
        raise ValidationError({"text": _("Et andet mål blev tilføjet samtidig. Se planen igen.")}) from exc
    _record(youth=youth, actor=actor, by_youth=by_youth, obj=goal, label=goal.text, action="create",
            changes=_diff(Goal(), values), reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.CREATE, obj=goal)
    return goal


def _goal_of(youth: Youth, goal: Goal) -> None:
    if goal.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Målet hører ikke til denne unges plan.")]})


@transaction.atomic
def goal_update(*, youth: Youth, goal: Goal, actor: Any = None, by_youth: bool = False, version: Any,
                text: str, written_by: str = WrittenBy.TOGETHER, change_reason: str = "") -> Goal:
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    _goal_of(youth, goal)
    errors: dict[str, str] = {}
    values = _goal_values(errors, text, WrittenBy.YOUTH if by_youth else written_by)
    _raise(errors)
    changes = _diff(goal, values)
    if changes:
        # Nothing to write when nothing changed, so nothing can be overwritten either.
        _save_versioned(goal, version=version, values=values)
        _record(youth=youth, actor=actor, by_youth=by_youth, obj=goal, label=goal.text, action="update",
                changes=changes, reason=change_reason)
        _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.UPDATE, obj=goal,
               detail={"fields": sorted(changes)})
    return goal


@transaction.atomic
def goal_delete(*, youth: Youth, goal: Goal, actor: Any = None, by_youth: bool = False,
                change_reason: str = "") -> None:
    """Remove a goal with its sub-goals and activities. The history keeps what it said."""
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    _goal_of(youth, goal)
    _record(youth=youth, actor=actor, by_youth=by_youth, obj=goal, label=goal.text, action="delete",
            reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.DELETE, obj=goal,
           detail={"subgoals": goal.subgoals.count()})
    goal.delete()


# --- sub-goals ----------------------------------------------------------------------------------------


def _subgoal_values(errors: dict[str, str], *, text: Any, target_date: Any, status: Any,
                    success_criterion: Any) -> dict[str, Any]:
    if target_date is not None and not isinstance(target_date, datetime.date):
        errors["target_date"] = _("Skriv en gyldig dato.")
    return {
        "text": _text(errors, "text", text, max_len=300, required=_("Skriv delmålet – et konkret skridt.")),
        "target_date": target_date,
        "status": _choice(errors, "status", status, SubGoalStatus.values, _("Vælg en status.")),
        "success_criterion": _text(errors, "success_criterion", success_criterion, max_len=500,
                                   required=_("Skriv hvordan I kan se, at delmålet er nået.")),
    }


@transaction.atomic
def subgoal_create(*, youth: Youth, goal: Goal | None, actor: Any = None, by_youth: bool = False, text: str,
                   success_criterion: str, target_date: datetime.date | None = None,
                   status: str = SubGoalStatus.NOT_STARTED, change_reason: str = "") -> SubGoal:
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    if goal is None:
        raise ValidationError({"goal": _("Vælg det mål, delmålet hører til.")})
    _goal_of(youth, goal)
    errors: dict[str, str] = {}
    values = _subgoal_values(errors, text=text, target_date=target_date, status=status,
                             success_criterion=success_criterion)
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(goal.subgoals.filter(text__iexact=values["text"]).exists(), "text",
                   _("Delmålet står allerede under dette mål."))
    subgoal = SubGoal.objects.create(goal=goal, **values)
    _record(youth=youth, actor=actor, by_youth=by_youth, obj=subgoal, label=subgoal.text, action="create",
            changes=_diff(SubGoal(), values), reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.CREATE, obj=subgoal)
    return subgoal


def _subgoal_of(youth: Youth, subgoal: SubGoal) -> None:
    if subgoal.goal.youth_id != youth.pk:
        raise ValidationError({"subgoal": _("Delmålet hører ikke til denne unges plan.")})


@transaction.atomic
def subgoal_update(*, youth: Youth, subgoal: SubGoal, actor: Any = None, by_youth: bool = False, version: Any,
                   text: str, success_criterion: str, target_date: datetime.date | None = None,
                   status: str = SubGoalStatus.NOT_STARTED, change_reason: str = "") -> SubGoal:
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    _subgoal_of(youth, subgoal)
    errors: dict[str, str] = {}
    values = _subgoal_values(errors, text=text, target_date=target_date, status=status,
                             success_criterion=success_criterion)
    _raise(errors)
    changes = _diff(subgoal, values)
    if changes:
        # Nothing to write when nothing changed, so nothing can be overwritten either.
        _save_versioned(subgoal, version=version, values=values)
        _record(youth=youth, actor=actor, by_youth=by_youth, obj=subgoal, label=subgoal.text, action="update",
                changes=changes, reason=change_reason)
        _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.UPDATE, obj=subgoal,
               detail={"fields": sorted(changes)})
    return subgoal


@transaction.atomic
def subgoal_delete(*, youth: Youth, subgoal: SubGoal, actor: Any = None, by_youth: bool = False,
                   change_reason: str = "") -> None:
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    _subgoal_of(youth, subgoal)
    _record(youth=youth, actor=actor, by_youth=by_youth, obj=subgoal, label=subgoal.text, action="delete",
            reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.DELETE, obj=subgoal)
    subgoal.delete()


# --- activities ---------------------------------------------------------------------------------------


def _activity_values(errors: dict[str, str], *, youth: Youth, subgoal: SubGoal | None, title: Any,
                     reason: Any, responsible: Any, responsible_name: Any, start_date: Any, end_date: Any,
                     when_text: Any, place: Any, status: Any, methods: Any, offer: Any) -> dict[str, Any]:
    if subgoal is None:
        errors["subgoal"] = _("Vælg det delmål, aktiviteten hjælper på – en aktivitet skal have et delmål.")
    elif subgoal.goal.youth_id != youth.pk:
        errors["subgoal"] = _("Delmålet hører ikke til denne unges plan.")
    values = {
        "subgoal": subgoal,
        "title": _text(errors, "title", title, max_len=200, required=_("Skriv hvad aktiviteten er.")),
        "reason": _text(errors, "reason", reason, max_len=500,
                        required=_("Skriv hvorfor aktiviteten hjælper på delmålet.")),
        "responsible": _choice(errors, "responsible", responsible, Responsible.values,
                               _("Vælg hvem der står for aktiviteten.")),
        "responsible_name": _text(errors, "responsible_name", responsible_name, max_len=200),
        "start_date": start_date,
        "end_date": end_date,
        "when_text": _text(errors, "when_text", when_text, max_len=200),
        "place": _text(errors, "place", place, max_len=200),
        "status": _choice(errors, "status", status, ActivityStatus.values, _("Vælg en status.")),
        "methods": [],
        "offer": offer,
    }
    if values["responsible"] in (Responsible.PROFESSIONAL, Responsible.ORGANISATION) and not values[
            "responsible_name"] and "responsible_name" not in errors:
        errors["responsible_name"] = _("Skriv navnet på fagpersonen eller organisationen.")
    for key in ("start_date", "end_date"):
        if values[key] is not None and not isinstance(values[key], datetime.date):
            errors[key] = _("Skriv en gyldig dato.")
    if (isinstance(start_date, datetime.date) and isinstance(end_date, datetime.date) and end_date < start_date):
        errors["end_date"] = _("Slutdatoen kan ikke ligge før startdatoen.")
    chosen = list(dict.fromkeys(methods or []))
    if any(m not in Method.values for m in chosen):
        errors["methods"] = _("Vælg metoder fra listen.")
    values["methods"] = [m for m in Method.values if m in chosen]
    if offer is not None and offer.municipality_id != youth.municipality_id:
        errors["offer"] = _("Tilbuddet findes ikke i kommunens katalog.")
    return values


@transaction.atomic
def activity_create(*, youth: Youth, subgoal: SubGoal | None, actor: Any = None, by_youth: bool = False,
                    title: str, reason: str, responsible: str, responsible_name: str = "",
                    start_date: datetime.date | None = None, end_date: datetime.date | None = None,
                    when_text: str = "", place: str = "", status: str = ActivityStatus.PLANNED,
                    methods: Iterable[str] = (), offer: Any = None, change_reason: str = "") -> Activity:
    """Add an activity under a sub-goal; `reason` says why it serves that sub-goal."""
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    errors: dict[str, str] = {}
    values = _activity_values(errors, youth=youth, subgoal=subgoal, title=title, reason=reason,
                              responsible=responsible, responsible_name=responsible_name, start_date=start_date,
                              end_date=end_date, when_text=when_text, place=place, status=status,
                              methods=methods, offer=offer)
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(Activity.objects.filter(subgoal=subgoal, title__iexact=values["title"]).exists(), "title",
                   _("Aktiviteten står allerede under dette delmål."))
    activity = Activity.objects.create(**values)
    shown = {k: v for k, v in values.items() if k not in ("subgoal", "offer")}
    _record(youth=youth, actor=actor, by_youth=by_youth, obj=activity, label=activity.title, action="create",
            changes=_diff(Activity(), shown), reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.CREATE, obj=activity)
    return activity


@transaction.atomic
def activity_update(*, youth: Youth, activity: Activity, subgoal: SubGoal | None, actor: Any = None,
                    by_youth: bool = False, version: Any, title: str, reason: str, responsible: str,
                    responsible_name: str = "", start_date: datetime.date | None = None,
                    end_date: datetime.date | None = None, when_text: str = "", place: str = "",
                    status: str = ActivityStatus.PLANNED, methods: Iterable[str] = (), offer: Any = None,
                    change_reason: str = "") -> Activity:
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    if activity.subgoal.goal.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Aktiviteten hører ikke til denne unges plan.")]})
    errors: dict[str, str] = {}
    values = _activity_values(errors, youth=youth, subgoal=subgoal, title=title, reason=reason,
                              responsible=responsible, responsible_name=responsible_name, start_date=start_date,
                              end_date=end_date, when_text=when_text, place=place, status=status,
                              methods=methods, offer=offer)
    _raise(errors)
    changes = _diff(activity, values)
    if changes:
        # Nothing to write when nothing changed, so nothing can be overwritten either.
        _save_versioned(activity, version=version, values=values)
        _record(youth=youth, actor=actor, by_youth=by_youth, obj=activity, label=activity.title,
                action="update", changes=changes, reason=change_reason)
        _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.UPDATE, obj=activity,
               detail={"fields": sorted(changes)})
    return activity


@transaction.atomic
def activity_delete(*, youth: Youth, activity: Activity, actor: Any = None, by_youth: bool = False,
                    change_reason: str = "") -> None:
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    if activity.subgoal.goal.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Aktiviteten hører ikke til denne unges plan.")]})
    _record(youth=youth, actor=actor, by_youth=by_youth, obj=activity, label=activity.title, action="delete",
            reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.DELETE, obj=activity)
    activity.delete()


# --- evaluations --------------------------------------------------------------------------------------


@transaction.atomic
def evaluation_create(*, youth: Youth, actor: Any = None, by_youth: bool = False, subgoal: SubGoal | None = None,
                      goal: Goal | None = None, closeness: Any, went_well: str = "", was_hard: str = "",
                      next_step: str = "", youth_voice: bool = False) -> Evaluation:
    """Feedback on one sub-goal or one goal, with "how close are you" from 1 (far) to 5 (there).

    `youth_voice`: a professional writes down the youth's own assessment (in a meeting, say); it counts
    as the youth's on the progress line, and the author is kept.
    """
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    errors: dict[str, str] = {}
    if (subgoal is None) == (goal is None):
        errors["target"] = _("Vælg det delmål eller mål, evalueringen handler om.")
    elif subgoal is not None and subgoal.goal.youth_id != youth.pk:
        errors["target"] = _("Delmålet hører ikke til denne unges plan.")
    elif goal is not None and goal.youth_id != youth.pk:
        errors["target"] = _("Målet hører ikke til denne unges plan.")
    try:
        closeness = int(closeness)
    except (TypeError, ValueError):
        closeness = 0
    if not 1 <= closeness <= 5:
        errors["closeness"] = _("Vælg hvor tæt på målet du er, fra 1 til 5.")
    values = {
        "went_well": _text(errors, "went_well", went_well, max_len=TEXT_MAX),
        "was_hard": _text(errors, "was_hard", was_hard, max_len=TEXT_MAX),
        "next_step": _text(errors, "next_step", next_step, max_len=TEXT_MAX),
    }
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(Evaluation.objects.filter(
        youth=youth, subgoal=subgoal, goal=goal, closeness=closeness, created_at__gte=_recent(), **values).exists(),
        NON_FIELD_ERRORS, _("Evalueringen er allerede gemt."))
    author_name = _actor_name(youth=youth, actor=actor, by_youth=by_youth)
    if youth_voice and not by_youth:
        author_name = _("%(youth)s, skrevet ned af %(writer)s") % {
            "youth": _actor_name(youth=youth, actor=None, by_youth=True), "writer": author_name}
    evaluation = Evaluation.objects.create(
        youth=youth, subgoal=subgoal, goal=goal, closeness=closeness, by_youth=by_youth or bool(youth_voice),
        author=None if by_youth else actor, author_name=author_name[:200], **values)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.CREATE, obj=evaluation)
    return evaluation


# --- plan meetings ------------------------------------------------------------------------------------

MANY_PARTICIPANTS = 3


@transaction.atomic
def meeting_create(*, youth: Youth, actor: Any, held_on: Any, participants: Iterable[Any] = (),
                   other_participants: str = "", youth_present: bool = True, agreed: str = "",
                   keep_open: bool = False) -> PlanMeeting:
    """Record a plan meeting. With `keep_open` (only for a meeting today) later changes are linked to it.

    Participants must be professionals active in the youth's circle.
    """
    from ungeforlob.plans.selectors import circle_professionals

    _check_staff_editor(youth=youth, actor=actor)
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if not isinstance(held_on, datetime.date):
        errors["held_on"] = _("Skriv mødets dato.")
    elif held_on > today + datetime.timedelta(days=365) or held_on.year < 2000:
        errors["held_on"] = _("Datoen ligger uden for det mulige.")
    elif keep_open and held_on != today:
        errors["keep_open"] = _("Kun et møde i dag kan være i gang.")
    allowed = {u.pk: u for u in circle_professionals(youth)}
    chosen = []
    for person in participants:
        pk = getattr(person, "pk", person)
        if pk not in allowed:
            errors["participants"] = _("Vælg deltagere blandt dem, der er i den unges kæde.")
            break
        chosen.append(allowed[pk])
    values = {
        "other_participants": _text(errors, "other_participants", other_participants, max_len=300),
        "agreed": _text(errors, "agreed", agreed, max_len=TEXT_MAX),
    }
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(PlanMeeting.objects.filter(youth=youth, held_on=held_on, created_by=actor,
                                              created_at__gte=_recent()).exists(),
                   NON_FIELD_ERRORS, _("Planmødet er allerede gemt."))
    if keep_open:
        PlanMeeting.objects.filter(youth=youth, is_open=True).update(is_open=False)
    meeting = PlanMeeting.objects.create(youth=youth, held_on=held_on, youth_present=bool(youth_present),
                                         is_open=bool(keep_open), created_by=actor, **values)
    meeting.participants.set(chosen)
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.CREATE, obj=meeting,
           detail={"participants": len(chosen), "youth_present": bool(youth_present)})
    return meeting


@transaction.atomic
def meeting_close(*, youth: Youth, meeting: PlanMeeting, actor: Any, agreed: str) -> PlanMeeting:
    """End the meeting and write down what was agreed."""
    _check_staff_editor(youth=youth, actor=actor)
    if meeting.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Mødet hører ikke til denne unges plan.")]})
    errors: dict[str, str] = {}
    text = _text(errors, "agreed", agreed, max_len=TEXT_MAX, required=_("Skriv hvad I aftalte."))
    _raise(errors)
    meeting.agreed = text
    meeting.is_open = False
    meeting.save(update_fields=["agreed", "is_open"])
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.UPDATE, obj=meeting)
    return meeting


# --- journal notes ------------------------------------------------------------------------------------


@transaction.atomic
def note_create(*, youth: Youth, actor: Any, text: str) -> JournalNote:
    """A note is visible to the youth: "alt vi skriver er tilgængeligt for den unge"."""
    _check_staff_editor(youth=youth, actor=actor)
    errors: dict[str, str] = {}
    text = _text(errors, "text", text, max_len=5000, required=_("Skriv notatet."))
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(JournalNote.objects.filter(youth=youth, author=actor, text=text, created_at__gte=_recent()).exists(),
                   "text", _("Notatet er allerede gemt."))
    note = JournalNote.objects.create(youth=youth, text=text, author=actor,
                                      author_name=_actor_name(youth=youth, actor=actor, by_youth=False))
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.CREATE, obj=note)
    return note


@transaction.atomic
def note_hide(*, youth: Youth, note: JournalNote, actor: Any, reason: str, explanation: str = "") -> JournalNote:
    """Keep a note from the youth. Only for a legal reason, which is stored and written to the audit log."""
    _check_staff_editor(youth=youth, actor=actor)
    if note.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Notatet hører ikke til denne unge.")]})
    errors: dict[str, str] = {}
    _choice(errors, "reason", reason, HiddenReason.values,
            _("Vælg den lovhjemmel, der gør, at den unge ikke må se notatet."))
    explanation = _text(errors, "explanation", explanation, max_len=300)
    _raise(errors)
    note.visible_to_youth = False
    note.hidden_reason = reason
    note.hidden_explanation = explanation
    note.hidden_by_name = _actor_name(youth=youth, actor=actor, by_youth=False)
    note.hidden_at = timezone.now()
    note.save(update_fields=["visible_to_youth", "hidden_reason", "hidden_explanation", "hidden_by_name",
                             "hidden_at"])
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.UPDATE, obj=note,
           purpose=str(HiddenReason(reason).label),
           detail={"visible_to_youth": False, "reason": reason, "explanation": explanation})
    return note


@transaction.atomic
def note_show(*, youth: Youth, note: JournalNote, actor: Any) -> JournalNote:
    """Make a hidden note visible to the youth again (audited)."""
    _check_staff_editor(youth=youth, actor=actor)
    if note.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Notatet hører ikke til denne unge.")]})
    note.visible_to_youth = True
    note.hidden_reason = ""
    note.hidden_explanation = ""
    note.hidden_by_name = ""
    note.hidden_at = None
    note.save(update_fields=["visible_to_youth", "hidden_reason", "hidden_explanation", "hidden_by_name",
                             "hidden_at"])
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.UPDATE, obj=note,
           detail={"visible_to_youth": True})
    return note


# --- print and share ----------------------------------------------------------------------------------


def _check_reader(*, youth: Youth, actor: Any, by_youth: bool) -> None:
    if by_youth:
        if actor is not None:
            raise PermissionDenied("by_youth=True is the young person acting; pass actor=None")
        return
    if actor is None or not can_read_plan(actor, youth):
        raise PermissionDenied(_("Du kan ikke se denne unges plan."))


@transaction.atomic
def plan_share(*, youth: Youth, actor: Any = None, by_youth: bool = False, recipient_name: str,
               recipient_organisation: str = "", purpose: str, parts: Iterable[str], consent: str,
               consent_confirmed: bool) -> PlanShare:
    """Record that (parts of) Min plan go to a party outside the circle, with the youth's consent."""
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    errors: dict[str, str] = {}
    recipient_name = _text(errors, "recipient_name", recipient_name, max_len=200,
                           required=_("Skriv hvem planen gives til."))
    recipient_organisation = _text(errors, "recipient_organisation", recipient_organisation, max_len=200)
    purpose = _text(errors, "purpose", purpose, max_len=300, required=_("Skriv hvad modtageren skal bruge den til."))
    chosen = list(dict.fromkeys(parts or []))
    if not chosen or any(p not in SharePart.values for p in chosen):
        errors["parts"] = _("Vælg hvad der skal deles.")
    if by_youth:
        consent = ShareConsent.YOUTH_GAVE
    _choice(errors, "consent", consent, ShareConsent.values, _("Vælg hvordan den unge har givet samtykke."))
    if not consent_confirmed and not by_youth:
        errors["consent_confirmed"] = _("Planen kan kun deles, når den unge har sagt ja til netop denne deling.")
    _raise(errors)
    _lock_youth(youth)
    ordered = [p for p in SharePart.values if p in chosen]
    _refuse_double(PlanShare.objects.filter(youth=youth, recipient_name=recipient_name, purpose=purpose, parts=ordered,
                                            created_at__gte=_recent()).exists(),
                   NON_FIELD_ERRORS, _("Delingen er allerede registreret."))
    share = PlanShare.objects.create(
        youth=youth, recipient_name=recipient_name, recipient_organisation=recipient_organisation,
        purpose=purpose, parts=[p for p in SharePart.values if p in chosen], consent=consent,
        shared_by=None if by_youth else actor,
        shared_by_name=_actor_name(youth=youth, actor=actor, by_youth=by_youth))
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.EXPORT, obj=share, purpose=purpose,
           detail={"recipient": recipient_name, "organisation": recipient_organisation, "parts": share.parts,
                   "consent": consent})
    return share


def plan_pdf(*, youth: Youth, actor: Any = None, by_youth: bool = False, share: PlanShare | None = None) -> bytes:
    """Min plan as a PDF (all parts, or exactly what a recorded share contains). The export is audited."""
    from ungeforlob.plans.pdf import render_plan_pdf

    _check_reader(youth=youth, actor=actor, by_youth=by_youth)
    if share is not None and share.youth_id != youth.pk:
        raise PermissionDenied
    parts = share.parts if share is not None else list(SharePart.values)
    pdf = render_plan_pdf(youth, parts=parts)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.EXPORT, object_type="plan_pdf",
           detail={"parts": parts, "share": share.pk if share else None})
    return pdf
