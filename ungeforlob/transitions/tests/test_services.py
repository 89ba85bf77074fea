import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.messaging.models import MessageStatus, OutboundMessage
from ungeforlob.testing import Personas
from ungeforlob.transitions import services
from ungeforlob.transitions.models import (
    FollowUp,
    FollowUpStatus,
    Procedure,
    Station,
    StationEndReason,
    StationKind,
    Transition,
)
from ungeforlob.transitions.tests.factories import AFTERCARE, JOSEFINE, VEJLE, procedures, transition
from ungeforlob.youth.timeline import timeline_for

CPH = ZoneInfo("Europe/Copenhagen")
UTC = datetime.UTC


def _today() -> datetime.date:
    return timezone.localdate()


def _last_sunday(year: int, month: int) -> datetime.date:
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - 6) % 7)


def _next_last_sunday(month: int) -> datetime.date:
    """The next last Sunday of March or October that is at least three weeks away."""
    year = _today().year
    while _last_sunday(year, month) < _today() + datetime.timedelta(days=21):
        year += 1
    return _last_sunday(year, month)


def _messages(t: Transition) -> dict[str, OutboundMessage]:
    keys = {f"followup:{f.pk}": f.title for f in t.followups.all()}
    return {keys[m.idempotency_key]: m for m in OutboundMessage.objects.filter(idempotency_key__in=keys)}


# The three shipped procedures ------------------------------------------------------------------------------

def test_it_ships_the_three_procedures_from_the_seeds(p: Personas) -> None:
    procs = procedures(p)
    assert set(procs) == {VEJLE, JOSEFINE, AFTERCARE}
    assert procs[VEJLE].is_default
    vejle = [(s.offset_days, s.kind) for s in procs[VEJLE].steps.all()]
    assert vejle == [(-10, "besoeg"), (-5, "moede"), (-2, "moede"), (-1, "sms"), (0, "besoeg"), (1, "sms"), (7, "sms"),
                     (49, "moede"), (56, "moede")]
    titles = [s.title for s in procs[VEJLE].steps.all()]
    # As the seed describes Vejle's procedures: group visits and a roadmap for day 1 (issue 20 point 5).
    assert "Gruppevist besøg på uddannelsesstedet" in titles and "Køreplan for dag 1" in titles
    assert (30, "moede") in [(s.offset_days, s.kind) for s in procs[JOSEFINE].steps.all()]
    assert procs[AFTERCARE].steps.get(kind="opkald").offsets() == list(range(14, 365, 14))


def test_installing_the_defaults_twice_makes_them_once(p: Personas) -> None:
    procedures(p)
    assert services.procedure_defaults_install(actor=p.administrator) == []
    assert Procedure.objects.filter(municipality=p.municipality).count() == 3


# The schedule ------------------------------------------------------------------------------------------------

def test_a_transition_with_the_default_procedure_makes_its_schedule(p: Personas) -> None:
    start = _today() + datetime.timedelta(days=20)
    t = transition(p, date=start)
    followups = list(t.followups.order_by("due_date", "due_time"))
    assert [f.title for f in followups] == [
        "Gruppevist besøg på uddannelsesstedet", "Formøde før start", "Køreplan for dag 1", "SMS dagen før",
        "Velkomst på første dag", "SMS en dag efter start",
        "SMS en uge efter start", "Individuel opfølgningssamtale (7 uger)",
        "Fællesmøde med KUI, skolen og den unge (8 uger)",
    ]
    by_title = {f.title: f for f in followups}
    assert by_title["SMS dagen før"].due_date == start - datetime.timedelta(days=1)
    assert by_title["Individuel opfølgningssamtale (7 uger)"].due_date == start + datetime.timedelta(days=49)
    assert by_title["SMS dagen før"].sms_body.startswith("Hej Josefine. I morgen starter du på Syddansk")
    assert by_title["SMS dagen før"].sms_body.endswith("/Mette")
    assert all(f.status == FollowUpStatus.OPEN for f in followups)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="transition", youth_id=p.youth.pk).exists()


