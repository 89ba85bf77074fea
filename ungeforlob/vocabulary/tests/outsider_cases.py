"""Every vocabulary URL, refused to those who may not use it (see tests/test_policy_coverage).

The shared language holds no personal data: every member of staff of the municipality reads it (the outsider
and the leader included; a professional of another municipality reads their own municipality's, which is
empty here). The agreed texts are written by leaders and administrators; an approach by its own organisation.
"""

from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C
from ungeforlob.vocabulary.models import Term

READERS = ("outsider", "leader")


def cases(p: Personas) -> list[C]:
    term = Term.objects.create(municipality=p.municipality, term="Outsiderbegreb", meaning="Betydning")
    t, org = term.pk, p.organisation.pk
    return [
        # Read pages: the caller's own municipality's texts (stranger: own, empty municipality -> 200, nothing of ours).
        C("vocabulary:glossary", "/faelles-sprog/", refused_statuses=(200,), allowed_for=READERS),
        C("vocabulary:roles", "/faelles-sprog/roller/", refused_statuses=(200,), allowed_for=READERS),
        C("vocabulary:methods", "/faelles-sprog/metoder/", refused_statuses=(200,), allowed_for=READERS),
        C("vocabulary:age_bounds", "/faelles-sprog/maalgruppe/", refused_statuses=(200,), allowed_for=READERS),
        C("vocabulary:organisations", "/kaedens-organisationer/", refused_statuses=(200,), allowed_for=READERS),
        C("vocabulary:organisation", f"/kaedens-organisationer/{org}/", allowed_for=READERS),
        # Writes: leaders and administrators of the municipality.
        C("vocabulary:glossary_seed", "/faelles-sprog/hent-standard/", "post", allowed_for=("leader",)),
        C("vocabulary:term_create", "/faelles-sprog/nyt/", "post", {"term": "X", "meaning": "Y"},
          allowed_for=("leader",)),
        C("vocabulary:term_edit", f"/faelles-sprog/{t}/", "post", {"term": "X", "meaning": "Y", "version": "1"},
          allowed_for=("leader",)),
        C("vocabulary:term_delete", f"/faelles-sprog/{t}/slet/", "post", allowed_for=("leader",)),
        C("vocabulary:role_edit", "/faelles-sprog/roller/mentor/", "post",
          {"staff_text": "X", "youth_helps": "Y", "version": "0"}, allowed_for=("leader",)),
        C("vocabulary:role_reset", "/faelles-sprog/roller/mentor/standard/", "post", allowed_for=("leader",)),
        C("vocabulary:method_create", "/faelles-sprog/metoder/ny/", "post", {"label": "IPS"}, allowed_for=("leader",)),
        C("vocabulary:method_edit", "/faelles-sprog/metoder/mestring/", "post",
          {"label": "Mestring", "version": "0"}, allowed_for=("leader",)),
        C("vocabulary:method_delete", "/faelles-sprog/metoder/mestring/slet/", "post", allowed_for=("leader",)),
        # The age bounds page is read by all; the outsider may not change it (the leader may).
        C("vocabulary:age_bounds", "/faelles-sprog/maalgruppe/", "post",
          {"min_age": "14", "max_age": "25", "version": "0"}, allowed_for=("leader",)),
        # An approach is written by its own organisation (the outsider works at the job centre, not UU).
        C("vocabulary:approach_edit", f"/kaedens-organisationer/{org}/tilgang/", "post",
          {"approach": "X", "version": "0"}, allowed_for=("leader",)),
    ]
