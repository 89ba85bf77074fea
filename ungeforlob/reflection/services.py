"""Writes for "Modellen hos os": the model's texts, reflection groups, reflections and their actions, and the
competence profile. Every function is atomic, keyword-only, refuses bad input with a Danish ValidationError
and records its own audit row (no young person is involved, so the rows carry none)."""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Municipality, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core import forms as core_forms
from ungeforlob.reflection.models import (
    TEXT_MAX,
    AgreedAction,
    Answer,
    Competence,
    DevelopmentItem,
    Element,
    GroupKind,
    Question,
    Rating,
    Reflection,
    ReflectionGroup,
    SelfRating,
)

DATA = Path(__file__).parent / "data" / "model.json"
LEVELS = (1, 2, 3, 4)


@cache
def default_data() -> dict[str, Any]:
    """The model's elements, questions, scales and the generic competence profile shipped with the app."""
    return json.loads(DATA.read_text(encoding="utf-8"))


class StaleEdit(core_forms.StaleEdit):
    """Someone else saved the reflection in between; `current_version` lets the form save over it knowingly."""

    def __init__(self, message: str, *, current_version: int) -> None:
        super().__init__({NON_FIELD_ERRORS: [message]}, current_version=current_version)


def _audit(actor: Any, action: str, obj: Any, **detail: Any) -> None:
    audit_record(actor=actor, action=action, obj=obj, detail=detail or None)


