"""The conversation pages, the provider's webhooks and the development gateway."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.messaging.conf import LOCAL_TZ
from ungeforlob.messaging.models import (
    CheckIn,
    CheckInStatus,
    DevGatewayMessage,
    InboundMessage,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
)
from ungeforlob.messaging.outbox import process_batch
from ungeforlob.messaging.services import checkin_create, consent_give, sms_enqueue
from ungeforlob.testing import Personas

TOKEN = "hook-token"


@pytest.fixture(autouse=True)
def _token(settings: Any) -> None:
    settings.SMS_INBOUND_TOKEN = TOKEN


def _url(p: Personas, rest: str = "") -> str:
    return f"/unge/{p.youth.pk}/beskeder/{rest}"


def _tomorrow(hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LOCAL_TZ)


def _hook(body: dict[str, Any], *, token: str = TOKEN, path: str = "/sms/indgaaende/") -> Any:
    client = Client(enforce_csrf_checks=True)
    return client.post(path, data=json.dumps(body), content_type="application/json",
                       headers={"X-Inbound-Token": token})


# --- reading ------------------------------------------------------------------------------------------------

def test_the_circle_sees_the_conversation_and_the_read_is_audited(consented: Personas, as_user: Any) -> None:
    sms_enqueue(youth=consented.youth, body="Hej fra Mette", kind="conversation", send_at=_tomorrow(12))
    process_batch(now=_tomorrow(12))
    for who in (consented.contact_person, consented.colleague):
        response = as_user(who).get(_url(consented))
        assert response.status_code == 200
        assert "Hej fra Mette" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.READ, youth_id=consented.youth.pk, object_type="sms",
                                     actor=consented.colleague).exists()


def test_a_member_in_a_reading_role_sees_but_cannot_write(consented: Personas, as_user: Any) -> None:
    teacher = consented.reader  # a teacher in the circle: reads the conversation, writes nothing
    response = as_user(teacher).get(_url(consented))
    assert response.status_code == 200
    assert "Skriv til den unge" not in response.content.decode()
    assert as_user(teacher).post(_url(consented, "send/"), {"body": "Hej", "submission": "a"}).status_code == 404
    assert not OutboundMessage.objects.exists()


def test_the_conversation_page_costs_the_same_queries_for_little_and_much(consented: Personas, as_user: Any,
                                                                          count_queries: Any) -> None:
    client = as_user(consented.contact_person)

    def add(n: int, offset: int) -> None:
        for i in range(n):
            sms_enqueue(youth=consented.youth, body=f"Besked {offset + i}", kind="conversation",
                        send_at=_tomorrow(12), idempotency_key=f"q{offset + i}")
            InboundMessage.objects.create(youth=consented.youth, from_number="+4520123456", body=f"Svar {i}",
                                          received_at=timezone.now())
            sms_enqueue(youth=consented.youth, body=f"Senere {offset + i}", kind="scheduled",
                        send_at=_tomorrow(15), idempotency_key=f"s{offset + i}")
        process_batch(now=_tomorrow(12), limit=500)
        checkin_create(actor=consented.contact_person, youth=consented.youth, question=f"Spørgsmål {offset}?")

    add(2, 0)
    small = count_queries(lambda: client.get(_url(consented)))
    add(60, 100)
    large = count_queries(lambda: client.get(_url(consented)))
    assert small == large
    assert large <= 20


# --- writing ------------------------------------------------------------------------------------------------

def test_the_contact_person_sends_a_message_once_however_often_the_form_is_posted(consented: Personas,
                                                                                  as_user: Any) -> None:
    client = as_user(consented.contact_person)
    data = {"body": "Hej Josefine, ses i morgen?", "submission": "abc123"}
    assert client.post(_url(consented, "send/"), data).status_code == 302
    assert client.post(_url(consented, "send/"), data).status_code == 302
    message = OutboundMessage.objects.get()
    assert message.body == "Hej Josefine, ses i morgen?" and message.created_by == consented.contact_person


def test_a_later_message_is_planned_for_its_time(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    day = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    response = client.post(_url(consented, "send/"), {"body": "Held og lykke i morgen!", "send_date": day,
                                                      "send_time": "19:30", "submission": "b"})
    assert response.status_code == 302
    message = OutboundMessage.objects.get()
    assert message.kind == MessageKind.SCHEDULED
    assert timezone.localtime(message.send_at, LOCAL_TZ).strftime("%Y-%m-%d %H:%M") == f"{day} 19:30"


def test_without_consent_nothing_can_be_written(p: Personas, as_user: Any) -> None:
    client = as_user(p.contact_person)
    page = client.get(_url(p)).content.decode()
    assert "Der sendes ingen SMS" in page and "Skriv til den unge" not in page
    response = client.post(_url(p, "send/"), {"body": "Hej", "submission": "c"})
    assert response.status_code == 400
    assert "samtykke" in response.content.decode()
    assert not OutboundMessage.objects.exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"body": "Dit CPR-nummer er 0101031234"}, "CPR-numre må aldrig"),
        ({"body": "Husk at tage Mikkel Olsen med"}, "anden ung"),
        ({"body": "x" * 481}, "højst have 480 tegn"),
        ({"body": ""}, "Dette felt er påkrævet"),
        ({"body": "Hej", "send_date": "2030-02-31", "send_time": "10:00"}, "gyldig dato"),
        ({"body": "Hej", "send_date": "2030-02-03"}, "både dato og klokkeslæt"),
        ({"body": "Hej", "send_date": "2020-02-03", "send_time": "10:00"}, "passeret"),
    ],
)
def test_bad_input_is_refused_in_danish_and_nothing_is_saved(consented: Personas, as_user: Any,
                                                            data: dict[str, str], expected: str) -> None:
    response = as_user(consented.contact_person).post(_url(consented, "send/"), {**data, "submission": "d"})
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not OutboundMessage.objects.exists()


def test_a_sensitive_word_is_a_warning_the_sender_can_accept(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    data = {"body": "Husk din tid hos psykologen", "submission": "e"}
    response = client.post(_url(consented, "send/"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "psykologen" in page and "Send alligevel" in page
    assert client.post(_url(consented, "send/"), {**data, "accept_warnings": "on"}).status_code == 302
    assert OutboundMessage.objects.get().warning_accepted


def test_consent_is_recorded_and_withdrawn(p: Personas, as_user: Any) -> None:
    client = as_user(p.contact_person)
    assert client.get(_url(p, "samtykke/")).status_code == 200
    assert client.post(_url(p, "samtykke/"), {"action": "give", "note": "Ja ved samtale"}).status_code == 302
    consent = SmsConsent.objects.get(youth=p.youth)
    assert consent.is_active and consent.note == "Ja ved samtale" and consent.recorded_by == p.contact_person
    queued = sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", send_at=_tomorrow(12))
    assert client.post(_url(p, "samtykke/"), {"action": "withdraw"}).status_code == 302
    consent.refresh_from_db()
    queued.refresh_from_db()
    assert not consent.is_active and queued.status == MessageStatus.CANCELLED
    assert client.post(_url(p, "samtykke/"), {"action": "nonsense"}).status_code == 400


def test_a_wake_up_series_queues_the_agreed_mornings(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    assert client.get(_url(consented, "vaekning/ny/")).status_code == 200
    start = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(_url(consented, "vaekning/ny/"), {
        "time_of_day": "06:45", "weekdays": ["0", "1", "2", "3", "4", "5", "6"], "start_date": start.isoformat(),
        "stop_date": (start + datetime.timedelta(days=2)).isoformat(), "body": "Godmorgen Josefine!"})
    assert response.status_code == 302
    series = WakeUpSeries.objects.get()
    rows = list(OutboundMessage.objects.filter(series=series).order_by("send_at"))
    assert [timezone.localtime(r.send_at, LOCAL_TZ).strftime("%H:%M") for r in rows] == ["06:45"] * 3
    assert {r.kind for r in rows} == {MessageKind.WAKEUP} and not any(r.quiet_shifted for r in rows)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"time_of_day": "23:00", "weekdays": ["0"]}, "mellem kl. 5.00 og kl. 11.00"),
        ({"time_of_day": "07:00"}, "Dette felt er påkrævet"),
        ({"time_of_day": "07:00", "weekdays": ["9"]}, "gyldig valgmulighed"),
        ({"time_of_day": "07:00", "weekdays": ["0"], "start_date": "2020-01-01"}, "fortiden"),
        ({"time_of_day": "07:00", "weekdays": ["0"], "stop_date": "2000-01-01"}, "før startdatoen"),
    ],
)
def test_a_bad_wake_up_is_refused(consented: Personas, as_user: Any, data: dict[str, Any], expected: str) -> None:
    base = {"start_date": timezone.localdate().isoformat(), "body": "Godmorgen"}
    response = as_user(consented.contact_person).post(_url(consented, "vaekning/ny/"), {**base, **data})
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not WakeUpSeries.objects.exists()


def test_stopping_a_wake_up_asks_first_then_cancels_what_is_queued(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    client.post(_url(consented, "vaekning/ny/"), {
        "time_of_day": "07:00", "weekdays": ["0", "1", "2", "3", "4", "5", "6"],
        "start_date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(), "body": "Op!"})
    series = WakeUpSeries.objects.get()
    assert "Stop vækningen?" in client.get(_url(consented, f"vaekning/{series.pk}/stop/")).content.decode()
    assert series.messages.filter(status=MessageStatus.QUEUED).exists()
    assert client.post(_url(consented, f"vaekning/{series.pk}/stop/")).status_code == 302
    assert not series.messages.filter(status=MessageStatus.QUEUED).exists()
    assert client.post(_url(consented, f"vaekning/{series.pk}/stop/")).status_code == 404


def test_a_reminder_goes_the_chosen_time_before_the_appointment(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    day = timezone.localdate() + datetime.timedelta(days=3)
    response = client.post(_url(consented, "paamindelse/ny/"), {
        "date": day.isoformat(), "time": "13:00", "place": "Jobcentret, Vestergade 3", "lead_hours": "2"})
    assert response.status_code == 302
    message = OutboundMessage.objects.get()
    assert message.kind == MessageKind.REMINDER
    assert timezone.localtime(message.send_at, LOCAL_TZ).strftime("%H:%M") == "11:00"
    assert "kl. 13.00, Jobcentret, Vestergade 3" in message.body


def test_a_reminder_for_a_past_appointment_is_refused(consented: Personas, as_user: Any) -> None:
    response = as_user(consented.contact_person).post(_url(consented, "paamindelse/ny/"), {
        "date": "2020-01-01", "time": "13:00", "lead_hours": "24"})
    assert response.status_code == 400 and "fortiden" in response.content.decode()


def test_a_check_in_about_an_activity_records_the_reply(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    response = client.post(_url(consented, "tjek-ind/ny/"), {"question": "Hvordan gik praktikken?"})
    assert response.status_code == 302
    checkin = CheckIn.objects.get()
    process_batch(now=_tomorrow(12))
    assert _hook({"msisdn": 4520123456, "message": "Det gik godt!", "id": 77}).status_code == 200
    checkin.refresh_from_db()
    assert checkin.status == CheckInStatus.ANSWERED and checkin.answer == "Det gik godt!"
    assert "Det gik godt!" in client.get(_url(consented)).content.decode()


def test_a_reply_to_a_check_in_is_told_to_the_contact_person(consented: Personas, as_user: Any) -> None:
    from ungeforlob.notifications.models import StaffNotification

    as_user(consented.contact_person).post(_url(consented, "tjek-ind/ny/"), {"question": "Fik du ringet?"})
    process_batch(now=_tomorrow(12))
    assert not StaffNotification.objects.filter(kind="sms_svar").exists()
    assert _hook({"msisdn": 4520123456, "message": "Jeg har gjort det", "id": 78}).status_code == 200
    notice = StaffNotification.objects.get(kind="sms_svar")
    assert notice.recipient == consented.contact_person
    assert notice.url == _url(consented) and consented.youth.first_name not in notice.text


def test_cancelling_a_planned_message_asks_first(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    message = sms_enqueue(youth=consented.youth, body="Planlagt", kind="scheduled", send_at=_tomorrow(12))
    assert "Annuller beskeden?" in client.get(_url(consented, f"{message.pk}/annuller/")).content.decode()
    assert client.post(_url(consented, f"{message.pk}/annuller/")).status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED
    response = client.post(_url(consented, f"{message.pk}/annuller/"), follow=True)
    assert "allerede sendt eller annulleret" in response.content.decode()


def test_a_failed_message_is_shown_and_can_be_retried_or_put_aside(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    message = sms_enqueue(youth=consented.youth, body="Kommer du?", kind="conversation", send_at=_tomorrow(12))
    OutboundMessage.objects.filter(pk=message.pk).update(
        status=MessageStatus.FAILED, failed_at=timezone.now(), attempts=5,
        status_reason="Kunne ikke sendes efter 5 forsøg. SMS-tjenesten svarede: HTTP 500")
    page = client.get(_url(consented)).content.decode()
    assert "En SMS kunne ikke sendes" in page and "efter 5 forsøg" in page
    assert client.post(_url(consented, f"{message.pk}/proev-igen/")).status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED and message.attempts == 0
    OutboundMessage.objects.filter(pk=message.pk).update(status=MessageStatus.FAILED, failed_at=timezone.now())
    assert client.post(_url(consented, f"{message.pk}/set/")).status_code == 302
    assert "En SMS kunne ikke sendes" not in client.get(_url(consented)).content.decode()


def test_a_message_of_another_youth_is_not_found(consented: Personas, as_user: Any) -> None:
    consent_give(actor=None, youth=consented.other_youth)
    other = sms_enqueue(youth=consented.other_youth, body="Hej", kind="scheduled", send_at=_tomorrow(12))
    client = as_user(consented.contact_person)
    assert client.post(_url(consented, f"{other.pk}/annuller/")).status_code == 404
    assert client.get(_url(consented, "999999/annuller/")).status_code == 404


# --- the webhooks -------------------------------------------------------------------------------------------

def test_the_inbound_webhook_needs_the_token(consented: Personas) -> None:
    assert _hook({"msisdn": "4520123456", "message": "Hej"}, token="wrong").status_code == 403
    assert Client().post("/sms/indgaaende/", {"msisdn": "4520123456", "message": "Hej"}).status_code == 403
    assert not InboundMessage.objects.exists()


def test_the_inbound_webhook_refuses_everyone_when_no_token_is_configured(consented: Personas, settings: Any) -> None:
    settings.SMS_INBOUND_TOKEN = ""
    assert _hook({"msisdn": "4520123456", "message": "Hej"}, token="").status_code == 403


def test_a_reply_is_matched_by_number_and_shown_in_the_conversation(consented: Personas, as_user: Any) -> None:
    response = _hook({"msisdn": 4520123456, "message": "Jeg har gjort det", "id": 1001})
    assert response.status_code == 200
    reply = InboundMessage.objects.get()
    assert reply.youth == consented.youth and reply.from_number == "+4520123456"
    assert "Jeg har gjort det" in as_user(consented.contact_person).get(_url(consented)).content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="inboundmessage",
                                     actor_youth_id=consented.youth.pk).exists()


def test_a_reposted_reply_is_stored_once(consented: Personas) -> None:
    for _ in range(2):
        assert _hook({"msisdn": "4520123456", "message": "Hej", "id": "abc"}).status_code == 200
    assert InboundMessage.objects.count() == 1


def test_a_form_encoded_reply_works_too(consented: Personas) -> None:
    response = Client().post("/sms/indgaaende/", {"from": "20 12 34 56", "text": "Hej"},
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert InboundMessage.objects.get().youth == consented.youth


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'{"msisdn": "", "message": "x"}',
                                 b'{"msisdn": "4520123456"}', b'{"msisdn": "4520123456", "message": {"a": 1}}'])
def test_a_malformed_reply_is_a_400(consented: Personas, raw: bytes) -> None:
    response = Client().post("/sms/indgaaende/", data=raw, content_type="application/json",
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400


def test_an_unknown_number_is_accepted_and_not_stored(consented: Personas) -> None:
    response = _hook({"msisdn": "4599999999", "message": "Hvem er det?"})
    assert response.status_code == 202
    assert response.json() == {"status": "unmatched"}
    assert not InboundMessage.objects.exists()


def test_stop_opts_the_youth_out_of_everything(consented: Personas) -> None:
    queued = sms_enqueue(youth=consented.youth, body="Hej", kind="scheduled", send_at=_tomorrow(12))
    series = WakeUpSeries.objects.create(youth=consented.youth, time_of_day=datetime.time(7), weekdays="0,1",
                                         start_date=timezone.localdate(), body="Op", created_by=None)
    assert _hook({"msisdn": "+4520123456", "message": "Stop"}).status_code == 200
    queued.refresh_from_db()
    series.refresh_from_db()
    consent = SmsConsent.objects.get(youth=consented.youth)
    assert not consent.is_active and consent.withdrawn_via == "stop"
    assert queued.status == MessageStatus.CANCELLED and series.stopped_reason == "youth"
    assert InboundMessage.objects.get().is_stop


def test_stop_vaekning_stops_only_the_wake_ups(consented: Personas) -> None:
    series = WakeUpSeries.objects.create(youth=consented.youth, time_of_day=datetime.time(7), weekdays="0,1",
                                         start_date=timezone.localdate(), body="Op", created_by=None)
    assert _hook({"msisdn": "4520123456", "message": "STOP VÆKNING"}).status_code == 200
    series.refresh_from_db()
    assert series.stopped_reason == "youth"
    assert SmsConsent.objects.get(youth=consented.youth).is_active


def test_a_delivery_receipt_marks_the_message_delivered(consented: Personas) -> None:
    message = sms_enqueue(youth=consented.youth, body="Hej", kind="conversation", send_at=_tomorrow(12))
    process_batch(now=_tomorrow(12))
    message.refresh_from_db()
    response = _hook({"id": message.gateway_message_id, "status": "DELIVERED", "userref": message.idempotency_key},
                     path="/sms/kvittering/")
    assert response.json() == {"status": "ok"}
    message.refresh_from_db()
    assert message.status == MessageStatus.DELIVERED
    assert _hook({"id": "x", "status": "DELIVERED"}, token="nope", path="/sms/kvittering/").status_code == 403


# --- the development gateway --------------------------------------------------------------------------------

def test_the_development_gateway_is_only_there_with_debug(consented: Personas, as_user: Any) -> None:
    assert as_user(consented.contact_person).get("/udvikling/sms/").status_code == 404


def test_the_development_gateway_shows_an_outsider_no_one_elses_messages(consented: Personas, as_user: Any,
                                                                        settings: Any) -> None:
    settings.DEBUG = True
    sms_enqueue(youth=consented.youth, body="Hemmelig aftale kl. 10", kind="conversation", send_at=_tomorrow(12))
    process_batch(now=_tomorrow(12))
    assert DevGatewayMessage.objects.count() == 1
    mine = as_user(consented.contact_person).get("/udvikling/sms/").content.decode()
    assert "Hemmelig aftale kl. 10" in mine and "Josefine Hansen" in mine
    for who in (consented.outsider, consented.leader, consented.administrator):
        page = as_user(who).get("/udvikling/sms/").content.decode()
        assert "Hemmelig aftale" not in page and "Josefine" not in page
    row = DevGatewayMessage.objects.get()
    assert as_user(consented.outsider).post("/udvikling/sms/svar/", {"message": row.pk, "body": "Hej"}).status_code == 404
    assert not InboundMessage.objects.exists()


def test_answering_as_the_youth_on_the_development_page_lands_in_the_conversation(consented: Personas,
                                                                                  as_user: Any,
                                                                                  settings: Any) -> None:
    settings.DEBUG = True
    sms_enqueue(youth=consented.youth, body="Godmorgen", kind="wakeup", send_at=_tomorrow(6, 30))
    process_batch(now=_tomorrow(6, 30))
    client = as_user(consented.contact_person)
    row = DevGatewayMessage.objects.get()
    assert client.post("/udvikling/sms/svar/", {"message": row.pk, "body": "Er oppe!"}).status_code == 302
    assert "Er oppe!" in client.get(_url(consented)).content.decode()


# --- timeline, agenda, demo ---------------------------------------------------------------------------------

def test_the_timeline_says_that_messages_went_but_not_what_they_said(consented: Personas, as_user: Any) -> None:
    sms_enqueue(youth=consented.youth, body="Hemmeligt indhold", kind="reminder", send_at=_tomorrow(12))
    process_batch(now=_tomorrow(12))
    _hook({"msisdn": "4520123456", "message": "Privat svar"})
    page = as_user(consented.contact_person).get(f"/unge/{consented.youth.pk}/tidslinje/").content.decode()
    assert "SMS sendt (påmindelse om aftale)" in page and "SMS fra den unge" in page
    assert "Hemmeligt indhold" not in page and "Privat svar" not in page


def test_the_contact_persons_day_lists_failures_and_unanswered_replies(consented: Personas) -> None:
    from ungeforlob.messaging.agenda import sms_items

    message = sms_enqueue(youth=consented.youth, body="Hej", kind="conversation", send_at=_tomorrow(12))
    OutboundMessage.objects.filter(pk=message.pk).update(status=MessageStatus.FAILED, failed_at=timezone.now())
    _hook({"msisdn": "4520123456", "message": "Kan du ringe?"})
    titles = sorted(i.title for i in sms_items(consented.contact_person, today=timezone.localdate()))
    assert titles == ["Ny SMS fra den unge", "SMS kunne ikke sendes"]
    assert sms_items(consented.outsider, today=timezone.localdate()) == []


def test_the_demo_loader_is_idempotent(p: Personas) -> None:
    from ungeforlob.messaging.demo import load

    for _ in range(2):
        load(municipality=p.municipality, staff={"kontaktperson": p.contact_person}, orgs={})
    assert SmsConsent.objects.filter(youth=p.youth).count() == 1
    assert OutboundMessage.objects.filter(youth=p.youth).count() == 3
    assert InboundMessage.objects.filter(youth=p.youth).count() == 2


def test_posting_a_reminder_or_check_in_form_twice_makes_one_message(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    day = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    reminder = {"date": day, "time": "13:00", "lead_hours": "24", "submission": "r1"}
    checkin = {"question": "Hvordan gik det?", "submission": "c1"}
    for _ in range(2):
        assert client.post(_url(consented, "paamindelse/ny/"), reminder).status_code == 302
        assert client.post(_url(consented, "tjek-ind/ny/"), checkin).status_code == 302
    assert OutboundMessage.objects.filter(kind=MessageKind.REMINDER).count() == 1
    assert CheckIn.objects.count() == 1


def test_the_same_wake_up_cannot_be_agreed_twice(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.contact_person)
    data = {"time_of_day": "07:00", "weekdays": ["0", "1"], "start_date": timezone.localdate().isoformat(),
            "body": "Op!"}
    assert client.post(_url(consented, "vaekning/ny/"), data).status_code == 302
    response = client.post(_url(consented, "vaekning/ny/"), data)
    assert response.status_code == 400 and "allerede aftalt" in response.content.decode()
    assert WakeUpSeries.objects.count() == 1


def test_a_check_in_can_be_about_a_plan_activity(consented: Personas, as_user: Any) -> None:
    from ungeforlob.messaging.selectors import checkins_for
    from ungeforlob.plans.models import Activity, Goal, SubGoal

    goal = Goal.objects.create(youth=consented.youth, position=1, text="Uddannelse", written_by="ung")
    sub = SubGoal.objects.create(goal=goal, text="Praktik", success_criterion="Jeg møder op")
    activity = Activity.objects.create(subgoal=sub, title="Praktik i Netto", reason="Prøve faget",
                                       responsible="ung")
    client = as_user(consented.contact_person)
    page = client.get(_url(consented, f"tjek-ind/ny/?aktivitet={activity.pk}")).content.decode()
    assert "Praktik i Netto" in page
    response = client.post(_url(consented, "tjek-ind/ny/"), {"question": "Hvordan gik første dag?",
                                                             "activity": str(activity.pk)})
    assert response.status_code == 302
    assert [c.question for c in checkins_for(related_type="plans.activity", related_id=activity.pk)] == [
        "Hvordan gik første dag?"]


def test_a_reply_from_a_shared_number_goes_to_the_one_last_written_to_and_is_marked_for_checking(
        consented: Personas, as_user: Any) -> None:
    from ungeforlob.testing import make_youth

    sibling = make_youth(consented.contact_person, first_name="Søster", mobile="+4520123456")
    consent_give(actor=consented.contact_person, youth=sibling)
    sms_enqueue(youth=consented.youth, body="Hej Josefine", kind="conversation", send_at=_tomorrow(10))
    sms_enqueue(youth=sibling, body="Hej søster", kind="conversation", send_at=_tomorrow(12))
    assert _hook({"msisdn": "4520123456", "message": "Ja tak"}).status_code == 200
    reply = InboundMessage.objects.get()
    assert reply.youth_id == sibling.pk and reply.shared_number
    page = as_user(consented.contact_person).get(f"/unge/{sibling.pk}/beskeder/").content.decode()
    assert "Flere unge bruger dette nummer. Tjek, hvem der skrev." in page


def test_a_reply_from_a_number_only_one_young_person_has_is_not_marked(consented: Personas) -> None:
    _hook({"msisdn": "4520123456", "message": "Ja tak"})
    assert not InboundMessage.objects.get().shared_number


def test_stop_from_a_shared_number_stops_sms_to_everyone_on_that_phone(consented: Personas) -> None:
    from ungeforlob.testing import make_youth

    sibling = make_youth(consented.contact_person, first_name="Søster", mobile="+4520123456")
    consent_give(actor=consented.contact_person, youth=sibling)
    other_phone = make_youth(consented.contact_person, first_name="Anden", mobile="+4531313131")
    consent_give(actor=consented.contact_person, youth=other_phone)
    queued = sms_enqueue(youth=sibling, body="Hej", kind="scheduled", send_at=_tomorrow(12))
    _hook({"msisdn": "+4520123456", "message": "STOP"})
    assert not SmsConsent.objects.get(youth=consented.youth).is_active
    assert not SmsConsent.objects.get(youth=sibling).is_active
    assert SmsConsent.objects.get(youth=other_phone).is_active
    queued.refresh_from_db()
    assert queued.status == MessageStatus.CANCELLED


def test_recording_consent_twice_with_the_same_form_is_refused_and_saved_once(p: Personas, as_user: Any) -> None:
    client = as_user(p.contact_person)
    data = {"action": "give", "note": "Ja ved samtale", "submission": "consent1"}
    assert client.post(_url(p, "samtykke/"), data).status_code == 302
    first = SmsConsent.objects.get(youth=p.youth).given_at
    response = client.post(_url(p, "samtykke/"), data)
    assert response.status_code == 400 and "allerede sendt" in response.content.decode()
    assert SmsConsent.objects.get(youth=p.youth).given_at == first
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="smsconsent").count() == 1


def test_the_reader_may_not_record_or_withdraw_consent(consented: Personas, as_user: Any) -> None:
    client = as_user(consented.reader)
    assert client.get(_url(consented, "samtykke/")).status_code == 404
    assert client.post(_url(consented, "samtykke/"), {"action": "withdraw", "submission": "w"}).status_code == 404
    assert SmsConsent.objects.get(youth=consented.youth).is_active
