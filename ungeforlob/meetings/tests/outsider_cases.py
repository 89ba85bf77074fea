from __future__ import annotations

from ungeforlob.meetings.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    w = world(p)
    y = p.youth.pk
    m, o, e = w.meeting.pk, w.occurrence.pk, w.entry.pk
    agreement = {"organisation": str(p.organisation.pk), "title": "X", "agreed": "X", "contact_people": "X",
                 "starts_on": "2026-01-01", "review_on": "2026-06-01", "version": "1"}
    return [
        # Each professional's own list and the form to start a meeting: their own (empty) page. Leaders: 403.
        C("meetings:list", "/kaedemoeder/", refused_statuses=(403,), allowed_for=("outsider", "stranger")),
        C("meetings:create", "/kaedemoeder/ny/", refused_statuses=(403,), allowed_for=("outsider", "stranger")),
        # The outsider takes part in another meeting (w.other): none of this meeting opens to them.
        C("meetings:detail", f"/kaedemoeder/{m}/"),
        C("meetings:edit", f"/kaedemoeder/{m}/ret/"),
        C("meetings:edit", f"/kaedemoeder/{m}/ret/", "post", {"name": "X", "rhythm": "ugentlig", "starts_at": "10:00",
                                                            "duration_minutes": "60",
                                                            "organisations": [str(p.organisation.pk)]}),
        C("meetings:member_add", f"/kaedemoeder/{m}/deltager/", "post", {"professional": str(p.outsider.pk)}),
        C("meetings:member_remove", f"/kaedemoeder/{m}/deltager/{w.colleague_member.pk}/fjern/", "post"),
        C("meetings:occurrence_create", f"/kaedemoeder/{m}/moede/", "post", {"held_on": "2026-12-30"}),
        C("meetings:meeting_ics", f"/kaedemoeder/{m}/invitation.ics"),
        C("meetings:occurrence", f"/kaedemoeder/moede/{o}/"),
        C("meetings:agenda_add", f"/kaedemoeder/moede/{w.later.pk}/punkt/", "post",
          {"youth": str(p.other_youth.pk), "question": "X", "grounds": "kui"}),
        C("meetings:occurrence_ics", f"/kaedemoeder/moede/{o}/invitation.ics"),
        C("meetings:entry", f"/kaedemoeder/punkt/{e}/"),
        C("meetings:entry", f"/kaedemoeder/punkt/{e}/", "post",
          {"text": "X", "owner": str(p.outsider.pk), "due_on": "2026-12-30"}),
        C("meetings:entry_remove", f"/kaedemoeder/punkt/{w.bare.pk}/fjern/", "post"),
        C("meetings:decision_done", f"/kaedemoeder/opgave/{w.decision.pk}/udfoert/", "post"),
        C("meetings:youth", f"/unge/{y}/moeder/"),
        C("meetings:plan_meeting_participant_add", f"/unge/{y}/moeder/planmoede/{w.plan_meeting.pk}/deltager/",
          "post", {"kind": "ung"}),
        C("meetings:followup_participant_add", f"/unge/{y}/moeder/opfoelgning/{w.followup.pk}/deltager/", "post",
          {"kind": "ung"}),
        C("meetings:participant_remove", f"/unge/{y}/moeder/deltager/{w.participant.pk}/fjern/", "post"),
        C("meetings:plan_meeting_ics", f"/unge/{y}/moeder/planmoede/{w.plan_meeting.pk}/invitation.ics"),
        C("meetings:followup_ics", f"/unge/{y}/moeder/opfoelgning/{w.followup.pk}/invitation.ics"),
        # Agreements: every member of staff of the municipality reads them (the stranger reads their own
        # municipality's, empty list); only leaders write.
        C("meetings:agreements", "/samarbejdsaftaler/", allowed_for=("outsider", "leader", "stranger")),
        C("meetings:agreement", f"/samarbejdsaftaler/{w.agreement.pk}/", allowed_for=("outsider", "leader")),
        C("meetings:agreement_create", "/samarbejdsaftaler/ny/", "post", agreement, allowed_for=("leader",)),
        C("meetings:agreement_edit", f"/samarbejdsaftaler/{w.agreement.pk}/ret/", "post", agreement,
          allowed_for=("leader",)),
        C("meetings:agreement_delete", f"/samarbejdsaftaler/{w.agreement.pk}/slet/", "post", allowed_for=("leader",)),
    ]
