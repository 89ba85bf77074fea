from __future__ import annotations

from ungeforlob.reflection.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase

LEADER = ("leader",)
# The model's texts hold no personal data and every member of staff reads their own municipality's (the
# outsider and the stranger see their own municipality's model, not the personas').
EVERY_STAFF = ("outsider", "leader", "stranger")


def cases(p: Personas) -> list[OutsiderCase]:
    w = world(p)
    C = OutsiderCase
    r = f"/modellen/refleksioner/{w.reflection.pk}/"
    person = f"/kompetencer/personer/{p.contact_person.pk}/"
    return [
        C("reflection:model", "/modellen/", allowed_for=EVERY_STAFF),
        C("reflection:defaults_install", "/modellen/tag-i-brug/", "post", allowed_for=LEADER),
        C("reflection:element_edit", f"/modellen/elementer/{w.element.pk}/", allowed_for=LEADER),
        C("reflection:element_edit", f"/modellen/elementer/{w.element.pk}/", "post",
          {"version": 0, "title": "X"}, allowed_for=LEADER),
        C("reflection:question_add", f"/modellen/elementer/{w.element.pk}/spoergsmaal/", "post",
          {"text": "Nyt?"}, allowed_for=LEADER),
        C("reflection:question_edit", f"/modellen/spoergsmaal/{w.question.pk}/", allowed_for=LEADER),
        C("reflection:question_retire", f"/modellen/spoergsmaal/{w.question.pk}/udgaa/", "post", allowed_for=LEADER),
        C("reflection:group_create", "/modellen/grupper/ny/", allowed_for=LEADER),
        # Leaders see every group of the municipality (read only); the outsider and the stranger see none.
        C("reflection:group", f"/modellen/grupper/{w.group.pk}/", allowed_for=LEADER),
        C("reflection:group_edit", f"/modellen/grupper/{w.group.pk}/rediger/", allowed_for=LEADER),
        C("reflection:group_edit", f"/modellen/grupper/{w.group.pk}/rediger/", "post",
          {"name": "X", "kind": "team", "members": [p.outsider.pk]}, allowed_for=LEADER),
        C("reflection:reflection_create", f"/modellen/grupper/{w.group.pk}/refleksioner/ny/", "post",
          {"held_on": "2026-01-05"}),
        C("reflection:reflection", r, allowed_for=LEADER),
        C("reflection:reflection_edit", r + "rediger/"),
        C("reflection:reflection_edit", r + "rediger/", "post", {"version": 0, "title": "X"}),
        C("reflection:reflection_delete", r + "slet/"),
        C("reflection:reflection_delete", r + "slet/", "post"),
        C("reflection:reflection_pdf", r + "pdf/", allowed_for=LEADER),
        C("reflection:action_add", r + "handlinger/", "post",
          {"text": "X", "owner": p.contact_person.pk, "due": "2026-01-05"}),
        C("reflection:action_done", f"/modellen/handlinger/{w.action.pk}/udfoert/", "post"),
        C("reflection:competences", "/kompetencer/", allowed_for=LEADER),
        C("reflection:competence_edit", f"/kompetencer/{w.competence.pk}/", allowed_for=LEADER),
        C("reflection:competence_remove", f"/kompetencer/{w.competence.pk}/fjern/", allowed_for=LEADER),
        # The contact person's own leader sees their profile and plans development with them.
        C("reflection:profile", person, allowed_for=LEADER),
        C("reflection:self_rating", person + "vurder/"),
        C("reflection:self_rating", person + "vurder/", "post", {f"level_{w.competence.pk}": "1"}),
        C("reflection:development_add", person + "udvikling/", "post",
          {"text": "X", "due": "2026-01-05"}, allowed_for=LEADER),
        C("reflection:development_done", f"/kompetencer/udvikling/{w.item.pk}/udfoert/", "post", allowed_for=LEADER),
        C("reflection:team_coverage", f"/kompetencer/teams/{w.team.pk}/", allowed_for=LEADER),
    ]
