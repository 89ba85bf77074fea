"""Writes of the shared language. Each is atomic, validates with Danish messages, checks the version it was
given (optimistic locking: a concurrent edit is refused, not overwritten) and records its own audit row."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole
from ungeforlob.vocabulary import defaults, permissions
from ungeforlob.vocabulary.models import AgeBounds, Approach, MethodTag, RoleDescription, Term

STALE = gettext_lazy("Nogen har ændret det, mens du skrev. Se den nye udgave herunder, og ret igen, hvis det stadig er nødvendigt.")


def _stale_error() -> ValidationError:
    """The refusal of a save based on an old version (the code lets the view move the form to the new one)."""
    return ValidationError({"__all__": ValidationError(STALE, code="stale")})


def _editor(actor: Any) -> None:
    if not permissions.may_edit_vocabulary(actor):
        raise PermissionDenied


def _text(errors: dict[str, str], field: str, value: Any, *, max_len: int, required: str = "") -> str:
    text = str(value or "").strip()
    if required and not text:
        errors[field] = required
    elif len(text) > max_len:
        errors[field] = _("Teksten er for lang (højst %(n)s tegn).") % {"n": max_len}
    return text


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _version(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _save_versioned(obj: Model, *, version: Any, values: dict[str, Any]) -> None:
    """A conditional UPDATE on the version the editor saw: safe under concurrency."""
    expected = _version(version)
    updated = type(obj).objects.filter(pk=obj.pk, version=expected).update(**values, version=F("version") + 1)
    if not updated:
        raise _stale_error()
    for key, value in values.items():
        setattr(obj, key, value)
    obj.version = expected + 1


# --- the glossary ------------------------------------------------------------------------------------------


def _term_values(errors: dict[str, str], *, term: Any, meaning: Any, examples: Any, agreed_by: Any,
                 agreed_on: Any) -> dict[str, Any]:
    values = {
        "term": _text(errors, "term", term, max_len=80, required=_("Skriv begrebet.")),
        "meaning": _text(errors, "meaning", meaning, max_len=1500, required=_("Skriv den aftalte betydning.")),
        "examples": _text(errors, "examples", examples, max_len=1500),
        "agreed_by": _text(errors, "agreed_by", agreed_by, max_len=150),
        "agreed_on": agreed_on,
    }
    if agreed_on is not None and not isinstance(agreed_on, datetime.date):
        errors["agreed_on"] = _("Skriv en gyldig dato.")
    elif isinstance(agreed_on, datetime.date) and agreed_on > timezone.localdate():
        errors["agreed_on"] = _("Datoen for aftalen kan ikke ligge i fremtiden.")
    return values


def _unique_term(municipality_id: int, term: str, *, exclude: int | None = None) -> None:
    same = Term.objects.filter(municipality_id=municipality_id, term__iexact=term)
    if exclude is not None:
        same = same.exclude(pk=exclude)
    if same.exists():
        raise ValidationError({"term": _("Begrebet findes allerede i kommunens fælles sprog.")})


@transaction.atomic
def term_create(*, actor: Any, term: str, meaning: str, examples: str = "", agreed_by: str = "",
                agreed_on: datetime.date | None = None) -> Term:
    """Add a term to the actor's municipality's glossary."""
    _editor(actor)
    errors: dict[str, str] = {}
    values = _term_values(errors, term=term, meaning=meaning, examples=examples, agreed_by=agreed_by,
                          agreed_on=agreed_on)
    _raise(errors)
    _unique_term(actor.municipality_id, values["term"])
    obj = Term.objects.create(municipality_id=actor.municipality_id, updated_by=actor, **values)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=obj)
    return obj


@transaction.atomic
def term_update(*, actor: Any, term_obj: Term, version: Any, term: str, meaning: str, examples: str = "",
                agreed_by: str = "", agreed_on: datetime.date | None = None, is_archived: bool = False) -> Term:
    """Change a term if nobody else has since the editor opened it (`version`)."""
    _editor(actor)
    if term_obj.municipality_id != actor.municipality_id:
        raise PermissionDenied
    errors: dict[str, str] = {}
    values = _term_values(errors, term=term, meaning=meaning, examples=examples, agreed_by=agreed_by,
                          agreed_on=agreed_on)
    _raise(errors)
    _unique_term(actor.municipality_id, values["term"], exclude=term_obj.pk)
    values["is_archived"] = bool(is_archived)
    values["updated_by"] = actor
    values["updated_at"] = timezone.now()
    _save_versioned(term_obj, version=version, values=values)
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=term_obj)
    return term_obj


def term_in_use(term_obj: Term) -> bool:
    """A term is in use while a label across the product (a level, a role) explains itself with it."""
    return bool(term_obj.key) and term_obj.key in defaults.LABEL_KEYS


@transaction.atomic
def term_delete(*, actor: Any, term_obj: Term) -> bool:
    """Delete a term; one in use is archived instead (its label stops explaining itself, nothing breaks).
    Returns True when the term was deleted, False when it was archived."""
    _editor(actor)
    if term_obj.municipality_id != actor.municipality_id:
        raise PermissionDenied
    if term_in_use(term_obj):
        Term.objects.filter(pk=term_obj.pk).update(is_archived=True, version=F("version") + 1,
                                                   updated_by=actor, updated_at=timezone.now())
        term_obj.is_archived = True
        audit_record(actor=actor, action=AuditAction.UPDATE, obj=term_obj, detail={"archived": True})
        return False
    audit_record(actor=actor, action=AuditAction.DELETE, obj=term_obj)
    term_obj.delete()
    return True


@transaction.atomic
def glossary_seed(*, municipality_id: int, actor: Any = None) -> int:
    """Add the shipped terms the municipality does not have yet (by key; never overwrites its own words).
    Returns how many were added. Idempotent."""
    if actor is not None:
        _editor(actor)
        municipality_id = actor.municipality_id
    have_keys = set(Term.objects.filter(municipality_id=municipality_id).values_list("key", flat=True))
    have_terms = {t.lower() for t in Term.objects.filter(municipality_id=municipality_id)
                  .values_list("term", flat=True)}
    new = [Term(municipality_id=municipality_id, key=t["key"], term=t["term"], meaning=t["meaning"],
                examples=t.get("examples", ""), agreed_by=str(defaults.AGREED_BY_DEFAULT), updated_by=actor)
           for t in defaults.shipped_terms() if t["key"] not in have_keys and t["term"].lower() not in have_terms]
    Term.objects.bulk_create(new)
    if new and actor is not None:
        audit_record(actor=actor, action=AuditAction.CREATE, object_type="term", detail={"seeded": len(new)})
    return len(new)


# --- role descriptions -------------------------------------------------------------------------------------


@transaction.atomic
def role_description_save(*, actor: Any, role: str, version: Any, staff_text: str, youth_helps: str,
                          youth_not: str = "", decides: bool = False) -> RoleDescription:
    """Write the municipality's own description of a chain role (the first save replaces the default).
    `version` is what the editor saw: 0 for the shipped default."""
    _editor(actor)
    if role not in ChainRole.values:
        raise ValidationError({"role": _("Vælg en rolle fra listen.")})
    errors: dict[str, str] = {}
    values = {
        "staff_text": _text(errors, "staff_text", staff_text, max_len=2000,
                            required=_("Skriv hvad rollen betyder for fagfolk.")),
        "youth_helps": _text(errors, "youth_helps", youth_helps, max_len=300,
                             required=_("Skriv med enkle ord, hvad rollen kan hjælpe den unge med.")),
        "youth_not": _text(errors, "youth_not", youth_not, max_len=300),
        "decides": bool(decides),
    }
    _raise(errors)
    row = RoleDescription.objects.select_for_update().filter(municipality_id=actor.municipality_id,
                                                            role=role).first()
    if row is None:
        if _version(version) != 0:
            raise _stale_error()
        try:
            with transaction.atomic():
                row = RoleDescription.objects.create(municipality_id=actor.municipality_id, role=role,
                                                     updated_by=actor, **values)
        except IntegrityError:
            raise _stale_error() from None
        audit_record(actor=actor, action=AuditAction.CREATE, obj=row)
        return row
    _save_versioned(row, version=version, values={**values, "updated_by": actor, "updated_at": timezone.now()})
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=row)
    return row


@transaction.atomic
def role_description_reset(*, actor: Any, role: str) -> bool:
    """Go back to the shipped default for a role (the role itself stays). Returns whether there was a local text."""
    _editor(actor)
    row = RoleDescription.objects.filter(municipality_id=actor.municipality_id, role=role).first()
    if row is None:
        return False
    audit_record(actor=actor, action=AuditAction.DELETE, obj=row)
    row.delete()
    return True


# --- method tags -------------------------------------------------------------------------------------------


def _materialize_methods(municipality_id: int) -> None:
    """The first change to the list writes the shipped defaults as the municipality's own rows."""
    if MethodTag.objects.filter(municipality_id=municipality_id).exists():
        return
    MethodTag.objects.bulk_create([
        MethodTag(municipality_id=municipality_id, code=code, label=label, position=i)
        for i, (code, label) in enumerate(defaults.default_methods(), start=1)
    ])


