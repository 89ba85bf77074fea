"""Parents and guardians at plan meetings: invited by SMS under 18, from 18 only with the young person's consent."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.chain.services import consent_record
from ungeforlob.meetings import services
from ungeforlob.meetings.models import MeetingParticipant, ParticipantKind
from ungeforlob.messaging.models import MessageKind, MessageStatus, OutboundMessage
from ungeforlob.messaging.outbox import process_batch
from ungeforlob.plans.models import PlanMeeting
from ungeforlob.testing import Personas, client_for
from ungeforlob.youth.models import Guardian, Youth


def _aged(youth: Youth, years: int, *, days: int = 0) -> Youth:
    """Give the young person the birthday that makes her `years` old `days` from today (birth date only)."""
    today = timezone.localdate()
    born = today.replace(year=today.year - years) + datetime.timedelta(days=days)
    Youth.objects.filter(pk=youth.pk).update(birth_date=born)
    youth.refresh_from_db()
    return youth


def _meeting(p: Personas, days: int = 3) -> PlanMeeting:
    return PlanMeeting.objects.create(youth=p.youth, held_on=timezone.localdate() + datetime.timedelta(days=days),
                                      created_by=p.contact_person)


def _mother(p: Personas, **extra: str) -> Guardian:
    return Guardian.objects.create(youth=p.youth, name="Hanne Hansen", relation="mor", phone="+4561234567",
                                   has_custody=True, **extra)


def _consent(p: Personas, **extra: object):  # type: ignore[no-untyped-def]
    return consent_record(actor=p.contact_person, youth=p.youth, purpose="Min mor må inviteres til mine planmøder",
                          receiving_organisation=p.organisation, scope="Tid og sted for planmøder",
                          expires_on=timezone.localdate() + datetime.timedelta(days=90), **extra)


def _add(p: Personas, meeting: PlanMeeting, guardian: Guardian, **extra: object) -> MeetingParticipant:
    return services.participant_add(actor=p.contact_person, youth=p.youth, plan_meeting=meeting,
                                    kind=ParticipantKind.GUARDIAN, guardian=guardian, **extra)


def _sms(participant: MeetingParticipant) -> dict[str, OutboundMessage]:
    rows = OutboundMessage.objects.filter(related_type="meetings.participant", related_id=str(participant.pk))
    return {m.kind: m for m in rows}


def test_a_guardian_of_a_young_person_under_18_is_invited_by_sms_and_reminded_the_day_before(p: Personas) -> None:
    _aged(p.youth, 16)
    meeting = _meeting(p)
    participant = _add(p, meeting, _mother(p))
    sms = _sms(participant)
    invitation, reminder = sms[MessageKind.NOTICE], sms[MessageKind.REMINDER]
    assert "planmøde om Josefine" in invitation.body and "Hansen" not in invitation.body
    assert timezone.localtime(reminder.send_at).date() == meeting.held_on - datetime.timedelta(days=1)
    assert participant.consent is None


def test_the_guardians_sms_goes_to_the_guardians_number_without_her_sms_consent(p: Personas) -> None:
    _aged(p.youth, 16)
    participant = _add(p, _meeting(p), _mother(p))
    invitation = _sms(participant)[MessageKind.NOTICE]
    assert process_batch(now=invitation.send_at + datetime.timedelta(minutes=1)).sent == 1
    invitation.refresh_from_db()
    assert invitation.status == MessageStatus.SENT and invitation.to_number == "+4561234567"


def test_from_18_a_guardian_is_invited_only_with_her_consent(p: Personas) -> None:
    _aged(p.youth, 19)
    meeting, mother = _meeting(p), _mother(p)
    with pytest.raises(ValidationError) as exc:
        _add(p, meeting, mother)
    assert "consent" in exc.value.message_dict
    assert not MeetingParticipant.objects.filter(guardian=mother).exists()
    assert not OutboundMessage.objects.filter(related_type="meetings.participant").exists()
    consent = _consent(p)
    participant = _add(p, meeting, mother, consent=consent)
    assert participant.consent == consent
    assert _sms(participant)[MessageKind.NOTICE].consent == consent


def test_her_age_is_taken_on_the_meeting_day(p: Personas) -> None:
    mother = _mother(p)
    _aged(p.youth, 18, days=2)  # 17 today, 18 in two days
    before = _add(p, _meeting(p, days=1), mother)
    assert before.consent is None
    with pytest.raises(ValidationError):
        _add(p, _meeting(p, days=3), mother)


def test_a_withdrawn_or_another_young_persons_consent_is_refused(p: Personas) -> None:
    _aged(p.youth, 20)
    consent = _consent(p)
    consent.withdrawn_at = timezone.now()
    consent.save()
    with pytest.raises(ValidationError):
        _add(p, _meeting(p), _mother(p), consent=consent)


def test_withdrawing_her_consent_stops_what_is_not_yet_sent_to_the_guardian(p: Personas) -> None:
    from ungeforlob.chain.services import consent_withdraw

    _aged(p.youth, 20)
    consent = _consent(p)
    participant = _add(p, _meeting(p), _mother(p), consent=consent)
    consent_withdraw(consent=consent, by_youth=True)
    invitation = _sms(participant)[MessageKind.NOTICE]
    assert process_batch(now=invitation.send_at + datetime.timedelta(minutes=1)).cancelled == 1
    invitation.refresh_from_db()
    assert invitation.status == MessageStatus.CANCELLED and "samtykke" in invitation.status_reason


def test_the_form_asks_for_her_consent_in_danish_and_saves_nothing_without_it(p: Personas) -> None:
    _aged(p.youth, 19)
    meeting, mother = _meeting(p), _mother(p)
    client = client_for(p.contact_person)
    url = f"/unge/{p.youth.pk}/moeder/planmoede/{meeting.pk}/deltager/"
    response = client.post(url, {"kind": "vaerge", "guardian": str(mother.pk), "sms_reminder": "ja"})
    assert response.status_code == 400 and "kun inviteres med den unges" in response.content.decode()
    assert not MeetingParticipant.objects.filter(guardian=mother).exists()
    consent = _consent(p)
    response = client.post(url, {"kind": "vaerge", "guardian": str(mother.pk), "consent": str(consent.pk),
                                 "sms_reminder": "nej"})
    assert response.status_code == 302
    participant = MeetingParticipant.objects.get(guardian=mother)
    assert participant.consent == consent and participant.sms_reminder is False
    assert set(_sms(participant)) == {MessageKind.NOTICE}  # no reminder asked for


def test_the_contact_person_sees_who_was_invited_and_whether_the_sms_went(p: Personas) -> None:
    _aged(p.youth, 16)
    participant = _add(p, _meeting(p), _mother(p))
    invitation = _sms(participant)[MessageKind.NOTICE]
    process_batch(now=invitation.send_at + datetime.timedelta(minutes=1))
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/moeder/").content.decode()
    assert "Hanne Hansen" in page and "SMS-invitation: <strong>Sendt</strong>" in page
    assert "SMS-påmindelse: <strong>Planlagt</strong>" in page


def test_a_guardian_without_a_valid_number_is_shown_as_not_sent(p: Personas) -> None:
    _aged(p.youth, 16)
    mother = Guardian.objects.create(youth=p.youth, name="Hanne Hansen", relation="mor", phone="")
    participant = _add(p, _meeting(p), mother)
    invitation = _sms(participant)[MessageKind.NOTICE]
    process_batch(now=invitation.send_at + datetime.timedelta(minutes=1))
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/moeder/").content.decode()
    assert "intet telefonnummer" in page


def test_taking_the_guardian_off_cancels_the_sms_not_yet_sent(p: Personas) -> None:
    _aged(p.youth, 16)
    participant = _add(p, _meeting(p), _mother(p))
    sms = _sms(participant)
    services.participant_remove(actor=p.contact_person, youth=p.youth, participant=participant)
    for m in sms.values():
        m.refresh_from_db()
        assert m.status == MessageStatus.CANCELLED


def test_the_guardians_sms_is_not_part_of_her_own_conversation(p: Personas) -> None:
    from ungeforlob.messaging.selectors import conversation_page, conversation_thread

    _aged(p.youth, 16)
    participant = _add(p, _meeting(p), _mother(p))
    invitation = _sms(participant)[MessageKind.NOTICE]
    process_batch(now=invitation.send_at + datetime.timedelta(minutes=1))
    items, _more = conversation_thread(p.youth)
    assert not items and not conversation_page(p.youth)["scheduled"]


def test_the_meetings_page_costs_the_same_queries_with_more_guardians(p: Personas, count_queries) -> None:
    _aged(p.youth, 16)
    client = client_for(p.contact_person)
    meeting = _meeting(p)
    _add(p, meeting, _mother(p))
    few = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/moeder/"))
    for i in range(4):
        g = Guardian.objects.create(youth=p.youth, name=f"Værge {i}", relation="vaerge", phone="+4561234567")
        _add(p, _meeting(p, days=4 + i), g)
    assert count_queries(lambda: client.get(f"/unge/{p.youth.pk}/moeder/")) == few
