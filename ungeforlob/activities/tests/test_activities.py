from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.accounts.models import Municipality
from ungeforlob.activities import selectors, services
from ungeforlob.activities.models import Activity, SignUp, SignUpStatus
from ungeforlob.activities.tests.factories import make_activity, sign_up
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.messaging.models import MessageKind, MessageStatus, OutboundMessage
from ungeforlob.testing import Personas, client_for, make_youth, youth_session_client


def _past(activity: Activity, hours: int = 1) -> None:
    Activity.objects.filter(pk=activity.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=hours))
    activity.refresh_from_db()


def _form(p: Personas, **extra: str) -> dict[str, str]:
    when = (timezone.localtime() + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    return {"title": "Vi laver mad", "place": "Køkkenet i Energihuset", "starts_at": when,
            "duration_minutes": "120", "seats": "6", "organisation": str(p.organisation.pk),
            "runner": str(p.contact_person.pk), "waiting_list": "on", **extra}


# --- Signing up ----------------------------------------------------------------------------------------------

def test_she_gets_a_seat_and_a_reminder_the_afternoon_before(p: Personas) -> None:
    a = make_activity(p, days=3)
    signup = services.signup_create(youth=p.youth, activity=a, show_first_name=True)
    assert signup.status == SignUpStatus.SIGNED_UP
    reminder = OutboundMessage.objects.get(idempotency_key=signup.reminder_key)
    assert reminder.kind == MessageKind.REMINDER and reminder.youth == p.youth
    local = timezone.localtime(reminder.send_at)
    assert local.date() == timezone.localtime(a.starts_at).date() - datetime.timedelta(days=1)
    assert local.hour == services.REMINDER_HOUR
    assert "Klatring" in reminder.body and "Klatrecentret" in reminder.body


def test_signing_up_from_min_side_takes_two_taps_and_says_when_the_sms_comes(p: Personas) -> None:
    a = make_activity(p)
    client = youth_session_client(p.youth)
    page = client.get("/min-side/faellesskaber/")
    assert "Meld mig til" in page.content.decode()
    response = client.post(f"/min-side/faellesskaber/{a.pk}/tilmeld/", follow=True)
    assert "Du er tilmeldt. Du får en SMS dagen før." in response.content.decode()
    assert "Du er tilmeldt" in client.get("/min-side/faellesskaber/").content.decode()


def test_a_full_activity_puts_her_on_the_waiting_list(p: Personas) -> None:
    a = make_activity(p, seats=1)
    sign_up(a, p.other_youth)
    signup = services.signup_create(youth=p.youth, activity=a)
    assert signup.status == SignUpStatus.WAITING
    assert signup.reminder_key == ""


def test_a_full_activity_without_a_waiting_list_says_there_are_no_more_seats(p: Personas) -> None:
    a = make_activity(p, seats=1, waiting_list=False)
    sign_up(a, p.other_youth)
    client = youth_session_client(p.youth)
    assert "Der er ikke flere pladser." in client.get("/min-side/faellesskaber/").content.decode()
    response = client.post(f"/min-side/faellesskaber/{a.pk}/tilmeld/", follow=True)
    assert "Der er ikke flere pladser." in response.content.decode()
    assert not SignUp.objects.filter(youth=p.youth).exists()


def test_signing_up_twice_keeps_one_seat(p: Personas) -> None:
    a = make_activity(p)
    services.signup_create(youth=p.youth, activity=a)
    with pytest.raises(ValidationError, match="allerede tilmeldt"):
        services.signup_create(youth=p.youth, activity=a)
    assert SignUp.objects.filter(youth=p.youth).count() == 1


def test_she_cannot_sign_up_for_a_cancelled_begun_or_other_municipalitys_activity(p: Personas) -> None:
    cancelled = make_activity(p, cancelled_at=timezone.now())
    begun = make_activity(p)
    _past(begun)
    other_m = Municipality.objects.get(code="nabo")
    elsewhere = Activity.objects.create(
        municipality=other_m, title="Fodbold", place="Banen", starts_at=timezone.now() + datetime.timedelta(days=2),
        seats=4, organisation=p.other_organisation, runner=p.stranger, created_by=p.stranger)
    for a in (cancelled, begun, elsewhere):
        with pytest.raises(ValidationError):
            services.signup_create(youth=p.youth, activity=a)
    response = youth_session_client(p.youth).post(f"/min-side/faellesskaber/{elsewhere.pk}/tilmeld/")
    assert response.status_code == 302 and not SignUp.objects.exists()


def test_withdrawing_cancels_her_reminder_and_gives_the_seat_to_the_first_waiting(p: Personas) -> None:
    a = make_activity(p, seats=1)
    mine = services.signup_create(youth=p.youth, activity=a)
    key = mine.reminder_key
    waiting = services.signup_create(youth=p.other_youth, activity=a)
    assert waiting.status == SignUpStatus.WAITING
    response = youth_session_client(p.youth).post("/min-side/faellesskaber/afmeld/", {"signup": str(mine.pk)},
                                                  follow=True)
    assert "Du er meldt fra." in response.content.decode()
    assert OutboundMessage.objects.get(idempotency_key=key).status == MessageStatus.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == SignUpStatus.SIGNED_UP and waiting.reminder_key
    assert OutboundMessage.objects.filter(youth=p.other_youth, kind=MessageKind.NOTICE,
                                          body__contains="Der er blevet plads").exists()


def test_another_young_person_cannot_withdraw_her_sign_up(p: Personas) -> None:
    a = make_activity(p)
    mine = services.signup_create(youth=p.youth, activity=a)
    response = youth_session_client(p.other_youth).post("/min-side/faellesskaber/afmeld/", {"signup": str(mine.pk)},
                                                        follow=True)
    assert "Du er ikke tilmeldt." in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == SignUpStatus.SIGNED_UP


@pytest.mark.parametrize("bad", ["abc", "0", "-3", "99999999999999999999999", ""])
def test_a_bad_sign_up_id_is_a_danish_message_not_an_error(p: Personas, bad: str) -> None:
    response = youth_session_client(p.youth).post("/min-side/faellesskaber/afmeld/", {"signup": bad}, follow=True)
    assert response.status_code == 200 and "Du er ikke tilmeldt." in response.content.decode()


def test_she_signs_up_again_after_withdrawing(p: Personas) -> None:
    a = make_activity(p)
    first = services.signup_create(youth=p.youth, activity=a)
    services.signup_withdraw(youth=p.youth, signup_id=first.pk)
    again = services.signup_create(youth=p.youth, activity=a)
    assert again.pk == first.pk and again.status == SignUpStatus.SIGNED_UP
    assert again.reminder_key != first.reminder_key
    assert OutboundMessage.objects.get(idempotency_key=again.reminder_key).status == MessageStatus.QUEUED


# --- Privacy between participants ------------------------------------------------------------------------------

def test_the_others_see_only_the_first_names_they_chose_to_show(p: Personas) -> None:
    a = make_activity(p)
    services.signup_create(youth=p.youth, activity=a, show_first_name=False)
    third = make_youth(p.contact_person, first_name="Aisha", last_name="Rahimi", mobile="+4540123456")
    services.signup_create(youth=third, activity=a, show_first_name=True)
    page = youth_session_client(p.other_youth).get("/min-side/faellesskaber/").content.decode()
    assert "2 andre er med. Blandt dem: Aisha." in page
    for secret in ("Josefine", "Hansen", "Rahimi", "20123456"):
        assert secret not in page


def test_staff_who_do_not_run_it_see_counts_and_no_names(p: Personas) -> None:
    a = make_activity(p)
    sign_up(a, p.youth, show=True)
    page = client_for(p.outsider).get(f"/faellesskaber/{a.pk}/").content.decode()
    assert "1 af 5 er tilmeldt" in page and "Josefine" not in page
    assert client_for(p.outsider).get(f"/faellesskaber/{a.pk}/deltagere/").status_code == 404


def test_the_one_who_runs_it_sees_names_and_each_showing_is_logged(p: Personas) -> None:
    a = make_activity(p, runner=p.outsider)
    sign_up(a, p.youth)
    page = client_for(p.outsider).get(f"/faellesskaber/{a.pk}/deltagere/").content.decode()
    assert "Josefine Hansen" in page
    assert AuditEvent.objects.filter(youth_id=p.youth.pk, actor=p.outsider, action=AuditAction.LIST,
                                     purpose="fællesskab").exists()


# --- Staff: create, change, cancel ---------------------------------------------------------------------------

def test_a_professional_creates_an_activity_once_however_often_the_form_is_sent(p: Personas) -> None:
    client = client_for(p.outsider)
    data = _form(p, submission="abc123")
    assert client.post("/faellesskaber/ny/", data).status_code == 302
    assert client.post("/faellesskaber/ny/", data).status_code == 200
    assert Activity.objects.filter(title="Vi laver mad").count() == 1


@pytest.mark.parametrize("field,value", [("starts_at", "i morgen"), ("starts_at", "2001-01-01T10:00"),
                                         ("title", "x" * 500), ("seats", "0"), ("seats", "9999999999"),
                                         ("organisation", "999999"), ("runner", "abc")])
def test_bad_input_gets_a_danish_message_and_saves_nothing(p: Personas, field: str, value: str) -> None:
    response = client_for(p.contact_person).post("/faellesskaber/ny/", _form(p, **{field: value}))
    assert response.status_code == 200 and "form-error-message" in response.content.decode()
    assert not Activity.objects.exists()


def test_the_runner_must_be_a_professional_of_the_municipality(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.activity_create(actor=p.contact_person, title="X", place="Y",
                                 starts_at=timezone.now() + datetime.timedelta(days=1), seats=3,
                                 organisation=p.organisation, runner=p.stranger)
    assert "runner" in exc.value.message_dict


def test_a_leader_may_not_create_activities(p: Personas) -> None:
    assert client_for(p.leader).get("/faellesskaber/ny/").status_code == 403


def test_a_stale_edit_is_refused_and_nothing_is_changed(p: Personas) -> None:
    a = make_activity(p)
    client = client_for(p.contact_person)
    assert client.post(f"/faellesskaber/{a.pk}/ret/", _form(p, title="Første", version="1")).status_code == 302
    response = client.post(f"/faellesskaber/{a.pk}/ret/", _form(p, title="Anden", version="1"))
    page = response.content.decode()
    assert "En anden har ændret fællesskabet" in page
    assert Activity.objects.get(pk=a.pk).title == "Første"
    # The form keeps what she wrote, moved to the current version: saving again is deliberate and works.
    assert 'value="Anden"' in page and 'name="version" value="2"' in page
    assert client.post(f"/faellesskaber/{a.pk}/ret/", _form(p, title="Anden", version="2")).status_code == 302
    assert Activity.objects.get(pk=a.pk).title == "Anden"


def test_fewer_seats_than_are_taken_is_refused(p: Personas) -> None:
    a = make_activity(p, seats=3)
    sign_up(a, p.youth)
    sign_up(a, p.other_youth)
    response = client_for(p.contact_person).post(f"/faellesskaber/{a.pk}/ret/", _form(p, seats="1", version="1"))
    assert "2 unge er allerede tilmeldt" in response.content.decode()
    assert Activity.objects.get(pk=a.pk).seats == 3


def test_a_new_time_moves_the_reminder_and_more_seats_let_the_waiting_in(p: Personas) -> None:
    a = make_activity(p, seats=1, days=3)
    mine = services.signup_create(youth=p.youth, activity=a)
    old_key = mine.reminder_key
    waiting = services.signup_create(youth=p.other_youth, activity=a)
    new_start = a.starts_at + datetime.timedelta(days=2)
    services.activity_update(actor=p.contact_person, activity=a, version=1, title=a.title, place=a.place,
                             starts_at=new_start, seats=2, organisation=a.organisation, runner=a.runner)
    mine.refresh_from_db()
    assert OutboundMessage.objects.get(idempotency_key=old_key).status == MessageStatus.CANCELLED
    moved = OutboundMessage.objects.get(idempotency_key=mine.reminder_key)
    assert timezone.localtime(moved.send_at).date() == timezone.localtime(new_start).date() - datetime.timedelta(days=1)
    waiting.refresh_from_db()
    assert waiting.status == SignUpStatus.SIGNED_UP


def test_cancelling_asks_first_then_tells_everyone_by_sms_and_stops_their_reminders(p: Personas) -> None:
    a = make_activity(p, seats=1)
    mine = services.signup_create(youth=p.youth, activity=a)
    services.signup_create(youth=p.other_youth, activity=a)
    client = client_for(p.contact_person)
    confirm = client.get(f"/faellesskaber/{a.pk}/aflys/")
    assert "Aflys fællesskabet" in confirm.content.decode()
    assert Activity.objects.get(pk=a.pk).cancelled_at is None
    assert client.post(f"/faellesskaber/{a.pk}/aflys/", {"reason": "Instruktøren er syg"}).status_code == 302
    assert Activity.objects.get(pk=a.pk).cancelled_at is not None
    assert OutboundMessage.objects.get(idempotency_key=mine.reminder_key).status == MessageStatus.CANCELLED
    notices = OutboundMessage.objects.filter(kind=MessageKind.NOTICE, body__contains="er aflyst")
    assert {m.youth_id for m in notices} == {p.youth.pk, p.other_youth.pk}
    assert not any("syg" in m.body for m in notices)  # the reason is for staff, not the SMS
    assert "Klatring" not in youth_session_client(p.youth).get("/min-side/faellesskaber/").content.decode()


def test_a_colleague_who_neither_runs_nor_created_it_cannot_change_or_cancel_it(p: Personas) -> None:
    a = make_activity(p)
    client = client_for(p.colleague)
    assert client.get(f"/faellesskaber/{a.pk}/ret/").status_code == 404
    assert client.post(f"/faellesskaber/{a.pk}/aflys/").status_code == 404
    assert Activity.objects.get(pk=a.pk).cancelled_at is None


# --- Attendance and mødestabilitet -----------------------------------------------------------------------------

def test_attendance_is_recorded_once_it_has_begun(p: Personas) -> None:
    a = make_activity(p)
    s = sign_up(a, p.youth)
    with pytest.raises(ValidationError, match="når fællesskabet er begyndt"):
        services.attendance_record(actor=p.contact_person, activity=a, attended={s.pk: True})
    _past(a)
    client = client_for(p.contact_person)
    assert client.post(f"/faellesskaber/{a.pk}/deltagere/", {f"s{s.pk}": "nej"}).status_code == 302
    s.refresh_from_db()
    assert s.attended is False and s.attendance_by == p.contact_person


def test_the_contact_person_sees_her_attendance_stability_on_the_overview(p: Personas) -> None:
    for attended in (True, True, False):
        a = make_activity(p)
        sign_up(a, p.youth, attended=attended)
        _past(a, hours=48)
    coming = make_activity(p, title="Gåtur ved vandet")
    sign_up(coming, p.youth)
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    assert "Mødestabilitet" in page and "2 af 3 (67 %)" in page and "Gåtur ved vandet" in page


def test_stability_counts_only_her_last_recorded_sign_ups(p: Personas) -> None:
    # Oldest first: a miss long ago, then a miss and a visit, then one not yet recorded.
    for days_ago, attended in ((40, False), (20, False), (10, True), (1, None)):
        a = make_activity(p)
        sign_up(a, p.youth, attended=attended)
        _past(a, hours=24 * days_ago)
    result = selectors.attendance_stability(p.youth, last=2)
    assert (result["attended"], result["total"], result["percent"]) == (1, 2, 50)


# --- Query counts ------------------------------------------------------------------------------------------

def _many(p: Personas, n: int) -> None:
    for i in range(n):
        a = make_activity(p, title=f"Aktivitet {i}")
        sign_up(a, p.youth, show=True)
        sign_up(a, p.other_youth, show=True)


@pytest.mark.parametrize("path,who", [("/faellesskaber/", "contact_person"), ("/min-side/faellesskaber/", "youth")])
def test_the_lists_cost_the_same_queries_for_few_and_many_activities(p: Personas, count_queries, path: str,
                                                                     who: str) -> None:
    client = youth_session_client(p.youth) if who == "youth" else client_for(p.contact_person)
    _many(p, 1)
    few = count_queries(lambda: client.get(path))
    _many(p, 15)
    many = count_queries(lambda: client.get(path))
    assert few == many


def test_the_participants_page_and_the_card_cost_the_same_queries_for_few_and_many(p: Personas,
                                                                                   count_queries) -> None:
    a = make_activity(p, seats=100)
    client = client_for(p.contact_person)
    sign_up(a, p.youth)
    few = count_queries(lambda: client.get(f"/faellesskaber/{a.pk}/deltagere/"))
    card_few = count_queries(lambda: selectors.attendance_stability(p.youth))
    for i in range(12):
        sign_up(a, make_youth(p.contact_person, first_name=f"Ung{i}", mobile=f"+45501234{i:02d}"))
        b = make_activity(p)
        sign_up(b, p.youth, attended=True)
    many = count_queries(lambda: client.get(f"/faellesskaber/{a.pk}/deltagere/"))
    assert few == many
    assert card_few == count_queries(lambda: selectors.attendance_stability(p.youth)) == 2


# --- Easy to read -------------------------------------------------------------------------------------------

def test_what_the_young_person_reads_about_faellesskaber_is_easy_to_read() -> None:
    """LIX ≤ 35 over her Min side page, the messages the sign-up pages show her and the SMS she gets."""
    import re
    from pathlib import Path

    from ungeforlob.portal.tests.test_pages import _lix

    app = Path(__file__).resolve().parents[1]
    raw = (app / "templates" / "activities" / "youth_list.html").read_text()
    raw = re.sub(r"{%\s*(translate|trans)\s+\"([^\"]*)\"[^%]*%}", r" \2. ", raw)
    raw = re.sub(r"{%\s*blocktranslate[^%]*%}(.*?){%\s*(plural|endblocktranslate)\s*%}", r" \1. ", raw, flags=re.S)
    texts = [re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", raw, flags=re.S)]
    views = (app / "views.py").read_text()
    texts += [m + " " for m in re.findall(r'_\("([^"]+)"\)', views[views.index("# --- Min side"):])]
    sms = (app / "services.py").read_text()
    texts += [re.sub(r"%\(\w+\)s", "x", m) + " " for m in re.findall(r'_\("(Hej[^"]+)"\)', sms)]
    lix = _lix(" ".join(texts))
    assert lix <= 35, f"LIX {lix:.1f}"