def _method_values(errors: dict[str, str], *, label: Any, description: Any) -> dict[str, Any]:
    return {
        "label": _text(errors, "label", label, max_len=80, required=_("Skriv metodens navn.")),
        "description": _text(errors, "description", description, max_len=300),
    }


def _unique_label(municipality_id: int, label: str, *, exclude: int | None = None) -> None:
    same = MethodTag.objects.filter(municipality_id=municipality_id, label__iexact=label)
    if exclude is not None:
        same = same.exclude(pk=exclude)
    if same.exists():
        raise ValidationError({"label": _("Metoden findes allerede på listen.")})


@transaction.atomic
def method_tag_create(*, actor: Any, label: str, description: str = "") -> MethodTag:
    """Add a method (SeSiFU, IPS, a local method …) to the municipality's list."""
    _editor(actor)
    errors: dict[str, str] = {}
    values = _method_values(errors, label=label, description=description)
    _raise(errors)
    _materialize_methods(actor.municipality_id)
    _unique_label(actor.municipality_id, values["label"])
    base = slugify(values["label"])[:34] or "metode"
    if base == "ny":  # the address of the "new method" page
        base = "ny-metode"
    taken = set(MethodTag.objects.filter(municipality_id=actor.municipality_id, code__startswith=base)
                .values_list("code", flat=True))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    last = MethodTag.objects.filter(municipality_id=actor.municipality_id).order_by("-position").first()
    obj = MethodTag.objects.create(municipality_id=actor.municipality_id, code=code,
                                   position=(last.position + 1) if last else 1, **values)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=obj)
    return obj


