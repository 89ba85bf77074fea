"""A small council for tests: a coming meeting, a past one, a proposal, and comments a leader answered."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.testing import Personas
from ungeforlob.voice.models import FeedbackReview
from ungeforlob.youthcouncil.models import CouncilMeeting, CouncilMember, Proposal


@dataclass
class Council:
    coming: CouncilMeeting
    past: CouncilMeeting
    proposal: Proposal
    answered: ServiceFeedback
    unanswered: ServiceFeedback


def answered_feedback(municipality: Any, leader: Any, comment: str, answer: str) -> ServiceFeedback:
    fb = ServiceFeedback.objects.create(municipality=municipality, heard=4, useful=3, comment=comment)
    now = timezone.now()
    FeedbackReview.objects.create(feedback=fb, read_at=now, read_by=leader, answer=answer, answered_at=now,
                                  answered_by=leader)
    return fb


def council(p: Personas, *, member: bool = True) -> Council:
    today = timezone.localdate()
    m = p.municipality
    coming = CouncilMeeting.objects.create(municipality=m, held_on=today + datetime.timedelta(days=10),
                                           starts_at=datetime.time(16, 0), place="Ungdomshuset",
                                           agenda="Hvordan kan Min side blive nemmere?")
    past = CouncilMeeting.objects.create(municipality=m, held_on=today - datetime.timedelta(days=30),
                                         place="Biblioteket", agenda="Åbningstider",
                                         minutes="Vi vil gerne kunne komme efter skole.")
    proposal = Proposal.objects.create(municipality=m, meeting=past, text="Åbent til kl. 18 om torsdagen",
                                       status="gjort", outcome="Nu har vi åbent til kl. 18 hver torsdag.")
    answered = answered_feedback(m, p.leader, "Mødet var for tidligt om morgenen",
                                 "Nu kan du vælge et møde efter kl. 10.")
    unanswered = ServiceFeedback.objects.create(municipality=m, heard=2, useful=2, comment="Ingen svarede mig")
    if member:
        CouncilMember.objects.create(youth=p.youth, shown_name="Jose")
    return Council(coming, past, proposal, answered, unanswered)