def _clean_text(value: str, *, field: str, max_length: int, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError({field: _("Skriv en tekst.")})
    if len(text) > max_length:
        raise ValidationError({field: _("Teksten må højst være %(n)s tegn.") % {"n": max_length}})
    return text


def _check_date(value: Any, *, field: str) -> datetime.date:
    if not isinstance(value, datetime.date):
        raise ValidationError({field: _("Skriv en gyldig dato.")})
    today = timezone.localdate()
    if abs((value - today).days) > 366 * 5:
        raise ValidationError({field: _("Datoen skal ligge inden for fem år fra i dag.")})
    return value


# --- The model's texts ------------------------------------------------------------------------------------

@transaction.atomic
def defaults_install(*, actor: Any, municipality: Municipality) -> int:
    """Give the municipality the model's elements and questions and the generic competence profile, if it
    has none yet (idempotent: what exists is left alone). Returns how many rows were added."""
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    data = default_data()
    added = 0
    if not Element.objects.filter(municipality=municipality).exists():
        for position, spec in enumerate(data["elements"]):
            element = Element.objects.create(municipality=municipality, key=spec["key"], side=spec["side"],
                                             title=spec["title"], summary=spec["summary"], position=position)
            Question.objects.bulk_create(Question(element=element, text=text, position=i)
                                         for i, text in enumerate(spec["questions"]))
            added += 1 + len(spec["questions"])
    if not Competence.objects.filter(municipality=municipality).exists():
        Competence.objects.bulk_create(
            Competence(municipality=municipality, title=c["title"], description=c["description"], position=i)
            for i, c in enumerate(data["competences"]))
        added += len(data["competences"])
    if added:
        audit_record(actor=actor, action=AuditAction.CREATE, object_type="model_defaults",
                     object_id=municipality.pk, municipality=municipality, detail={"rows": added})
    return added


def _save_versioned(obj: Element | Reflection, *, version: Any, values: dict[str, Any], label: str) -> None:
    """A conditional UPDATE on the version the user saw: safe when two people save at the same moment."""
    try:
        expected = int(version)
    except (TypeError, ValueError):
        expected = -1
    updated = type(obj).objects.filter(pk=obj.pk, version=expected).update(
        **values, version=F("version") + 1, updated_at=timezone.now())
    if not updated:
        current = type(obj).objects.filter(pk=obj.pk).values_list("version", flat=True).first() or 0
        raise StaleEdit(_("Dine ændringer er ikke gemt, fordi en anden har gemt %(what)s imens. Dine ord står "
                          "stadig i formularen – læs den nye udgave og gem igen, hvis dine skal erstatte den.")
                        % {"what": label}, current_version=current)
    for key, value in values.items():
        setattr(obj, key, value)
    obj.version = expected + 1


@transaction.atomic
def element_update(*, actor: Any, element: Element, version: Any, title: str, summary: str) -> Element:
    values = {"title": _clean_text(title, field="title", max_length=120),
              "summary": _clean_text(summary, field="summary", max_length=1000, required=False)}
    _save_versioned(element, version=version, values=values, label=_("elementet"))
    _audit(actor, AuditAction.UPDATE, element)
    return element


@transaction.atomic
def question_add(*, actor: Any, element: Element, text: str) -> Question:
    text = _clean_text(text, field="text", max_length=500)
    last = element.questions.aggregate(m=Max("position"))["m"]
    question = Question.objects.create(element=element, text=text, position=(last or 0) + 1)
    _audit(actor, AuditAction.CREATE, question)
    return question


@transaction.atomic
def question_reword(*, actor: Any, question: Question, text: str) -> Question:
    question.text = _clean_text(text, field="text", max_length=500)
    question.save(update_fields=["text"])
    _audit(actor, AuditAction.UPDATE, question)
    return question


@transaction.atomic
def question_retire(*, actor: Any, question: Question, retire: bool = True) -> Question:
    """Take a question out of use (or back into use). Old reflections keep their answers to it."""
    question.retired_at = timezone.now() if retire else None
    question.save(update_fields=["retired_at"])
    _audit(actor, AuditAction.UPDATE, question, retired=retire)
    return question


# --- Reflection groups and reflections ------------------------------------------------------------------

@transaction.atomic
def group_create(*, actor: Any, name: str, kind: str, members: list[User]) -> ReflectionGroup:
    name = _clean_text(name, field="name", max_length=150)
    if kind not in GroupKind.values:
        raise ValidationError({"kind": _("Vælg en slags gruppe.")})
    if not members:
        raise ValidationError({"members": _("Vælg mindst ét medlem.")})
    if any(m.municipality_id != actor.municipality_id for m in members):
        raise ValidationError({"members": _("Medlemmerne skal være ansat i kommunen.")})
    group = ReflectionGroup.objects.create(municipality_id=actor.municipality_id, name=name, kind=kind)
    group.members.set(members)
    _audit(actor, AuditAction.CREATE, group, members=len(members))
    return group


@transaction.atomic
def group_update(*, actor: Any, group: ReflectionGroup, name: str, kind: str, members: list[User]) -> ReflectionGroup:
    """Rename a group and set its members. Actions already agreed stay with their owners."""
    name = _clean_text(name, field="name", max_length=150)
    if kind not in GroupKind.values:
        raise ValidationError({"kind": _("Vælg en slags gruppe.")})
    if not members:
        raise ValidationError({"members": _("Vælg mindst ét medlem.")})
    if any(m.municipality_id != group.municipality_id for m in members):
        raise ValidationError({"members": _("Medlemmerne skal være ansat i kommunen.")})
    group.name, group.kind = name, kind
    group.save(update_fields=["name", "kind"])
    group.members.set(members)
    _audit(actor, AuditAction.UPDATE, group, members=len(members))
    return group


@transaction.atomic
def reflection_create(*, actor: Any, group: ReflectionGroup, held_on: Any, title: str = "") -> Reflection:
    held_on = _check_date(held_on, field="held_on")
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("En refleksion kan ikke ligge ude i fremtiden.")})
    reflection = Reflection.objects.create(group=group, held_on=held_on, created_by=actor,
                                           title=_clean_text(title, field="title", max_length=150, required=False))
    _audit(actor, AuditAction.CREATE, reflection)
    return reflection