def _method_row(actor: Any, code: str) -> MethodTag:
    _materialize_methods(actor.municipality_id)
    row = MethodTag.objects.filter(municipality_id=actor.municipality_id, code=code).first()
    if row is None:
        raise ValidationError({"__all__": _("Metoden findes ikke på listen.")})
    return row


@transaction.atomic
def method_tag_update(*, actor: Any, code: str, version: Any, label: str, description: str = "",
                      is_retired: bool = False) -> MethodTag:
    """Reword, retire or bring back a method. `version` is what the editor saw (0 for a shipped default the
    municipality has not changed yet)."""
    _editor(actor)
    fresh = not MethodTag.objects.filter(municipality_id=actor.municipality_id).exists()
    row = _method_row(actor, code)
    errors: dict[str, str] = {}
    values = _method_values(errors, label=label, description=description)
    _raise(errors)
    _unique_label(actor.municipality_id, values["label"], exclude=row.pk)
    values["is_retired"] = bool(is_retired)
    _save_versioned(row, version=(row.version if fresh and _version(version) == 0 else version), values=values)
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=row)
    return row


def method_in_use(municipality_id: int, code: str) -> bool:
    """Does any activity of the municipality carry the method? (Read with the filter in the database where it
    can narrow, the exact check on the JSON list in Python.)"""
    from ungeforlob.plans.models import Activity

    lists = Activity.objects.filter(subgoal__goal__youth__municipality_id=municipality_id,
                                    methods__icontains=code).values_list("methods", flat=True)
    return any(code in (methods or []) for methods in lists.iterator())


