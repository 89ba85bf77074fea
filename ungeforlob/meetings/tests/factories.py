"""A chain meeting around the shared personas (used by the cases and the tests).

Meeting A: the contact person and the colleague take part; `p.youth` is on today's agenda on a legal basis,
with a decision owned by the colleague. Meeting B: the outsider takes part (a participant of one meeting who
must not reach another meeting's young people). Plus a plan meeting and a follow-up of `p.youth`, and an
agreement with a partner.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.utils import timezone

from ungeforlob.chain.models import LegalBasis
from ungeforlob.meetings import services
from ungeforlob.meetings.models import ParticipantKind, Rhythm
from ungeforlob.testing import Personas


def meeting_for(p: Personas, *, members: list | None = None, actor=None, name: str = "Team Mobil og Jobcenter Ung"):
    actor = actor or p.contact_person
    return services.meeting_create(
        actor=actor, name=name, rhythm=Rhythm.WEEKLY, first_date=timezone.localdate() - datetime.timedelta(days=14),
        starts_at=datetime.time(9, 0), duration_minutes=60, organisations=[p.organisation, p.colleague.organisation],
        members=[p.colleague] if members is None else members, location="Uddannelseshuset")


def world(p: Personas) -> SimpleNamespace:
    from ungeforlob.plans.models import PlanMeeting
    from ungeforlob.transitions.models import FollowUp
    from ungeforlob.transitions.tests.factories import transition

    today = timezone.localdate()
    meeting = meeting_for(p)
    occurrence = services.occurrence_create(actor=p.contact_person, meeting=meeting, held_on=today)
    later = services.occurrence_create(actor=p.contact_person, meeting=meeting, held_on=today + datetime.timedelta(days=7))
    fresh = services.occurrence_create(actor=p.contact_person, meeting=meeting,
                                       held_on=today + datetime.timedelta(days=14))
    entry = services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=p.youth,
                                question="Kan jobcentret tilbyde praktik?", grounds=LegalBasis.KUI)
    decision = services.decision_record(actor=p.contact_person, entry=entry, text="Jonas finder en praktikplads",
                                        owner=p.colleague, due_on=today + datetime.timedelta(days=3))
    bare = services.agenda_add(actor=p.contact_person, occurrence=later, youth=p.youth, question="Status?",
                               grounds=LegalBasis.KUI)
    other = meeting_for(p, members=[], actor=p.outsider, name="FGU og Gadeplan")
    from ungeforlob.accounts.models import User
    from ungeforlob.meetings.models import MeetingMember

    colleague_member = MeetingMember.objects.get(meeting=meeting, professional=p.colleague)
    kasper = User.objects.get(username="anden")
    kasper_member = services.meeting_member_add(actor=p.contact_person, meeting=meeting, professional=kasper)
    plan_meeting = PlanMeeting.objects.create(youth=p.youth, held_on=today + datetime.timedelta(days=2),
                                              created_by=p.contact_person)
    followup = (FollowUp.objects.filter(youth=p.youth).order_by("due_date", "pk").first()
                or transition(p, days=11).followups.order_by("due_date", "pk").first())
    participant = services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=plan_meeting,
                                           kind=ParticipantKind.YOUTH)
    agreement = services.agreement_create(actor=p.leader, organisation=p.colleague.organisation,
                                          title="Fælles gennemgang af henvisninger", agreed="Vi mødes hver uge.",
                                          contact_people="Mette og Jonas", starts_on=today,
                                          review_on=today + datetime.timedelta(days=20))
    return SimpleNamespace(meeting=meeting, occurrence=occurrence, later=later, fresh=fresh, colleague_member=colleague_member,
                           kasper_member=kasper_member, entry=entry, decision=decision,
                           bare=bare, other=other, plan_meeting=plan_meeting, followup=followup,
                           participant=participant, agreement=agreement)
