import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from ungeforlob.chain import deadlines, services
from ungeforlob.chain.agenda import concern_items
from ungeforlob.chain.models import Concern
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas, add_member, make_youth
from ungeforlob.youth.timeline import timeline_for

MONDAY = datetime.date(2026, 11, 23)
FRIDAY = datetime.date(2026, 11, 27)


def _raise(p: Personas, **kw) -> Concern:
    data = {"category": "trivsel", "severity": "middel", "description": "Virker trist og har grædt i timen."}
    data.update(kw)
    return services.concern_raise(actor=p.colleague, youth=p.youth, **data)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def test_after_the_working_day_or_on_a_weekend_a_concern_counts_from_the_next_working_day() -> None:
    assert deadlines.ack_due_at("alvorlig", _at(MONDAY, 10)) == MONDAY
    assert deadlines.ack_due_at("alvorlig", _at(MONDAY, 17)) == MONDAY + datetime.timedelta(days=1)
    assert deadlines.ack_due_at("middel", _at(datetime.date(2026, 11, 28), 11)) == datetime.date(2026, 12, 1)


def test_a_severe_concern_is_overdue_at_the_end_of_the_same_working_day() -> None:
    assert not deadlines.is_overdue(MONDAY, False, now=_at(MONDAY, 15))
    assert deadlines.is_overdue(MONDAY, False, now=_at(MONDAY, 16))
    assert not deadlines.is_overdue(MONDAY, True, now=_at(MONDAY, 20))


@override_settings(CHAIN_WORKDAY_END_HOUR=18)
def test_the_end_of_the_working_day_is_configurable() -> None:
    assert not deadlines.is_overdue(MONDAY, False, now=_at(MONDAY, 17))


def test_the_default_deadline_is_one_working_day() -> None:
    assert deadlines.ack_due_for("middel", MONDAY) == MONDAY + datetime.timedelta(days=1)
    assert deadlines.ack_due_for("lav", FRIDAY) == FRIDAY + datetime.timedelta(days=3)  # over the weekend


def test_a_severe_concern_is_due_the_same_working_day() -> None:
    assert deadlines.ack_due_for("alvorlig", MONDAY) == MONDAY
    assert deadlines.ack_due_for("alvorlig", datetime.date(2026, 11, 28)) == datetime.date(2026, 11, 30)  # Sat -> Mon


def test_deadlines_skip_danish_public_holidays() -> None:
    # 24 December and Christmas are not working days: raised 23 Dec 2026 (Wed) -> due 28 Dec (Mon).
    assert deadlines.ack_due_for("middel", datetime.date(2026, 12, 23)) == datetime.date(2026, 12, 28)


@override_settings(CHAIN_CONCERN_ACK_WORKING_DAYS={"middel": 3})
def test_the_deadline_is_configurable() -> None:
    assert deadlines.ack_due_for("middel", MONDAY) == MONDAY + datetime.timedelta(days=3)
    assert deadlines.ack_due_for("alvorlig", MONDAY) == MONDAY