def test_the_pre_meeting_counts_danish_working_days(p: Personas) -> None:
    # A start on a Monday: five working days before is the Monday a week earlier (weekend not counted).
    monday = _today() + datetime.timedelta(days=(7 - _today().weekday()) + 21)
    while monday.weekday() != 0:
        monday += datetime.timedelta(days=1)
    t = transition(p, date=monday)
    pre = t.followups.get(title="Formøde før start")
    expected = monday - datetime.timedelta(days=7)
    from ungeforlob.core.workdays import add_working_days
    assert pre.due_date == add_working_days(monday, -5)
    assert pre.due_date <= expected  # never later than a plain week, holidays push it earlier


def test_aftercare_is_a_call_about_every_fourteen_days_for_a_year(p: Personas) -> None:
    t = transition(p, procedure=AFTERCARE, kind=StationKind.JOB, days=1)
    calls = list(t.followups.filter(kind="opkald").order_by("due_date"))
    assert len(calls) == 26
    assert {(b.due_date - a.due_date).days for a, b in zip(calls, calls[1:], strict=False)} == {14}
    assert t.followups.filter(kind="moede", offset_days=365).exists()


def test_making_the_schedule_twice_never_duplicates_it(p: Personas) -> None:
    t = transition(p, days=20)
    count, messages = t.followups.count(), OutboundMessage.objects.count()
    services.schedule_make(transition=t, actor=p.contact_person)
    services.schedule_make(transition=t, actor=p.contact_person)
    assert t.followups.count() == count == 9
    assert OutboundMessage.objects.count() == messages == 3


def test_the_database_refuses_a_second_copy_of_a_step(p: Personas) -> None:
    from django.db import IntegrityError, transaction

    t = transition(p, days=20)
    f = t.followups.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowUp.objects.create(transition=t, youth=p.youth, step=f.step, occurrence=f.occurrence, title="x",
                                kind=f.kind, responsible_role=f.responsible_role, offset_days=0,
                                planned_date=f.due_date, due_date=f.due_date)


def test_a_double_submitted_form_makes_one_transition(p: Personas) -> None:
    procs, token = procedures(p), uuid.uuid4()
    kwargs = {"actor": p.contact_person, "youth": p.youth, "kind": StationKind.FGU, "token": token,
              "date": _today() + datetime.timedelta(days=5), "procedure": procs[VEJLE]}
    first = services.transition_create(**kwargs)
    second = services.transition_create(**kwargs)
    assert first.pk == second.pk
    assert Transition.objects.count() == 1 and FollowUp.objects.count() == 9


def test_it_refuses_the_same_transition_twice_without_a_token(p: Personas) -> None:
    transition(p, days=5)
    with pytest.raises(ValidationError) as exc:
        transition(p, days=5)
    assert "date" in exc.value.message_dict


@pytest.mark.parametrize("bad", [{"kind": "rumskib"}, {"date": "i morgen"},
                                 {"date": datetime.date(2090, 1, 1)}, {"institution": "x" * 151}])
def test_it_refuses_bad_input_and_saves_nothing(p: Personas, bad: dict) -> None:
    kwargs = {"actor": p.contact_person, "youth": p.youth, "kind": StationKind.FGU,
              "date": _today() + datetime.timedelta(days=5)} | bad
    with pytest.raises(ValidationError):
        services.transition_create(**kwargs)
    assert not Station.objects.exists() and not Transition.objects.exists()


def test_a_procedure_of_another_municipality_is_refused(p: Personas) -> None:
    from ungeforlob.accounts.models import Municipality

    other = Procedure.objects.create(municipality=Municipality.objects.get(code="nabo"), name="Nabo")
    with pytest.raises(ValidationError):
        services.transition_create(actor=p.contact_person, youth=p.youth, kind=StationKind.FGU,
                                   date=_today(), procedure=other)


def test_the_transition_ends_the_open_station_the_day_before(p: Personas) -> None:
    tenth = services.station_create(actor=p.contact_person, youth=p.youth, kind=StationKind.TENTH_GRADE,
                                    start_date=_today() - datetime.timedelta(days=200))
    t = transition(p, days=30)
    tenth.refresh_from_db()
    assert tenth.end_date == t.date - datetime.timedelta(days=1)
    assert tenth.end_reason == StationEndReason.SWITCHED
    assert t.from_station == tenth