@transaction.atomic
def reflection_save(*, actor: Any, reflection: Reflection, version: Any, title: str,
                    answers: dict[int, str], ratings: dict[int, int | None]) -> Reflection:
    """Save the answers (per question id) and maturity ratings (per element id, None to clear) in one go,
    refused with StaleEdit when someone else saved the reflection since `version` was read."""
    municipality_id = reflection.group.municipality_id
    questions = set(Question.objects.filter(pk__in=answers, element__municipality_id=municipality_id)
                    .values_list("pk", flat=True))
    elements = set(Element.objects.filter(pk__in=ratings, municipality_id=municipality_id)
                   .values_list("pk", flat=True))
    if set(answers) - questions or set(ratings) - elements:
        raise ValidationError(_("Formularen passer ikke til modellen længere. Hent siden igen."))
    for qid, text in answers.items():
        _clean_text(text, field=f"answer_{qid}", max_length=TEXT_MAX, required=False)
    for eid, level in ratings.items():
        if level is not None and level not in LEVELS:
            raise ValidationError({f"rating_{eid}": _("Vælg et trin fra 1 til 4.")})
    title = _clean_text(title, field="title", max_length=150, required=False)
    _save_versioned(reflection, version=version, values={"title": title}, label=_("refleksionen"))

    written = {qid: (text or "").strip() for qid, text in answers.items()}
    Answer.objects.filter(reflection=reflection, question_id__in=[q for q, t in written.items() if not t]).delete()
    existing = {a.question_id: a for a in Answer.objects.filter(reflection=reflection, question_id__in=written)}
    Answer.objects.bulk_create([Answer(reflection=reflection, question_id=q, text=t)
                                for q, t in written.items() if t and q not in existing])
    changed = [a for q, a in existing.items() if written[q] and a.text != written[q]]
    for answer in changed:
        answer.text = written[answer.question_id]
    Answer.objects.bulk_update(changed, ["text"])

    Rating.objects.filter(reflection=reflection, element_id__in=[e for e, lv in ratings.items() if lv is None]
                          ).delete()
    current = {r.element_id: r for r in Rating.objects.filter(reflection=reflection, element_id__in=ratings)}
    Rating.objects.bulk_create([Rating(reflection=reflection, element_id=e, level=lv)
                                for e, lv in ratings.items() if lv is not None and e not in current])
    moved = [r for e, r in current.items() if ratings[e] is not None and r.level != ratings[e]]
    for rating in moved:
        rating.level = ratings[rating.element_id]  # type: ignore[assignment]
    Rating.objects.bulk_update(moved, ["level"])
    _audit(actor, AuditAction.UPDATE, reflection)
    return reflection


@transaction.atomic
def reflection_delete(*, actor: Any, reflection: Reflection) -> None:
    _audit(actor, AuditAction.DELETE, reflection, group=reflection.group_id, held_on=str(reflection.held_on))
    reflection.delete()


@transaction.atomic
def action_add(*, actor: Any, reflection: Reflection, text: str, owner: User | None,
               due: Any) -> AgreedAction:
    text = _clean_text(text, field="text", max_length=300)
    if owner is None or not reflection.group.members.filter(pk=owner.pk).exists():
        raise ValidationError({"owner": _("Vælg en ansvarlig blandt gruppens medlemmer.")})
    due = _check_date(due, field="due")
    action = AgreedAction.objects.create(reflection=reflection, text=text, owner=owner, due=due)
    _audit(actor, AuditAction.CREATE, action)
    return action


@transaction.atomic
def action_complete(*, actor: Any, action: AgreedAction) -> AgreedAction:
    if action.done_at is None:
        AgreedAction.objects.filter(pk=action.pk, done_at__isnull=True).update(done_at=timezone.now())
        action.refresh_from_db(fields=["done_at"])
        _audit(actor, AuditAction.UPDATE, action, done=True)
    return action


# --- The competence profile -------------------------------------------------------------------------------

@transaction.atomic
def competence_add(*, actor: Any, title: str, description: str) -> Competence:
    last = Competence.objects.filter(municipality_id=actor.municipality_id).aggregate(m=Max("position"))["m"]
    competence = Competence.objects.create(
        municipality_id=actor.municipality_id, title=_clean_text(title, field="title", max_length=120),
        description=_clean_text(description, field="description", max_length=1000, required=False),
        position=(last or 0) + 1)
    _audit(actor, AuditAction.CREATE, competence)
    return competence


