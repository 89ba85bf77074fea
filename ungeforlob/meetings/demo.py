"""Demo data for chain meetings: Team Mobil's weekly review with the job centre (one past meeting with decisions,
one coming up) and two cooperation agreements, one due for review within 30 days.

Idempotent: the meeting and the agreements are looked up by name before they are made. The agenda holds only
the question and short decisions — no narrative about the young people.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.chain.models import ChainRole, LegalBasis
from ungeforlob.meetings import services
from ungeforlob.meetings.models import ChainMeeting, CooperationAgreement, Rhythm
from ungeforlob.youth.models import Youth

MEETING_NAME = "Team Mobil og Jobcenter Ung – ugentlig gennemgang"


def _contact_youth(contact: Any) -> list[Youth]:
    return list(Youth.objects.filter(memberships__professional=contact, memberships__role=ChainRole.CONTACT_PERSON,
                                     memberships__end_date__isnull=True).order_by("pk")[:2])


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    today = timezone.localdate()
    mette, jonas, kasper, leader = staff["kontaktperson"], staff["kollega"], staff["kasper"], staff["leder"]
    if not ChainMeeting.objects.filter(municipality=municipality, name=MEETING_NAME).exists():
        monday = today - datetime.timedelta(days=today.weekday())
        meeting = services.meeting_create(
            actor=mette, name=MEETING_NAME, rhythm=Rhythm.WEEKLY, first_date=monday - datetime.timedelta(days=28),
            starts_at=datetime.time(9, 0), duration_minutes=60, location="Uddannelseshuset, mødelokale 2",
            purpose="Vi gennemgår nye henvisninger og unge, der har brug for en fælles beslutning.",
            organisations=[orgs["Ungeindsatsen (UU)"], orgs["Jobcenter Ung"]], members=[jonas, kasper])
        past = services.occurrence_create(actor=mette, meeting=meeting, held_on=monday - datetime.timedelta(days=7))
        services.occurrence_create(actor=mette, meeting=meeting, held_on=monday + datetime.timedelta(days=7))
        questions = [
            ("Kan jobcentret tilbyde en praktik inden for lager?", "Jobcentret finder to praktikpladser at vælge mellem",
             jonas, 3),
            ("Hvem tager kontakten til FGU om optag efter sommer?", "Mette ringer til FGU og aftaler et besøg", mette, -2),
        ]
        for youth, (question, text, owner, due_in) in zip(_contact_youth(mette), questions, strict=False):
            entry = services.agenda_add(actor=mette, occurrence=past, youth=youth, question=question,
                                        grounds=LegalBasis.KUI)
            decision = services.decision_record(actor=mette, entry=entry, text=text, owner=owner,
                                                due_on=max(past.held_on, today + datetime.timedelta(days=due_in)))
            if due_in < 0:
                services.decision_complete(actor=owner, decision=decision)
    agreements = [
        ("Foreningen Gadeplan", "Mentorer fra Gadeplan",
         "Gadeplan stiller frivillige mentorer til unge, som kontaktpersonen henviser. Mentor og kontaktperson "
         "mødes én gang om måneden.", "Ahmad Rahimi (Gadeplan), Mette Kjær (Ungeindsatsen)", -340, 20),
        ("Jobcenter Ung", "Fælles gennemgang af henvisninger",
         "Ungeindsatsen og Jobcenter Ung gennemgår nye henvisninger hver mandag. Samarbejdspartneren og evt. den "
         "unge kontaktes samme uge.", "Jonas Friis (Jobcenter Ung), Lene Bach (Ungeindsatsen)", -200, 165),
    ]
    _guardian_invited(mette, today)
    for org, title, agreed, contacts, start, review in agreements:
        if not CooperationAgreement.objects.filter(municipality=municipality, title=title).exists():
            services.agreement_create(actor=leader, organisation=orgs[org], title=title, agreed=agreed,
                                      contact_people=contacts, starts_on=today + datetime.timedelta(days=start),
                                      review_on=today + datetime.timedelta(days=review))


def _guardian_invited(mette: Any, today: datetime.date) -> None:
    """A mother invited by SMS to the coming plan meeting of one of Mette's young people under 18."""
    from ungeforlob.meetings.models import MeetingParticipant, ParticipantKind
    from ungeforlob.plans.models import PlanMeeting
    from ungeforlob.youth.models import Guardian

    for youth in Youth.objects.filter(memberships__professional=mette, memberships__role=ChainRole.CONTACT_PERSON,
                                      memberships__end_date__isnull=True).order_by("pk"):
        guardian = Guardian.objects.filter(youth=youth).first()
        if guardian is None or youth.age_on(today + datetime.timedelta(days=5)) >= 18:
            continue
        if MeetingParticipant.objects.filter(guardian=guardian).exists():
            return
        meeting = PlanMeeting.objects.create(youth=youth, held_on=today + datetime.timedelta(days=5),
                                             created_by=mette)
        services.participant_add(actor=mette, youth=youth, plan_meeting=meeting, kind=ParticipantKind.GUARDIAN,
                                 guardian=guardian)
        return