# SMS through the outbox --------------------------------------------------------------------------------------

def test_sms_steps_are_queued_once_with_a_stable_key_at_their_danish_time(p: Personas) -> None:
    t = transition(p, days=20)
    messages = _messages(t)
    assert set(messages) == {"SMS dagen før", "SMS en dag efter start", "SMS en uge efter start"}
    day_before = t.followups.get(title="SMS dagen før")
    message = messages["SMS dagen før"]
    assert message.status == MessageStatus.QUEUED
    assert message.send_at == day_before.due_at
    assert message.send_at.astimezone(CPH).time() == datetime.time(17, 0)
    assert day_before.message_id == message.pk
    assert message.related_type == "transitions.followup" and message.related_id == str(day_before.pk)


def test_a_past_sms_step_is_cancelled_not_sent_late(p: Personas) -> None:
    t = transition(p, days=-3)
    day_one = t.followups.get(title="SMS en dag efter start")
    assert day_one.status == FollowUpStatus.CANCELLED
    assert "tidspunktet var passeret" in day_one.note
    assert set(_messages(t)) == {"SMS en uge efter start"}


@pytest.mark.parametrize("month", [3, 10])
def test_a_schedule_across_a_daylight_saving_switch_keeps_the_danish_clock_time(p: Personas, month: int) -> None:
    switch = _next_last_sunday(month)
    start = switch - datetime.timedelta(days=4)  # the Wednesday before: day 1 before the switch, week 1 after
    t = transition(p, date=start)
    messages = _messages(t)
    before, after = messages["SMS en dag efter start"].send_at, messages["SMS en uge efter start"].send_at
    assert before.astimezone(CPH).time() == after.astimezone(CPH).time() == datetime.time(16, 0)
    if month == 3:  # winter time (UTC+1) then summer time (UTC+2)
        assert (before.astimezone(UTC).hour, after.astimezone(UTC).hour) == (15, 14)
    else:
        assert (before.astimezone(UTC).hour, after.astimezone(UTC).hour) == (14, 15)
    # Moving the start by a week carries the week-1 SMS across the switch too: still 16:00 Danish time.
    services.transition_move(actor=p.contact_person, transition=t, date=start - datetime.timedelta(days=7))
    moved = OutboundMessage.objects.get(pk=messages["SMS en uge efter start"].pk)
    assert moved.send_at.astimezone(CPH) == datetime.datetime.combine(start, datetime.time(16, 0), tzinfo=CPH)


# Moving and cancelling -------------------------------------------------------------------------------------------

def test_moving_the_start_date_moves_the_steps_not_yet_done(p: Personas) -> None:
    t = transition(p, days=6)
    pre = t.followups.get(title="Formøde før start")
    services.followup_complete(actor=p.contact_person, followup=pre, note="Godt formøde")
    talk = t.followups.get(title="Individuel opfølgningssamtale (7 uger)")
    services.followup_move(actor=p.contact_person, followup=talk, due_date=talk.due_date + datetime.timedelta(days=2))
    before = {f.title: f.due_date for f in t.followups.all()}
    services.transition_move(actor=p.contact_person, transition=t, date=t.date + datetime.timedelta(days=14))
    after = {f.title: f.due_date for f in t.followups.all()}
    t.to_station.refresh_from_db()
    assert t.to_station.start_date == _today() + datetime.timedelta(days=20)
    assert after["Formøde før start"] == before["Formøde før start"]  # done: stays where it happened
    assert after["Velkomst på første dag"] == before["Velkomst på første dag"] + datetime.timedelta(days=14)
    # Moved by hand two days later than planned: it keeps that shift.
    talk.refresh_from_db()
    assert talk.due_date == talk.planned_date + datetime.timedelta(days=2)
    assert after["Individuel opfølgningssamtale (7 uger)"] == before["Individuel opfølgningssamtale (7 uger)"] + \
        datetime.timedelta(days=14)
    messages = _messages(t)
    assert messages["SMS dagen før"].send_at.astimezone(CPH).date() == t.to_station.start_date - datetime.timedelta(
        days=1)
    assert OutboundMessage.objects.filter(status=MessageStatus.QUEUED).count() == 3


