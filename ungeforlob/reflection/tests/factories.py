"""Shared test data for the reflection app: the model installed for the personas' municipality, a group of
the contact person and the colleague with one reflection and one action, a team and a development item."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ungeforlob.accounts.models import Team
from ungeforlob.reflection import services
from ungeforlob.reflection.models import (
    AgreedAction,
    Competence,
    DevelopmentItem,
    Element,
    Question,
    Reflection,
    ReflectionGroup,
)
from ungeforlob.testing import Personas


@dataclass
class World:
    element: Element
    question: Question
    competence: Competence
    group: ReflectionGroup
    reflection: Reflection
    action: AgreedAction
    team: Team
    item: DevelopmentItem


def install(p: Personas) -> None:
    services.defaults_install(actor=p.leader, municipality=p.municipality)


def world(p: Personas) -> World:
    install(p)
    today = timezone.localdate()
    element = Element.objects.filter(municipality=p.municipality).first()
    assert element is not None
    question = element.questions.first()
    assert question is not None
    competence = Competence.objects.filter(municipality=p.municipality).first()
    assert competence is not None
    group = services.group_create(actor=p.leader, name="Team Kontaktperson+", kind="team",
                                  members=[p.contact_person, p.colleague])
    reflection = services.reflection_create(actor=p.contact_person, group=group,
                                            held_on=today - datetime.timedelta(days=1))
    action = services.action_add(actor=p.contact_person, reflection=reflection, text="Aftal fælles sprog",
                                 owner=p.contact_person, due=today)
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Kontaktpersonerne")
    team.members.set([p.contact_person, p.colleague])
    item = services.development_item_add(actor=p.contact_person, person=p.contact_person, text="Kursus i IPS",
                                         due=today, competence=competence)
    return World(element, question, competence, group, reflection, action, team, item)
