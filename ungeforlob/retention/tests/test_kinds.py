"""Retention is complete by construction: every model that refers to a young person belongs to a kind of data
with a rule (or is named in `NOT_COVERED` with the reason), and anonymising leaves no free text about them."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db import models

from ungeforlob.retention import kinds, services
from ungeforlob.retention.tests.factories import at, ended_course
from ungeforlob.testing import Personas


def test_every_model_about_a_young_person_has_a_retention_kind_or_a_reason(db) -> None:
    covered = {label for kind in kinds.KINDS for label in kind.models}
    missing = sorted(label for label in kinds.youth_paths() if label not in covered and label not in kinds.NOT_COVERED)
    assert not missing, ("A model about a young person has no retention kind (add it to a kind in "
                         "retention/kinds.py, usually 'record', or give the reason in NOT_COVERED):\n"
                         + "\n".join(missing))
    assert all(kinds.NOT_COVERED.values()), "every exclusion needs its reason"


def test_the_kinds_name_only_real_models_about_a_young_person_each_once(db) -> None:
    named = [label for kind in kinds.KINDS for label in kind.models] + list(kinds.NOT_COVERED)
    assert [label for label in named if label not in kinds.youth_paths()] == []
    assert len(named) == len(set(named)), "a model is in two kinds"
    assert set(kinds.defaults()) == set(kinds.KINDS_BY_KEY), "every kind has a shipped default rule"
    for key, default in kinds.defaults().items():
        assert default["disposal"] in kinds.KINDS_BY_KEY[key].disposals and default["legal_basis"]


def test_the_kept_fields_are_real_fields_that_are_not_free_text_about_the_young_person(db) -> None:
    for label, names in kinds.KEEP.items():
        fields = {f.name for f in apps.get_model(label)._meta.concrete_fields}
        assert names <= fields, f"{label}: {sorted(names - fields)} are not fields"


def test_anonymising_everything_leaves_no_free_text_but_the_kept_fields(p: Personas) -> None:
    """Every rule set to anonymise: afterwards no text field of a covered model holds what the factory wrote."""
    for rule in services.selectors.rules_for(p.municipality):
        if "anonymiser" in rule.kind_def.disposals:  # type: ignore[attr-defined]
            services.retention_rule_save(actor=p.administrator, municipality=p.municipality, kind=rule.kind,
                                         keep_for=1, unit="aar", disposal="anonymiser",
                                         legal_basis=rule.legal_basis, version=rule.version)
    youth = ended_course(p, ended=datetime.date(2020, 1, 1))
    services.retention_run(municipality=p.municipality, actor=p.administrator, now=at(datetime.date(2025, 1, 1)))
    left = []
    paths = kinds.youth_paths()
    for label in [label for kind in kinds.KINDS for label in kind.models]:
        model, path = apps.get_model(label), paths[label]
        keep = kinds.KEEP.get(label, frozenset())
        texts = [f.name for f in model._meta.concrete_fields
                 if isinstance(f, (models.CharField, models.TextField)) and f.name not in keep]
        for row in model._default_manager.filter(**{path: youth.pk}).values(*texts):
            left += [f"{label}.{name}={value!r}" for name, value in row.items()
                     if isinstance(value, str) and ("markør" in value or "Sofie" in value or "Lauridsen" in value
                                                     or "2121" in value)]
    assert left == []
