"""Participants of plan meetings and follow-ups, and the .ics invitations (parsed back with icalendar)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from ungeforlob.core.agenda import agenda_for
from ungeforlob.meetings import services
from ungeforlob.meetings.models import MeetingParticipant, ParticipantKind
from ungeforlob.meetings.tests.factories import meeting_for, world
from ungeforlob.testing import Personas, client_for
from ungeforlob.youth.models import Guardian


def _event(content: bytes):
    events = Calendar.from_ical(content).walk("VEVENT")
    assert len(events) == 1
    return events[0]


def _no_more_than_a_first_name(content: bytes, p: Personas) -> None:
    text = content.decode()
    for secret in (p.youth.last_name, p.youth.cpr_masked, p.youth.mobile, p.youth.cpr_masked[:6]):
        assert secret not in text


def test_a_plan_meetings_ics_carries_the_first_name_only(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/moeder/planmoede/{w.plan_meeting.pk}/invitation.ics")
    assert response["Content-Type"].startswith("text/calendar")
    event = _event(response.content)
    assert str(event["SUMMARY"]) == "Planmøde med Josefine"
    assert event.decoded("DTSTART") == w.plan_meeting.held_on
    _no_more_than_a_first_name(response.content, p)


def test_a_follow_ups_ics_has_its_day_and_time(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/moeder/opfoelgning/{w.followup.pk}/invitation.ics")
    event = _event(response.content)
    start = timezone.localtime(event.decoded("DTSTART"))
    assert (start.date(), start.time()) == (w.followup.due_date, w.followup.due_time)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(minutes=30)
    _no_more_than_a_first_name(response.content, p)


def test_a_chain_meetings_ics_repeats_in_its_rhythm_and_names_no_young_person(p: Personas) -> None:
    w = world(p)
    client = client_for(p.colleague)
    series = _event(client.get(f"/kaedemoeder/{w.meeting.pk}/invitation.ics").content)
    assert series["RRULE"]["FREQ"] == ["WEEKLY"]
    assert str(series["LOCATION"]) == "Uddannelseshuset"
    one = client.get(f"/kaedemoeder/moede/{w.occurrence.pk}/invitation.ics").content
    assert timezone.localtime(_event(one).decoded("DTSTART")).date() == w.occurrence.held_on
    assert p.youth.first_name not in one.decode()


def test_a_new_member_of_a_chain_meeting_gets_the_invitation_by_e_mail(p: Personas, django_capture_on_commit_callbacks) -> None:
    meeting = meeting_for(p, members=[])
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_member_add(actor=p.contact_person, meeting=meeting, professional=p.outsider)
    assert [m.to for m in mail.outbox] == [[p.outsider.email]]
    filename, content, mimetype = mail.outbox[0].attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "Kædemøde" in str(_event(content.encode() if isinstance(content, str) else content)["SUMMARY"])


def test_a_staff_participant_gets_the_plan_meetings_ics_by_e_mail_without_the_youths_details(
        p: Personas, django_capture_on_commit_callbacks) -> None:
    w = world(p)
    with django_capture_on_commit_callbacks(execute=True):
        services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=w.plan_meeting,
                                 kind=ParticipantKind.STAFF, professional=p.colleague)
    message = mail.outbox[-1]
    assert message.to == [p.colleague.email]
    assert "Josefine" not in message.subject + message.body
    content = message.attachments[0][1]
    content = content.encode() if isinstance(content, str) else content
    assert str(_event(content)["SUMMARY"]) == "Planmøde med Josefine"
    _no_more_than_a_first_name(content, p)


def test_a_staff_participant_sees_the_meeting_on_their_i_dag(p: Personas) -> None:
    w = world(p)
    assert not [i for i in agenda_for(p.colleague, today=timezone.localdate()) if i.title == "Planmøde"]
    services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=w.plan_meeting,
                             kind=ParticipantKind.STAFF, professional=p.colleague)
    services.participant_add(actor=p.contact_person, youth=p.youth, followup=w.followup,
                             kind=ParticipantKind.STAFF, professional=p.colleague)
    items = agenda_for(p.colleague, today=timezone.localdate())
    assert [i for i in items if i.title == "Planmøde" and i.youth_id == p.youth.pk]
    assert [i for i in items if i.title == w.followup.title and i.kind == "møde"]


def test_staff_from_outside_the_circle_cannot_be_a_participant(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError) as exc:
        services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=w.plan_meeting,
                                 kind=ParticipantKind.STAFF, professional=p.outsider)
    assert "professional" in exc.value.message_dict


def test_a_guardian_must_be_the_young_persons_own(p: Personas) -> None:
    w = world(p)
    stranger_parent = Guardian.objects.create(youth=p.other_youth, name="Anden forælder", relation="mor")
    with pytest.raises(ValidationError):
        services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=w.plan_meeting,
                                 kind=ParticipantKind.GUARDIAN, guardian=stranger_parent)
    own = Guardian.objects.create(youth=p.youth, name="Mor Hansen", relation="mor")
    p.youth.birth_date = timezone.localdate() - datetime.timedelta(days=16 * 365)  # under 18: no consent needed
    services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=w.plan_meeting,
                             kind=ParticipantKind.GUARDIAN, guardian=own)
    assert MeetingParticipant.objects.filter(guardian=own).exists()


def test_the_young_person_is_added_once(p: Personas) -> None:
    w = world(p)  # the youth is already on w.plan_meeting
    with pytest.raises(ValidationError):
        services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=w.plan_meeting,
                                 kind=ParticipantKind.YOUTH)


def test_another_youths_meeting_cannot_be_reached_through_this_youth(p: Personas) -> None:
    from ungeforlob.plans.models import PlanMeeting

    other = PlanMeeting.objects.create(youth=p.other_youth, held_on=timezone.localdate())
    client = client_for(p.contact_person)
    assert client.get(f"/unge/{p.youth.pk}/moeder/planmoede/{other.pk}/invitation.ics").status_code == 404
    response = client.post(f"/unge/{p.youth.pk}/moeder/planmoede/{other.pk}/deltager/", {"kind": "ung"})
    assert response.status_code == 404
    assert not MeetingParticipant.objects.filter(plan_meeting=other).exists()


def test_the_youths_meetings_tab_costs_the_same_queries_for_few_and_many(p: Personas, count_queries) -> None:
    from ungeforlob.plans.models import PlanMeeting
    from ungeforlob.transitions.tests.factories import transition

    w = world(p)
    client = client_for(p.contact_person)
    url = f"/unge/{p.youth.pk}/moeder/"
    small = count_queries(lambda: client.get(url))
    transition(p, days=20)
    for i in range(5):
        meeting = PlanMeeting.objects.create(youth=p.youth, held_on=timezone.localdate() - datetime.timedelta(days=i))
        services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=meeting,
                                 kind=ParticipantKind.STAFF, professional=p.colleague)
    services.participant_add(actor=p.contact_person, youth=p.youth, followup=w.followup, kind=ParticipantKind.YOUTH)
    response = client.get(url)
    assert response.content.decode().count("Hent invitationen") > 8
    assert count_queries(lambda: client.get(url)) == small