@transaction.atomic
def method_tag_delete(*, actor: Any, code: str) -> bool:
    """Delete a method; one used on an activity is retired instead (it keeps its label there).
    Returns True when deleted, False when retired."""
    _editor(actor)
    row = _method_row(actor, code)
    if method_in_use(actor.municipality_id, code):
        MethodTag.objects.filter(pk=row.pk).update(is_retired=True, version=F("version") + 1)
        audit_record(actor=actor, action=AuditAction.UPDATE, obj=row, detail={"retired": True})
        return False
    audit_record(actor=actor, action=AuditAction.DELETE, obj=row)
    row.delete()
    return True


# --- age bounds --------------------------------------------------------------------------------------------


@transaction.atomic
def age_bounds_set(*, actor: Any, version: Any, min_age: Any, max_age: Any, note: str = "") -> AgeBounds:
    """Set the target group's age range (e.g. Varde from 8th grade: 14). `version` 0 for the default."""
    _editor(actor)
    low_limit, high_limit = defaults.AGE_LIMITS
    errors: dict[str, str] = {}
    ages: dict[str, int] = {}
    for field, value in (("min_age", min_age), ("max_age", max_age)):
        try:
            ages[field] = int(value)
        except (TypeError, ValueError):
            errors[field] = _("Skriv en alder i hele år.")
            continue
        if not low_limit <= ages[field] <= high_limit:
            errors[field] = _("Alderen skal være mellem %(low)s og %(high)s år.") % {
                "low": low_limit, "high": high_limit}
    if not errors and ages["min_age"] > ages["max_age"]:
        errors["max_age"] = _("Den højeste alder kan ikke være lavere end den laveste.")
    note = _text(errors, "note", note, max_len=300)
    _raise(errors)
    values = {"min_age": ages["min_age"], "max_age": ages["max_age"], "note": note}
    row = AgeBounds.objects.select_for_update().filter(municipality_id=actor.municipality_id).first()
    if row is None:
        if _version(version) != 0:
            raise _stale_error()
        try:
            with transaction.atomic():
                row = AgeBounds.objects.create(municipality_id=actor.municipality_id, **values)
        except IntegrityError:
            raise _stale_error() from None
        audit_record(actor=actor, action=AuditAction.CREATE, obj=row, detail=values)
        return row
    _save_versioned(row, version=version, values={**values, "updated_at": timezone.now()})
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=row, detail=values)
    return row


# --- approaches --------------------------------------------------------------------------------------------


@transaction.atomic
def approach_save(*, actor: Any, organisation: Any, version: Any, approach: str, methods: str = "",
                  contact: str = "") -> Approach:
    """Write an organisation's description of its approach and methods (afklaring af tilgange)."""
    if not permissions.may_edit_approach(actor, organisation):
        raise PermissionDenied
    errors: dict[str, str] = {}
    values = {
        "approach": _text(errors, "approach", approach, max_len=3000,
                          required=_("Beskriv jeres tilgang til de unge.")),
        "methods": _text(errors, "methods", methods, max_len=2000),
        "contact": _text(errors, "contact", contact, max_len=300),
    }
    _raise(errors)
    row = Approach.objects.select_for_update().filter(organisation=organisation).first()
    if row is None:
        if _version(version) != 0:
            raise _stale_error()
        try:
            with transaction.atomic():
                row = Approach.objects.create(organisation=organisation, updated_by=actor, **values)
        except IntegrityError:
            raise _stale_error() from None
        audit_record(actor=actor, action=AuditAction.CREATE, obj=row)
        return row
    _save_versioned(row, version=version, values={**values, "updated_by": actor, "updated_at": timezone.now()})
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=row)
    return row
