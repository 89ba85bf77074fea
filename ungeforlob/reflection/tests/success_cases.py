from __future__ import annotations

from django.utils import timezone

from ungeforlob.reflection.models import (
    AgreedAction,
    Answer,
    Competence,
    DevelopmentItem,
    Element,
    Question,
    Rating,
    Reflection,
    ReflectionGroup,
    SelfRating,
)
from ungeforlob.reflection.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase


def cases(p: Personas) -> list[SuccessCase]:
    w = world(p)
    C = SuccessCase
    today = timezone.localdate().isoformat()
    r = f"/modellen/refleksioner/{w.reflection.pk}/"
    person = f"/kompetencer/personer/{p.contact_person.pk}/"
    q, e, c = w.question, w.element, w.competence
    return [
        C("reflection:model", "/modellen/", contains=e.title),
        C("reflection:defaults_install", "/modellen/tag-i-brug/", "post", who="leader",
          effect=lambda _r: Element.objects.filter(municipality=p.municipality).count() >= 10),
        C("reflection:element_edit", f"/modellen/elementer/{e.pk}/", who="leader", contains=e.title),
        C("reflection:element_edit", f"/modellen/elementer/{e.pk}/", "post",
          {"version": e.version, "title": "Meddesign hos os", "summary": ""}, who="leader",
          effect=lambda _r: Element.objects.get(pk=e.pk).title == "Meddesign hos os"),
        C("reflection:question_add", f"/modellen/elementer/{e.pk}/spoergsmaal/", "post",
          {"text": "Hvordan spørger vi de unge?"}, who="leader",
          effect=lambda _r: e.questions.filter(text="Hvordan spørger vi de unge?").exists()),
        C("reflection:question_edit", f"/modellen/spoergsmaal/{q.pk}/", who="leader", contains=q.text),
        C("reflection:question_edit", f"/modellen/spoergsmaal/{q.pk}/", "post", {"text": "Omformuleret?"},
          who="leader", effect=lambda _r: Question.objects.get(pk=q.pk).text == "Omformuleret?"),
        C("reflection:question_retire", f"/modellen/spoergsmaal/{q.pk}/udgaa/", who="leader"),
        C("reflection:question_retire", f"/modellen/spoergsmaal/{q.pk}/udgaa/", "post", who="leader",
          effect=lambda _r: Question.objects.get(pk=q.pk).retired_at is not None),
        C("reflection:group_create", "/modellen/grupper/ny/", who="leader"),
        C("reflection:group_create", "/modellen/grupper/ny/", "post",
          {"name": "Ledergruppen", "kind": "leadership", "members": [p.leader.pk, p.contact_person.pk]},
          who="leader", effect=lambda _r: ReflectionGroup.objects.filter(name="Ledergruppen").exists()),
        C("reflection:group", f"/modellen/grupper/{w.group.pk}/", contains=w.group.name),
        C("reflection:group_edit", f"/modellen/grupper/{w.group.pk}/rediger/", who="leader", contains=w.group.name),
        C("reflection:group_edit", f"/modellen/grupper/{w.group.pk}/rediger/", "post",
          {"name": "Kædegruppen", "kind": "chain", "members": [p.contact_person.pk, p.outsider.pk]}, who="leader",
          effect=lambda _r: set(ReflectionGroup.objects.get(pk=w.group.pk).members.all())
          == {p.contact_person, p.outsider}),
        C("reflection:reflection_create", f"/modellen/grupper/{w.group.pk}/refleksioner/ny/"),
        C("reflection:reflection_create", f"/modellen/grupper/{w.group.pk}/refleksioner/ny/", "post",
          {"held_on": today, "title": "Forår"},
          effect=lambda _r: Reflection.objects.filter(group=w.group, title="Forår").exists()),
        C("reflection:reflection", r, contains=w.action.text),
        C("reflection:reflection_edit", r + "rediger/", contains=q.text),
        C("reflection:reflection_edit", r + "rediger/", "post",
          {"version": 0, "title": "", f"answer_{q.pk}": "Vi spørger ved hvert møde.", f"rating_{e.pk}": "2"},
          effect=lambda _r: Answer.objects.filter(reflection=w.reflection, question=q).exists()
          and Rating.objects.filter(reflection=w.reflection, element=e, level=2).exists()),
        C("reflection:reflection_delete", r + "slet/"),
        C("reflection:reflection_delete", r + "slet/", "post",
          effect=lambda _r: not Reflection.objects.filter(pk=w.reflection.pk).exists()),
        C("reflection:reflection_pdf", r + "pdf/"),
        C("reflection:action_add", r + "handlinger/", "post",
          {"text": "Inviter FGU til næste møde", "owner": p.colleague.pk, "due": today},
          effect=lambda _r: AgreedAction.objects.filter(owner=p.colleague, text__startswith="Inviter").exists()),
        C("reflection:action_done", f"/modellen/handlinger/{w.action.pk}/udfoert/", "post",
          effect=lambda _r: AgreedAction.objects.get(pk=w.action.pk).done_at is not None),
        C("reflection:competences", "/kompetencer/", who="leader", contains=c.title),
        C("reflection:competences", "/kompetencer/", "post", {"title": "Karrierelæring", "description": ""},
          who="leader", effect=lambda _r: Competence.objects.filter(title="Karrierelæring").exists()),
        C("reflection:competence_edit", f"/kompetencer/{c.pk}/", who="leader", contains=c.title),
        C("reflection:competence_edit", f"/kompetencer/{c.pk}/", "post", {"title": "Nyt navn", "description": ""},
          who="leader", effect=lambda _r: Competence.objects.get(pk=c.pk).title == "Nyt navn"),
        C("reflection:competence_remove", f"/kompetencer/{c.pk}/fjern/", who="leader"),
        C("reflection:competence_remove", f"/kompetencer/{c.pk}/fjern/", "post", who="leader",
          effect=lambda _r: Competence.objects.get(pk=c.pk).retired_at is not None),
        C("reflection:profile", person, contains=c.title),
        C("reflection:self_rating", person + "vurder/", contains=c.title),
        C("reflection:self_rating", person + "vurder/", "post", {f"level_{c.pk}": "3"},
          effect=lambda _r: SelfRating.objects.filter(person=p.contact_person, competence=c, level=3).exists()),
        C("reflection:development_add", person + "udvikling/", "post", {"text": "Sidemandsoplæring", "due": today},
          effect=lambda _r: DevelopmentItem.objects.filter(person=p.contact_person, text="Sidemandsoplæring").exists()),
        C("reflection:development_done", f"/kompetencer/udvikling/{w.item.pk}/udfoert/", "post",
          effect=lambda _r: DevelopmentItem.objects.get(pk=w.item.pk).done_at is not None),
        C("reflection:team_coverage", f"/kompetencer/teams/{w.team.pk}/", contains=c.title),
    ]
