"""Min plan: at most three goals, their sub-goals, the activities that serve them, and evaluations."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.plans.models import (
    MAX_GOALS,
    TEXT_MAX,
    Activity,
    ActivityStatus,
    Evaluation,
    Goal,
    Responsible,
    SubGoal,
    SubGoalStatus,
    WrittenBy,
)
from ungeforlob.plans.services._base import (
    _actor_name,
    _audit,
    _check_editor,
    _choice,
    _lock_youth,
    _raise,
    _recent,
    _refuse_double,
    _text,
)
from ungeforlob.plans.services.history import diff, record_change, save_versioned
from ungeforlob.vocabulary.selectors import method_choices, method_labels
from ungeforlob.youth.models import Youth

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
    record_change(youth=youth, actor=actor, by_youth=by_youth, obj=goal, label=goal.text, action="create",
            changes=diff(Goal(), values), reason=change_reason)
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
    changes = diff(goal, values)
    if changes:
        # Nothing to write when nothing changed, so nothing can be overwritten either.
        save_versioned(goal, version=version, values=values)
        record_change(youth=youth, actor=actor, by_youth=by_youth, obj=goal, label=goal.text, action="update",
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
    record_change(youth=youth, actor=actor, by_youth=by_youth, obj=goal, label=goal.text, action="delete",
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
    record_change(youth=youth, actor=actor, by_youth=by_youth, obj=subgoal, label=subgoal.text, action="create",
            changes=diff(SubGoal(), values), reason=change_reason)
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
    changes = diff(subgoal, values)
    if changes:
        # Nothing to write when nothing changed, so nothing can be overwritten either.
        save_versioned(subgoal, version=version, values=values)
        record_change(youth=youth, actor=actor, by_youth=by_youth, obj=subgoal, label=subgoal.text, action="update",
                changes=changes, reason=change_reason)
        _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.UPDATE, obj=subgoal,
               detail={"fields": sorted(changes)})
    return subgoal


@transaction.atomic
def subgoal_delete(*, youth: Youth, subgoal: SubGoal, actor: Any = None, by_youth: bool = False,
                   change_reason: str = "") -> None:
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    _subgoal_of(youth, subgoal)
    record_change(youth=youth, actor=actor, by_youth=by_youth, obj=subgoal, label=subgoal.text, action="delete",
            reason=change_reason)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.DELETE, obj=subgoal)
    subgoal.delete()


# --- activities ---------------------------------------------------------------------------------------


def _activity_values(errors: dict[str, str], *, youth: Youth, subgoal: SubGoal | None, title: Any,
                     reason: Any, responsible: Any, responsible_name: Any, start_date: Any, end_date: Any,
                     when_text: Any, place: Any, status: Any, methods: Any, offer: Any,
                     keep_methods: Iterable[str] = ()) -> dict[str, Any]:
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
    # The municipality's method tags (vocabulary); a retired one only stays on an activity that had it.
    allowed = [code for code, _label in method_choices(youth.municipality_id, keep=tuple(keep_methods))]
    chosen = list(dict.fromkeys(methods or []))
    if any(m not in allowed for m in chosen):
        errors["methods"] = _("Vælg metoder fra listen.")
    values["methods"] = [m for m in allowed if m in chosen]
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
    record_change(youth=youth, actor=actor, by_youth=by_youth, obj=activity, label=activity.title, action="create",
            changes=diff(Activity(), shown, list_labels=method_labels(youth.municipality_id)),
            reason=change_reason)
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
                              methods=methods, offer=offer, keep_methods=activity.methods or ())
    _raise(errors)
    changes = diff(activity, values, list_labels=method_labels(youth.municipality_id))
    if changes:
        # Nothing to write when nothing changed, so nothing can be overwritten either.
        save_versioned(activity, version=version, values=values)
        record_change(youth=youth, actor=actor, by_youth=by_youth, obj=activity, label=activity.title,
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
    record_change(youth=youth, actor=actor, by_youth=by_youth, obj=activity, label=activity.title, action="delete",
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