def test_moving_the_date_moves_the_previous_stations_end(p: Personas) -> None:
    services.station_create(actor=p.contact_person, youth=p.youth, kind=StationKind.TENTH_GRADE,
                            start_date=_today() - datetime.timedelta(days=200))
    t = transition(p, days=30)
    services.transition_move(actor=p.contact_person, transition=t, date=_today() + datetime.timedelta(days=40))
    t.from_station.refresh_from_db()
    assert t.from_station.end_date == _today() + datetime.timedelta(days=39)


def test_it_refuses_to_move_the_date_before_the_previous_station_began(p: Personas) -> None:
    services.station_create(actor=p.contact_person, youth=p.youth, kind=StationKind.TENTH_GRADE,
                            start_date=_today() - datetime.timedelta(days=20))
    t = transition(p, days=30)
    with pytest.raises(ValidationError):
        services.transition_move(actor=p.contact_person, transition=t, date=_today() - datetime.timedelta(days=40))
    t.to_station.refresh_from_db()
    assert t.to_station.start_date == _today() + datetime.timedelta(days=30)


def test_moving_the_date_into_the_past_cancels_the_sms_whose_moment_has_gone(p: Personas) -> None:
    t = transition(p, days=3)
    services.transition_move(actor=p.contact_person, transition=t, date=_today() - datetime.timedelta(days=2))
    day_before = t.followups.get(title="SMS dagen før")
    assert day_before.status == FollowUpStatus.CANCELLED
    assert OutboundMessage.objects.get(pk=day_before.message_id).status == MessageStatus.CANCELLED
    assert t.followups.get(title="SMS en uge efter start").status == FollowUpStatus.OPEN


def test_cancelling_a_transition_cancels_its_followups_and_queued_sms(p: Personas) -> None:
    tenth = services.station_create(actor=p.contact_person, youth=p.youth, kind=StationKind.TENTH_GRADE,
                                    start_date=_today() - datetime.timedelta(days=200))
    t = transition(p, days=10)
    done = t.followups.get(title="Formøde før start")
    services.followup_complete(actor=p.contact_person, followup=done)
    services.transition_cancel(actor=p.contact_person, transition=t, reason="Den unge valgte FGU i stedet")
    statuses = dict(t.followups.values_list("title", "status"))
    assert statuses.pop("Formøde før start") == FollowUpStatus.DONE
    assert set(statuses.values()) == {FollowUpStatus.CANCELLED}
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {MessageStatus.CANCELLED}
    tenth.refresh_from_db()
    assert tenth.end_date is None and tenth.end_reason == ""  # the previous station is open again
    assert list(Station.objects.filter(youth=p.youth).exclude(transition__cancelled_at__isnull=False)) == [tenth]


def test_a_cancel_needs_a_reason(p: Personas) -> None:
    t = transition(p, days=10)
    with pytest.raises(ValidationError):
        services.transition_cancel(actor=p.contact_person, transition=t, reason="  ")
    assert not Transition.objects.filter(cancelled_at__isnull=False).exists()


def test_ending_a_station_cancels_its_later_followups(p: Personas) -> None:
    t = transition(p, days=-20)
    services.station_end(actor=p.contact_person, station=t.to_station, end_date=_today(),
                         end_reason=StationEndReason.DROPPED_OUT)
    later = t.followups.filter(due_date__gt=_today())
    assert later.exists()
    assert set(later.values_list("status", flat=True)) == {FollowUpStatus.CANCELLED}


# Follow-ups ---------------------------------------------------------------------------------------------------

def test_marking_done_keeps_a_note_that_goes_in_the_timeline(p: Personas) -> None:
    t = transition(p, days=3)
    pre = t.followups.get(title="Formøde før start")
    services.followup_complete(actor=p.contact_person, followup=pre, note="Vi lagde en plan for første dag.")
    pre.refresh_from_db()
    assert pre.status == FollowUpStatus.DONE and pre.done_on == _today() and pre.done_by == p.contact_person
    entry = next(e for e in timeline_for(p.youth) if e.title == "Opfølgning udført: Formøde før start")
    assert entry.text == "Vi lagde en plan for første dag." and entry.by == "Mette Kjær"