@transaction.atomic
def competence_update(*, actor: Any, competence: Competence, title: str, description: str) -> Competence:
    competence.title = _clean_text(title, field="title", max_length=120)
    competence.description = _clean_text(description, field="description", max_length=1000, required=False)
    competence.save(update_fields=["title", "description"])
    _audit(actor, AuditAction.UPDATE, competence)
    return competence


def competence_in_use(competence: Competence) -> bool:
    return competence.self_ratings.exists() or competence.development_items.exists()


@transaction.atomic
def competence_remove(*, actor: Any, competence: Competence) -> str:
    """Delete a competence nobody has used; one that has ratings or plan items is archived instead, so the
    profiles that rated it keep their history. Returns "deleted" or "archived"."""
    if competence_in_use(competence):
        if competence.retired_at is None:
            competence.retired_at = timezone.now()
            competence.save(update_fields=["retired_at"])
        _audit(actor, AuditAction.UPDATE, competence, retired=True)
        return "archived"
    _audit(actor, AuditAction.DELETE, competence, title=competence.title)
    competence.delete()
    return "deleted"


@transaction.atomic
def competence_restore(*, actor: Any, competence: Competence) -> Competence:
    competence.retired_at = None
    competence.save(update_fields=["retired_at"])
    _audit(actor, AuditAction.UPDATE, competence, retired=False)
    return competence


@transaction.atomic
def self_rating_save(*, actor: Any, levels: dict[int, int | None]) -> int:
    """The actor's own ratings (per competence id, None to clear) of their municipality's active
    competences. Returns how many competences are rated afterwards."""
    active = set(Competence.objects.filter(municipality_id=actor.municipality_id, retired_at__isnull=True,
                                           pk__in=levels).values_list("pk", flat=True))
    if set(levels) - active:
        raise ValidationError(_("Profilen er ændret, mens du udfyldte den. Hent siden igen."))
    for cid, level in levels.items():
        if level is not None and level not in LEVELS:
            raise ValidationError({f"level_{cid}": _("Vælg et trin fra 1 til 4.")})
    SelfRating.objects.filter(person=actor, competence_id__in=[c for c, lv in levels.items() if lv is None]).delete()
    current = {r.competence_id: r for r in SelfRating.objects.filter(person=actor, competence_id__in=levels)}
    SelfRating.objects.bulk_create([SelfRating(person=actor, competence_id=c, level=lv)
                                    for c, lv in levels.items() if lv is not None and c not in current])
    moved = [r for c, r in current.items() if levels[c] is not None and r.level != levels[c]]
    now = timezone.now()
    for rating in moved:
        rating.level, rating.rated_at = levels[rating.competence_id], now  # type: ignore[assignment]
    SelfRating.objects.bulk_update(moved, ["level", "rated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, object_type="self_rating", object_id=actor.pk)
    return SelfRating.objects.filter(person=actor).count()


@transaction.atomic
def development_item_add(*, actor: Any, person: User, text: str, due: Any,
                         competence: Competence | None = None) -> DevelopmentItem:
    text = _clean_text(text, field="text", max_length=300)
    due = _check_date(due, field="due")
    if competence is not None and competence.municipality_id != person.municipality_id:
        raise ValidationError({"competence": _("Vælg en af kommunens kompetencer.")})
    item = DevelopmentItem.objects.create(person=person, competence=competence, text=text, due=due)
    _audit(actor, AuditAction.CREATE, item, person=person.pk)
    return item


@transaction.atomic
def development_item_complete(*, actor: Any, item: DevelopmentItem) -> DevelopmentItem:
    if item.done_at is None:
        DevelopmentItem.objects.filter(pk=item.pk, done_at__isnull=True).update(done_at=timezone.now())
        item.refresh_from_db(fields=["done_at"])
        _audit(actor, AuditAction.UPDATE, item, done=True)
    return item
