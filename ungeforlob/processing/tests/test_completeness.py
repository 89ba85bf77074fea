"""The record of processing stays complete: every model holding personal data is declared."""

from __future__ import annotations

import re

from django.apps import apps
from django.conf import settings

from ungeforlob.processing.declaration import CATEGORIES, DECLARATION, NOT_PERSONAL, PURPOSES, SUBJECTS

NAME_LIKE = re.compile(r"cpr|phone|mobile|address|email|(^|_)name$", re.IGNORECASE)


def _project_models() -> list:
    return [m for m in apps.get_models() if m.__module__.startswith("ungeforlob.")]


def _about_youth() -> set[str]:
    """Models that refer to a young person, directly or through other such models (a sub-goal through its goal)."""
    about = {"youth.Youth"}
    grown = True
    while grown:
        grown = False
        for model in _project_models():
            label = model._meta.label
            if label not in about and any(f.is_relation and f.related_model is not None
                                          and f.related_model._meta.label in about
                                          for f in model._meta.concrete_fields):
                about.add(label)
                grown = True
    return about


def _refers_to_staff(model) -> bool:
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return any(f.is_relation and f.related_model is not None
               and f.related_model._meta.label == settings.AUTH_USER_MODEL for f in fields)


def _name_like(model) -> bool:
    return any(not f.is_relation and NAME_LIKE.search(f.name) for f in model._meta.concrete_fields)


def test_every_model_holding_personal_data_is_in_the_record() -> None:
    about = _about_youth()
    missing = sorted(
        m._meta.label for m in _project_models()
        if m._meta.label not in DECLARATION
        and (m._meta.label in about or _refers_to_staff(m)
             or (_name_like(m) and m._meta.label not in NOT_PERSONAL)))
    assert not missing, ("Models with personal data missing from ungeforlob/processing/declaration.py (declare "
                         f"their purpose, data subjects and categories): {missing}")


def test_a_model_about_a_person_cannot_be_excused_as_not_personal() -> None:
    about = _about_youth()
    wrong = sorted(label for label in NOT_PERSONAL
                   if label in about or _refers_to_staff(apps.get_model(label)))
    assert not wrong


def test_the_completeness_check_notices_a_model_missing_from_the_declaration(monkeypatch) -> None:
    from ungeforlob.processing import declaration

    trimmed = {k: v for k, v in declaration.DECLARATION.items() if k != "plans.SubGoal"}
    monkeypatch.setattr(f"{__name__}.DECLARATION", trimmed)
    try:
        test_every_model_holding_personal_data_is_in_the_record()
    except AssertionError as exc:
        assert "plans.SubGoal" in str(exc)
    else:
        raise AssertionError("a sub-goal (about a young person through its goal) went unnoticed")


def test_every_declaration_names_known_purposes_subjects_and_categories() -> None:
    for label, declared in DECLARATION.items():
        assert declared.purpose in PURPOSES, label
        assert declared.subjects and set(declared.subjects) <= set(SUBJECTS), label
        assert declared.data and set(declared.data) <= set(CATEGORIES), label


def test_nothing_is_declared_twice_or_for_a_model_that_is_gone() -> None:
    labels = {m._meta.label for m in _project_models()}
    stale = sorted(set(DECLARATION) - labels) + sorted(set(NOT_PERSONAL) - labels)
    assert not stale, f"Declared but no such model: {stale}"
    assert not set(DECLARATION) & set(NOT_PERSONAL)


def test_every_declared_model_has_a_danish_name_in_the_record() -> None:
    from django.utils.text import camel_case_to_spaces

    from ungeforlob.processing.declaration import NAMES

    english = sorted(label for label in DECLARATION if label not in NAMES and label in {
        m._meta.label for m in _project_models()}
        and str(apps.get_model(label)._meta.verbose_name) == camel_case_to_spaces(apps.get_model(label).__name__)
        and label not in {"transitions.Station", "accounts.Team"})  # "station" and "team" are Danish too
    assert not english, f"Give these a Danish name in declaration.NAMES (or a verbose_name): {english}"