def test_it_refuses_to_close_a_followup_twice(p: Personas) -> None:
    f = transition(p, days=3).followups.get(title="Formøde før start")
    services.followup_complete(actor=p.contact_person, followup=f)
    with pytest.raises(ValidationError):
        services.followup_skip(actor=p.contact_person, followup=f, reason="dobbelt")


def test_skipping_needs_a_reason_and_it_goes_in_the_timeline(p: Personas) -> None:
    f = transition(p, days=3).followups.get(title="Formøde før start")
    with pytest.raises(ValidationError):
        services.followup_skip(actor=p.contact_person, followup=f, reason="")
    services.followup_skip(actor=p.contact_person, followup=f, reason="Den unge var syg")
    assert any(e.text == "Den unge var syg" for e in timeline_for(p.youth))


def test_skipping_an_sms_step_withdraws_its_message(p: Personas) -> None:
    f = transition(p, days=10).followups.get(title="SMS dagen før")
    services.followup_skip(actor=p.contact_person, followup=f, reason="Vi ses alligevel i morgen")
    assert OutboundMessage.objects.get(pk=f.message_id).status == MessageStatus.CANCELLED


def test_moving_an_sms_step_moves_its_queued_message(p: Personas) -> None:
    f = transition(p, days=10).followups.get(title="SMS en uge efter start")
    new_day = f.due_date + datetime.timedelta(days=3)
    services.followup_move(actor=p.contact_person, followup=f, due_date=new_day)
    message = OutboundMessage.objects.get(pk=f.message_id)
    assert message.send_at.astimezone(CPH) == datetime.datetime.combine(new_day, datetime.time(16), tzinfo=CPH)
    assert OutboundMessage.objects.filter(idempotency_key=f"followup:{f.pk}").count() == 1


def test_a_procedure_edit_does_not_rewrite_schedules_already_made(p: Personas) -> None:
    t = transition(p, days=10)
    step = procedures(p)[VEJLE].steps.get(offset_days=49)
    services.step_update(actor=p.administrator, step=step, title="Ny titel", kind="opkald", offset_days=45,
                         at_time=datetime.time(10), responsible_role="kontaktperson")
    f = t.followups.get(step=step)
    assert (f.title, f.offset_days, f.kind) == ("Individuel opfølgningssamtale (7 uger)", 49, "moede")


# Procedure configuration -----------------------------------------------------------------------------------

STEP = {"title": "Opkald", "kind": "opkald", "offset_days": 3, "at_time": datetime.time(9),
        "responsible_role": "kontaktperson"}


@pytest.mark.parametrize("bad, field", [
    ({"kind": "sms"}, "sms_template"),
    ({"kind": "sms", "sms_template": "Hej {navn}"}, "sms_template"),
    ({"kind": "sms", "sms_template": "Hej {fornavn}", "at_time": datetime.time(23, 30)}, "at_time"),
    ({"repeat_every_days": 1, "repeat_until_days": 700}, "repeat_every_days"),
    ({"repeat_every_days": 7}, "repeat_every_days"),
    ({"offset_days": 9999}, "offset_days"),
    ({"title": " "}, "title"),
    ({"responsible_role": "konge"}, "responsible_role"),
])
def test_it_refuses_a_step_that_cannot_be_scheduled(p: Personas, bad: dict, field: str) -> None:
    proc = services.procedure_create(actor=p.administrator, name="Prøve")
    with pytest.raises(ValidationError) as exc:
        services.step_create(actor=p.administrator, procedure=proc, **(STEP | bad))
    assert field in exc.value.message_dict
    assert not proc.steps.exists()


def test_there_is_one_default_procedure(p: Personas) -> None:
    procs = procedures(p)
    services.procedure_update(actor=p.administrator, procedure=procs[AFTERCARE], name=AFTERCARE, is_default=True)
    assert list(Procedure.objects.filter(is_default=True).values_list("name", flat=True)) == [AFTERCARE]


def test_a_used_procedure_cannot_be_deleted(p: Personas) -> None:
    t = transition(p, days=3)
    with pytest.raises(ValidationError):
        services.procedure_delete(actor=p.administrator, procedure=t.procedure)
    assert Procedure.objects.filter(pk=t.procedure_id).exists()
