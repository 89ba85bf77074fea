"""Chain meetings: the agenda's grounds, the minimum a meeting sees (audited), decisions as tasks on I dag and in
the timeline, "Hent mine data", and constant query counts."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import LegalBasis
from ungeforlob.chain.services import consent_record, consent_withdraw
from ungeforlob.core.agenda import agenda_for
from ungeforlob.meetings import services
from ungeforlob.meetings.models import AgendaEntry, Decision, Rhythm
from ungeforlob.meetings.services import CONSENT, next_date
from ungeforlob.meetings.tests.factories import meeting_for, world
from ungeforlob.portal.export import export_data
from ungeforlob.portal.selectors import who_has_looked
from ungeforlob.testing import Personas, client_for, make_youth
from ungeforlob.youth.timeline import timeline_for

TODAY = timezone.localdate


def _occurrence(p: Personas, meeting=None):
    meeting = meeting or meeting_for(p)
    return services.occurrence_create(actor=p.contact_person, meeting=meeting, held_on=TODAY())


def test_it_refuses_a_young_person_without_consent_or_legal_basis(p: Personas) -> None:
    occurrence = _occurrence(p)
    with pytest.raises(ValidationError) as exc:
        services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=p.youth, question="Praktik?",
                            grounds=CONSENT)
    assert "samtykke" in str(exc.value)
    assert not AgendaEntry.objects.exists()


def test_a_consent_to_one_of_the_meetings_organisations_puts_the_youth_on_the_agenda(p: Personas) -> None:
    occurrence = _occurrence(p)
    consent = consent_record(actor=p.contact_person, youth=p.youth, purpose="Kædemøde", scope="Navn og niveau",
                             receiving_organisation=p.colleague.organisation,
                             expires_on=TODAY() + datetime.timedelta(days=90))
    entry = services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=p.youth, question="Praktik?",
                                grounds=CONSENT)
    assert entry.consent == consent


def test_another_legal_basis_needs_a_note(p: Personas) -> None:
    occurrence = _occurrence(p)
    with pytest.raises(ValidationError) as exc:
        services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=p.youth, question="X",
                            grounds=LegalBasis.OTHER)
    assert "legal_basis_note" in exc.value.message_dict


def test_withdrawing_the_consent_takes_the_youth_out_of_the_meeting_at_once(p: Personas) -> None:
    occurrence = _occurrence(p)
    consent = consent_record(actor=p.contact_person, youth=p.youth, purpose="Kædemøde", scope="Navn",
                             receiving_organisation=p.colleague.organisation,
                             expires_on=TODAY() + datetime.timedelta(days=90))
    entry = services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=p.youth, question="Praktik?",
                                grounds=CONSENT)
    client = client_for(p.colleague)
    assert client.get(f"/kaedemoeder/punkt/{entry.pk}/").status_code == 200
    consent_withdraw(consent=consent, by_youth=True)
    assert client.get(f"/kaedemoeder/punkt/{entry.pk}/").status_code == 404
    assert "Praktik?" not in client.get(f"/kaedemoeder/moede/{occurrence.pk}/").content.decode()


def test_a_participant_outside_the_circle_sees_the_minimum_and_nothing_of_the_record(p: Personas) -> None:
    meeting = meeting_for(p, members=[p.colleague, p.outsider])
    occurrence = _occurrence(p, meeting)
    entry = services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=p.youth,
                                question="Kan FGU tage hende?", grounds=LegalBasis.KUI)
    client = client_for(p.outsider)
    page = client.get(f"/kaedemoeder/punkt/{entry.pk}/").content.decode()
    assert "Josefine" in page and "Hansen" in page and "Kan FGU tage hende?" in page
    assert p.youth.cpr_masked not in page
    assert client.get(f"/unge/{p.youth.pk}/").status_code == 404
    assert client.get(f"/unge/{p.youth.pk}/moeder/").status_code == 404


def test_every_view_of_an_agenda_youth_is_audited_with_the_purpose_kaedemoede(p: Personas) -> None:
    w = world(p)
    client_for(p.colleague).get(f"/kaedemoeder/punkt/{w.entry.pk}/")
    event = AuditEvent.objects.filter(youth_id=p.youth.pk, action=AuditAction.READ, actor=p.colleague).latest("pk")
    assert event.purpose == "kædemøde"
    assert who_has_looked(p.youth).filter(pk=event.pk, purpose="kædemøde").exists()


def test_a_participant_of_one_meeting_cannot_open_another_meetings_young_people(p: Personas) -> None:
    w = world(p)
    client = client_for(p.outsider)  # takes part in w.other only
    assert client.get(f"/kaedemoeder/{w.other.pk}/").status_code == 200
    assert client.get(f"/kaedemoeder/punkt/{w.entry.pk}/").status_code == 404
    assert client.get(f"/kaedemoeder/moede/{w.occurrence.pk}/").status_code == 404
    assert not AuditEvent.objects.filter(actor=p.outsider, youth_id=p.youth.pk).exists()


def test_a_decision_owner_must_take_part_in_the_meeting(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=p.contact_person, entry=w.entry, text="X", owner=p.outsider, due_on=TODAY())
    assert "owner" in exc.value.message_dict


def test_minutes_are_decisions_not_narratives(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=p.contact_person, entry=w.entry, text="x" * 201, owner=p.colleague,
                                 due_on=TODAY())
    assert "text" in exc.value.message_dict
    assert {f.name for f in Decision._meta.get_fields()} >= {"text", "owner", "due_on"}
    assert not any(f.get_internal_type() == "TextField" for f in Decision._meta.fields)


def test_a_decision_is_a_task_on_its_owners_i_dag_until_done(p: Personas) -> None:
    w = world(p)
    items = [i for i in agenda_for(p.colleague, today=TODAY()) if i.kind == "kædemøde"]
    assert [i.title for i in items] == ["Jonas finder en praktikplads"]
    assert items[0].youth_name == "Josefine" and items[0].youth_id is None
    assert "Jonas finder en praktikplads" in client_for(p.colleague).get("/i-dag/").content.decode()
    assert not [i for i in agenda_for(p.contact_person, today=TODAY()) if i.kind == "kædemøde"]
    services.decision_complete(actor=p.colleague, decision=w.decision)
    assert not [i for i in agenda_for(p.colleague, today=TODAY()) if i.kind == "kædemøde"]


def test_only_the_owner_marks_a_task_done(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError):
        services.decision_complete(actor=p.contact_person, decision=w.decision)


def test_decisions_and_agenda_entries_are_on_the_youths_timeline(p: Personas) -> None:
    world(p)
    titles = [e.title for e in timeline_for(p.youth)]
    assert "Kædemødet besluttede: Jonas finder en praktikplads" in titles
    assert any(t.startswith("Sat på dagsordenen til kædemødet") for t in titles)
    assert len([e for e in timeline_for(p.youth, limit=1)]) == 1


def test_hent_mine_data_holds_the_agenda_entries_and_decisions(p: Personas) -> None:
    world(p)
    sections = dict(export_data(p.youth))
    rows = sections["Kædemøder og mødedeltagere"]
    assert any(r.get("spørgsmålet") == "Kan jobcentret tilbyde praktik?" for r in rows)
    assert any(r.get("beslutning") == "Jonas finder en praktikplads" for r in rows)


def test_it_refuses_the_same_youth_twice_on_one_agenda(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError) as exc:
        services.agenda_add(actor=p.contact_person, occurrence=w.occurrence, youth=p.youth, question="X",
                            grounds=LegalBasis.KUI)
    assert "youth" in exc.value.message_dict


def test_an_entry_with_decisions_cannot_be_removed(p: Personas) -> None:
    w = world(p)
    response = client_for(p.contact_person).post(f"/kaedemoeder/punkt/{w.entry.pk}/fjern/")
    assert response.status_code == 200 and "kan ikke fjernes" in response.content.decode()
    assert AgendaEntry.objects.filter(pk=w.entry.pk).exists()


def test_a_double_submitted_decision_is_saved_once(p: Personas) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    form = client.get(f"/kaedemoeder/punkt/{w.entry.pk}/").context["form"]
    data = {"text": "Ring i morgen", "owner": p.contact_person.pk, "due_on": TODAY().isoformat(),
            "submission": form["submission"].initial}
    assert client.post(f"/kaedemoeder/punkt/{w.entry.pk}/", data).status_code == 302
    second = client.post(f"/kaedemoeder/punkt/{w.entry.pk}/", data)
    assert second.status_code == 400 and "allerede sendt" in second.content.decode()
    assert Decision.objects.filter(text="Ring i morgen").count() == 1


@pytest.mark.parametrize("bad", [{"due_on": "2026-13-45"}, {"owner": "999999999"}, {"text": ""},
                                 {"due_on": "1999-01-01"}])
def test_bad_decision_input_gives_a_danish_message_and_saves_nothing(p: Personas, bad: dict) -> None:
    w = world(p)
    data = {"text": "Ring", "owner": p.contact_person.pk, "due_on": TODAY().isoformat(), **bad}
    before = Decision.objects.count()
    response = client_for(p.contact_person).post(f"/kaedemoeder/punkt/{w.entry.pk}/", data)
    assert response.status_code == 400 and "Der er fejl i formularen" in response.content.decode()
    assert Decision.objects.count() == before


def test_leaders_cannot_take_part_in_a_chain_meeting(p: Personas) -> None:
    with pytest.raises(ValidationError):
        meeting_for(p, members=[p.leader])


@pytest.mark.parametrize(("rhythm", "first", "after", "expected"), [
    (Rhythm.WEEKLY, "2026-01-05", "2026-01-06", "2026-01-12"),
    (Rhythm.BIWEEKLY, "2026-01-05", "2026-01-06", "2026-01-19"),
    (Rhythm.MONTHLY, "2026-01-31", "2026-02-01", "2026-02-28"),
    (Rhythm.WEEKLY, "2026-01-05", "2026-01-05", "2026-01-05"),
])
def test_the_next_meeting_follows_the_rhythm(rhythm: str, first: str, after: str, expected: str) -> None:
    from types import SimpleNamespace

    meeting = SimpleNamespace(rhythm=rhythm, first_date=datetime.date.fromisoformat(first))
    assert next_date(meeting, on_or_after=datetime.date.fromisoformat(after)) == datetime.date.fromisoformat(expected)


def _grow(p: Personas, meeting, occurrence, n: int) -> None:
    for i in range(n):
        youth = make_youth(p.contact_person, first_name=f"Ung{i}", last_name="Testesen")
        entry = services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=youth, question="Q",
                                    grounds=LegalBasis.KUI)
        services.decision_record(actor=p.contact_person, entry=entry, text="D", owner=p.colleague, due_on=TODAY())
    services.occurrence_create(actor=p.contact_person, meeting=meeting,
                               held_on=TODAY() + datetime.timedelta(days=7 * (n + 1)))


def test_the_meeting_pages_cost_the_same_queries_for_few_and_many(p: Personas, count_queries) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    pages = [f"/kaedemoeder/moede/{w.occurrence.pk}/", f"/kaedemoeder/{w.meeting.pk}/", "/kaedemoeder/",
             "/i-dag/", "/samarbejdsaftaler/", f"/unge/{p.youth.pk}/moeder/"]
    small = [count_queries(lambda u=u: client.get(u)) for u in pages]
    _grow(p, w.meeting, w.occurrence, 6)
    large = [count_queries(lambda u=u: client.get(u)) for u in pages]
    assert small == large, list(zip(pages, small, large, strict=True))


def test_the_youths_part_of_a_meeting_costs_the_same_queries(p: Personas, count_queries) -> None:
    w = world(p)
    small = count_queries(lambda: export_data(p.youth))
    small_timeline = count_queries(lambda: timeline_for(p.youth))
    for i in range(4):
        occurrence = services.occurrence_create(actor=p.contact_person, meeting=w.meeting,
                                                held_on=TODAY() + datetime.timedelta(days=40 + i))
        entry = services.agenda_add(actor=p.contact_person, occurrence=occurrence, youth=p.youth, question="Q",
                                    grounds=LegalBasis.KUI)
        services.decision_record(actor=p.contact_person, entry=entry, text="D", owner=p.colleague,
                                 due_on=occurrence.held_on)
    assert count_queries(lambda: export_data(p.youth)) == small
    assert count_queries(lambda: timeline_for(p.youth)) == small_timeline


def test_the_meeting_page_suggests_the_rhythms_next_day_after_those_planned(p: Personas) -> None:
    w = world(p)  # weekly; meetings planned today, in 7 and in 14 days
    form = client_for(p.contact_person).get(f"/kaedemoeder/{w.meeting.pk}/").context["occurrence_form"]
    assert form.initial["held_on"] == w.fresh.held_on + datetime.timedelta(days=7)


@pytest.mark.parametrize("path", [
    "/kaedemoeder/{big}/", "/kaedemoeder/moede/{big}/", "/kaedemoeder/punkt/{big}/", "/kaedemoeder/opgave/{big}/udfoert/",
    "/kaedemoeder/{big}/invitation.ics", "/samarbejdsaftaler/{big}/", "/unge/{youth}/moeder/planmoede/{big}/invitation.ics",
    "/unge/{youth}/moeder/opfoelgning/{big}/invitation.ics", "/unge/{youth}/moeder/deltager/{big}/fjern/",
])
def test_an_impossible_id_is_a_404_not_a_500(p: Personas, path: str) -> None:
    url = path.format(big="99999999999999999999", youth=p.youth.pk)
    assert client_for(p.contact_person).get(url).status_code == 404


def test_bad_agenda_input_gives_danish_messages_and_saves_nothing(p: Personas) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    for data in ({"youth": str(p.other_youth.pk), "question": "X", "grounds": "kui"},  # not the caller's to share
                 {"youth": str(p.youth.pk), "question": "x" * 301, "grounds": "kui"},
                 {"youth": "abc", "question": "X", "grounds": "kui"},
                 {"youth": str(p.youth.pk), "question": "X", "grounds": "noget-andet"}):
        response = client.post(f"/kaedemoeder/moede/{w.fresh.pk}/punkt/", data)
        assert response.status_code == 400 and "Der er fejl i formularen" in response.content.decode()
    assert not AgendaEntry.objects.filter(occurrence=w.fresh).exists()


def test_a_meeting_with_an_over_long_name_or_no_organisation_is_refused(p: Personas) -> None:
    client = client_for(p.contact_person)
    data = {"name": "x" * 121, "rhythm": "ugentlig", "first_date": TODAY().isoformat(), "starts_at": "09:00",
            "duration_minutes": "60"}
    response = client.post("/kaedemoeder/ny/", data)
    assert response.status_code == 200 and "Der er fejl i formularen" in response.content.decode()
    from ungeforlob.meetings.models import ChainMeeting

    assert not ChainMeeting.objects.exists()


def test_a_participant_taken_off_the_meeting_loses_its_agenda(p: Personas) -> None:
    from ungeforlob.meetings.models import MeetingMember

    w = world(p)
    services.decision_complete(actor=p.colleague, decision=w.decision)
    client = client_for(p.colleague)
    assert client.get(f"/kaedemoeder/punkt/{w.entry.pk}/").status_code == 200
    services.meeting_member_remove(actor=p.contact_person, member=w.colleague_member)
    assert client.get(f"/kaedemoeder/punkt/{w.entry.pk}/").status_code == 404
    assert not MeetingMember.objects.filter(pk=w.colleague_member.pk).exists()


def test_a_participant_with_open_tasks_cannot_be_taken_off(p: Personas) -> None:
    w = world(p)  # the colleague owns an open decision
    with pytest.raises(ValidationError) as exc:
        services.meeting_member_remove(actor=p.contact_person, member=w.colleague_member)
    assert "åbne opgaver" in str(exc.value)


def test_the_last_participant_cannot_leave(p: Personas) -> None:
    from ungeforlob.meetings.models import MeetingMember

    meeting = meeting_for(p, members=[])
    with pytest.raises(ValidationError):
        services.meeting_member_remove(actor=p.contact_person, member=MeetingMember.objects.get(meeting=meeting))
