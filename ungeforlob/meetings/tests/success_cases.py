from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.meetings.models import (
    AgendaEntry,
    ChainMeeting,
    CooperationAgreement,
    Decision,
    MeetingMember,
    MeetingParticipant,
    Occurrence,
)
from ungeforlob.meetings.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    w = world(p)
    y = p.youth.pk
    m, o, e = w.meeting.pk, w.occurrence.pk, w.entry.pk
    soon = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    agreement = {"organisation": str(p.organisation.pk), "title": "Mentorordning", "agreed": "Gadeplan stiller mentorer.",
                 "contact_people": "Ahmad", "starts_on": timezone.localdate().isoformat(), "review_on": soon}
    return [
        S("meetings:list", "/kaedemoeder/", contains="Team Mobil og Jobcenter Ung"),
        S("meetings:create", "/kaedemoeder/ny/"),
        S("meetings:create", "/kaedemoeder/ny/", "post",
          {"name": "Månedsmøde med Gadeplan", "rhythm": "maanedlig", "first_date": soon, "starts_at": "13:00",
           "duration_minutes": "90", "organisations": [str(p.organisation.pk)], "members": [str(p.colleague.pk)]},
          effect=lambda r: ChainMeeting.objects.filter(name="Månedsmøde med Gadeplan").exists(),
          reader_may=True),  # any professional may start a chain meeting
        S("meetings:detail", f"/kaedemoeder/{m}/", contains="Uddannelseshuset"),
        S("meetings:edit", f"/kaedemoeder/{m}/ret/", contains="Team Mobil og Jobcenter Ung"),
        S("meetings:edit", f"/kaedemoeder/{m}/ret/", "post",
          {"name": "Team Mobil hver anden uge", "rhythm": "hver_anden_uge", "starts_at": "10:00",
           "duration_minutes": "60", "organisations": [str(p.organisation.pk)]},
          effect=lambda r: ChainMeeting.objects.get(pk=m).name == "Team Mobil hver anden uge"),
        S("meetings:member_add", f"/kaedemoeder/{m}/deltager/", "post", {"professional": str(p.outsider.pk)},
          effect=lambda r: MeetingMember.objects.filter(meeting_id=m, professional=p.outsider).exists()),
        S("meetings:member_remove", f"/kaedemoeder/{m}/deltager/{w.kasper_member.pk}/fjern/"),
        S("meetings:member_remove", f"/kaedemoeder/{m}/deltager/{w.kasper_member.pk}/fjern/", "post",
          effect=lambda r: not MeetingMember.objects.filter(pk=w.kasper_member.pk).exists()),
        S("meetings:occurrence_create", f"/kaedemoeder/{m}/moede/", "post", {"held_on": soon},
          effect=lambda r: Occurrence.objects.filter(meeting_id=m, held_on=soon).exists()),
        S("meetings:meeting_ics", f"/kaedemoeder/{m}/invitation.ics", contains="BEGIN:VCALENDAR"),
        S("meetings:occurrence", f"/kaedemoeder/moede/{o}/", contains="Kan jobcentret tilbyde praktik?",
          lists_youth=True),
        S("meetings:agenda_add", f"/kaedemoeder/moede/{w.fresh.pk}/punkt/", "post",
          {"youth": str(p.youth.pk), "question": "Skal hun have en mentor?", "grounds": "kui"},
          effect=lambda r: AgendaEntry.objects.filter(occurrence=w.fresh, youth=p.youth).exists()),
        S("meetings:occurrence_ics", f"/kaedemoeder/moede/{o}/invitation.ics", contains="Kædemøde"),
        S("meetings:entry", f"/kaedemoeder/punkt/{e}/", who="colleague", contains="Josefine"),
        S("meetings:entry", f"/kaedemoeder/punkt/{e}/", "post",
          {"text": "Mette ringer til skolen", "owner": str(p.contact_person.pk), "due_on": soon},
          effect=lambda r: Decision.objects.filter(entry_id=e, text="Mette ringer til skolen").exists()),
        S("meetings:entry_remove", f"/kaedemoeder/punkt/{w.bare.pk}/fjern/"),
        S("meetings:entry_remove", f"/kaedemoeder/punkt/{w.bare.pk}/fjern/", "post",
          effect=lambda r: not AgendaEntry.objects.filter(pk=w.bare.pk).exists()),
        S("meetings:decision_done", f"/kaedemoeder/opgave/{w.decision.pk}/udfoert/", who="colleague"),
        S("meetings:decision_done", f"/kaedemoeder/opgave/{w.decision.pk}/udfoert/", "post", who="colleague",
          effect=lambda r: Decision.objects.filter(pk=w.decision.pk, done_at__isnull=False).exists()),
        S("meetings:youth", f"/unge/{y}/moeder/", contains="Planmøde"),
        S("meetings:plan_meeting_participant_add", f"/unge/{y}/moeder/planmoede/{w.plan_meeting.pk}/deltager/",
          "post", {"kind": "fagperson", "professional": str(p.colleague.pk)},
          effect=lambda r: MeetingParticipant.objects.filter(plan_meeting=w.plan_meeting,
                                                             professional=p.colleague).exists()),
        S("meetings:followup_participant_add", f"/unge/{y}/moeder/opfoelgning/{w.followup.pk}/deltager/", "post",
          {"kind": "ung"}, effect=lambda r: MeetingParticipant.objects.filter(followup=w.followup).exists()),
        S("meetings:participant_remove", f"/unge/{y}/moeder/deltager/{w.participant.pk}/fjern/"),
        S("meetings:participant_remove", f"/unge/{y}/moeder/deltager/{w.participant.pk}/fjern/", "post",
          effect=lambda r: not MeetingParticipant.objects.filter(pk=w.participant.pk).exists()),
        S("meetings:plan_meeting_ics", f"/unge/{y}/moeder/planmoede/{w.plan_meeting.pk}/invitation.ics",
          contains="Planmøde med Josefine"),
        S("meetings:followup_ics", f"/unge/{y}/moeder/opfoelgning/{w.followup.pk}/invitation.ics",
          contains="Opfølgning med Josefine"),
        S("meetings:agreements", "/samarbejdsaftaler/", contains="Fælles gennemgang af henvisninger"),
        S("meetings:agreement", f"/samarbejdsaftaler/{w.agreement.pk}/", contains="Mette og Jonas"),
        S("meetings:agreement_create", "/samarbejdsaftaler/ny/", who="leader"),
        S("meetings:agreement_create", "/samarbejdsaftaler/ny/", "post", agreement, who="leader",
          effect=lambda r: CooperationAgreement.objects.filter(title="Mentorordning").exists()),
        S("meetings:agreement_edit", f"/samarbejdsaftaler/{w.agreement.pk}/ret/", "post",
          {**agreement, "version": "1"}, who="leader",
          effect=lambda r: CooperationAgreement.objects.filter(pk=w.agreement.pk, title="Mentorordning",
                                                               version=2).exists()),
        S("meetings:agreement_delete", f"/samarbejdsaftaler/{w.agreement.pk}/slet/", who="leader"),
        S("meetings:agreement_delete", f"/samarbejdsaftaler/{w.agreement.pk}/slet/", "post", who="leader",
          effect=lambda r: not CooperationAgreement.objects.filter(pk=w.agreement.pk).exists()),
    ]