def test_raising_notifies_the_contact_person_in_app_and_by_email_without_personal_details(
        p: Personas, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        concern = _raise(p, category="misbrug")
    assert set(concern.notified.all()) == {p.contact_person}
    note = StaffNotification.objects.get(recipient=p.contact_person, kind="bekymring")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [p.contact_person.email]
    for leaked in [p.youth.first_name, p.youth.last_name, "misbrug", "Misbrug", "trist", p.youth.cpr_masked[:6]]:
        assert leaked not in message.subject + message.body, leaked
        assert leaked not in note.text, leaked
    assert f"/bekymringer/{concern.pk}/" in message.body


def test_chosen_members_are_notified_too(p: Personas) -> None:
    from ungeforlob.chain.tests.helpers import uu_colleague

    teacher = uu_colleague(p)
    add_member(p.youth, teacher, "laerer")
    concern = _raise(p, notify=[teacher])
    assert set(concern.notified.all()) == {p.contact_person, teacher}


def test_one_cannot_notify_someone_outside_the_circle(p: Personas) -> None:
    with pytest.raises(ValidationError, match="ikke med i den unges kæde"):
        _raise(p, notify=[p.outsider])


def test_the_same_concern_posted_twice_is_stored_once(p: Personas) -> None:
    assert _raise(p) == _raise(p)
    assert Concern.objects.count() == 1


def test_acknowledging_twice_is_harmless_and_keeps_the_response_time(p: Personas) -> None:
    concern = _raise(p)
    Concern.objects.filter(pk=concern.pk).update(raised_at=timezone.now() - datetime.timedelta(hours=3))
    concern.refresh_from_db()
    assert services.concern_acknowledge(actor=p.contact_person, concern=concern) is True
    assert services.concern_acknowledge(actor=p.contact_person, concern=concern) is False
    concern.refresh_from_db()
    assert concern.acknowledged_by == p.contact_person
    assert 179 <= concern.response_minutes <= 181


def test_unacknowledged_concerns_escalate_to_the_contact_persons_leader(
        p: Personas, django_capture_on_commit_callbacks) -> None:
    concern = _raise(p)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.concerns_escalate_due(now=_at(concern.ack_due, 12)) == 0  # not yet: the day goes on
        assert services.concerns_escalate_due(now=_at(concern.ack_due, 16)) == 1  # the working day is over
        assert services.concerns_escalate_due(now=_at(concern.ack_due + datetime.timedelta(days=2), 9)) == 0  # once
    concern.refresh_from_db()
    assert concern.escalated_to == p.leader
    assert StaffNotification.objects.filter(recipient=p.leader, kind="bekymring_eskaleret").count() == 1
    assert [m.to for m in mail.outbox] == [[p.leader.email]]
    assert p.youth.first_name not in mail.outbox[0].body


def test_acknowledged_concerns_do_not_escalate(p: Personas) -> None:
    concern = _raise(p)
    services.concern_acknowledge(actor=p.contact_person, concern=concern)
    assert services.concerns_escalate_due(now=_at(concern.ack_due + datetime.timedelta(days=5), 9)) == 0


def test_the_management_command_escalates(p: Personas, capsys) -> None:
    concern = _raise(p)
    Concern.objects.filter(pk=concern.pk).update(ack_due=timezone.localdate() - datetime.timedelta(days=1))
    call_command("chain_tick")
    assert "Eskalerede bekymringer: 1" in capsys.readouterr().out
    concern.refresh_from_db()
    assert concern.escalated_at is not None


def test_the_worker_job_escalates(p: Personas) -> None:
    from ungeforlob.chain.tasks import concerns_escalate

    concern = _raise(p)
    Concern.objects.filter(pk=concern.pk).update(ack_due=timezone.localdate() - datetime.timedelta(days=1))
    assert concerns_escalate() == 1
    concern.refresh_from_db()
    assert concern.escalated_to == p.leader


def test_loading_the_concern_pages_and_the_capacity_page_escalates_nothing(p: Personas, as_user) -> None:
    concern = _raise(p)
    Concern.objects.filter(pk=concern.pk).update(ack_due=timezone.localdate() - datetime.timedelta(days=1))
    assert as_user(p.colleague).get(reverse("chain:concern_list")).status_code == 200
    assert as_user(p.contact_person).get(reverse("chain:youth_concerns", args=[p.youth.pk])).status_code == 200
    assert as_user(p.leader).get(reverse("chain:capacity")).status_code == 200
    concern.refresh_from_db()
    assert concern.escalated_at is None  # the worker escalates; a GET changes nothing


def test_actions_and_outcome_are_recorded_and_close_it(p: Personas) -> None:
    concern = _raise(p)
    services.concern_add_action(actor=p.contact_person, concern=concern, text="Ringede til den unge.")
    concern.refresh_from_db()
    assert concern.acknowledged_at is not None  # acting acknowledges
    services.concern_close(actor=p.contact_person, concern=concern, outcome="Aftalt samtale med psykolog.")
    with pytest.raises(ValidationError, match="allerede afsluttet"):
        services.concern_close(actor=p.contact_person, concern=concern, outcome="igen")
    with pytest.raises(ValidationError):
        services.concern_add_action(actor=p.contact_person, concern=concern, text="for sent")
    kinds = [e.title for e in timeline_for(p.youth) if e.kind == "bekymring"]
    assert "Bekymring afsluttet" in kinds and "Bekymring kvitteret" in kinds


def test_the_agenda_shows_concerns_waiting_on_me(p: Personas) -> None:
    concern = _raise(p)
    items = concern_items(p.contact_person, today=timezone.localdate())
    assert [i.url for i in items] == [f"/bekymringer/{concern.pk}/"]
    assert concern_items(p.colleague, today=timezone.localdate()) == []


# --- views ---

def test_a_colleague_raises_and_the_contact_person_acknowledges_through_the_pages(p: Personas, as_user) -> None:
    response = as_user(p.colleague).post(f"/unge/{p.youth.pk}/bekymringer/ny/", {
        "category": "fravaer", "severity": "alvorlig", "description": "Ikke set i tre dage."})
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.ack_due == deadlines.ack_due_at("alvorlig", concern.raised_at)
    cp = as_user(p.contact_person)
    assert "Kvittér for bekymringen" in cp.get(f"/bekymringer/{concern.pk}/").content.decode()
    assert cp.post(f"/bekymringer/{concern.pk}/kvitter/").status_code == 302
    assert cp.post(f"/bekymringer/{concern.pk}/kvitter/").status_code == 302  # double submit
    concern.refresh_from_db()
    assert concern.acknowledged_by == p.contact_person


def test_the_raiser_who_was_not_notified_cannot_acknowledge(p: Personas, as_user) -> None:
    concern = _raise(p)
    assert as_user(p.colleague).post(f"/bekymringer/{concern.pk}/kvitter/").status_code == 403


def test_the_concern_list_shows_only_my_circles(p: Personas, as_user) -> None:
    _raise(p)
    assert p.youth.first_name in as_user(p.contact_person).get("/bekymringer/?status=alle").content.decode()
    assert p.youth.first_name not in as_user(p.outsider).get("/bekymringer/?status=alle").content.decode()


def test_bad_input_never_gives_a_500(p: Personas, as_user) -> None:
    c = as_user(p.contact_person)
    assert c.get("/bekymringer/?status=<script>&sort=;drop&side=-1&q=" + "x" * 500).status_code == 200
    assert c.post(f"/unge/{p.youth.pk}/bekymringer/ny/", {"category": "ufo", "severity": "x",
                                                          "description": "y" * 5000}).status_code == 200
    assert c.get("/bekymringer/99999999999999999999/").status_code == 404


def test_the_concern_list_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    c = as_user(p.contact_person)
    _raise(p)
    small = count_queries(lambda: c.get("/bekymringer/?status=alle"))
    for i in range(12):
        y = make_youth(p.contact_person, first_name=f"Ung{i}")
        add_member(y, p.colleague)
        services.concern_raise(actor=p.colleague, youth=y, category="fravaer", severity="lav", description=f"d{i}")
    large = count_queries(lambda: c.get("/bekymringer/?status=alle"))
    assert small == large, (small, large)
