"""The monthly sample: drawn from one municipality's month of reads, once, by the worker's job."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.logreview import services
from ungeforlob.logreview.models import LogSample, Reason, SampledRead
from ungeforlob.logreview.tests.factories import at, dpo, last_month, read
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.scheduler.jobs import JOBS
from ungeforlob.testing import Personas


def test_the_sample_holds_only_the_months_reads_of_young_people_by_staff_of_the_municipality(p: Personas) -> None:
    month = last_month()
    inside = read(p.contact_person, p.youth, at(month.replace(day=3)))
    read(p.contact_person, p.youth, at(month.replace(day=3)) - datetime.timedelta(days=40))  # the month before
    read(p.contact_person, p.youth, at(month.replace(day=3)), action=AuditAction.LIST)  # shown in a list
    read(p.contact_person, p.youth, at(month.replace(day=3)), action=AuditAction.SEARCH)
    read(p.stranger, 999, at(month.replace(day=3)))  # another municipality
    sample = services.log_sample_create(municipality=p.municipality, month=month, seed=1)
    assert list(sample.rows.values_list("event_id", flat=True)) == [inside.pk]
    assert sample.population == 1


def test_a_sampled_row_keeps_what_the_log_said_and_why_it_was_drawn(p: Personas) -> None:
    month = last_month()
    night = at(month.replace(day=5), 23, 30)
    event = read(p.colleague, p.youth, night, action=AuditAction.REVEAL, object_type="cpr", purpose="Ringede til SU")
    sample = services.log_sample_create(municipality=p.municipality, month=month, seed=1)
    row = sample.rows.get()
    assert (row.event_id, row.read_at, row.actor, row.actor_name, row.youth_id, row.action, row.purpose) == (
        event.pk, night, p.colleague, "Jonas Friis", p.youth.pk, "reveal", "Ringede til SU")
    assert set(row.reasons) == {Reason.CPR_REVEAL, Reason.OFF_HOURS}
    assert row.weight == 10.0
    assert sample.unusual == 1


def test_the_sample_has_the_configured_size(p: Personas, settings) -> None:
    settings.LOGREVIEW_SAMPLE_SIZE = 3
    month = last_month()
    for i in range(8):
        read(p.contact_person, p.youth, at(month.replace(day=2), 9, i))
    sample = services.log_sample_create(municipality=p.municipality, month=month)
    assert sample.rows.count() == 3
    assert sample.population == 8


def test_a_month_is_drawn_once_however_often_the_job_runs(p: Personas) -> None:
    month = last_month()
    read(p.contact_person, p.youth, at(month.replace(day=2)))
    first = services.log_sample_create(municipality=p.municipality, month=month, seed=1)
    read(p.contact_person, p.youth, at(month.replace(day=4)))
    again = services.log_sample_create(municipality=p.municipality, month=month, seed=2)
    assert again.pk == first.pk
    assert SampledRead.objects.count() == 1


def test_the_job_draws_last_month_for_every_municipality_and_tells_the_officer(p: Personas) -> None:
    officer = dpo(p)
    read(p.contact_person, p.youth, at(last_month().replace(day=2)))
    assert services.log_samples_create_due() == 2  # Testkommune and Nabokommune
    assert services.log_samples_create_due() == 0
    assert set(LogSample.objects.values_list("month", flat=True)) == {last_month()}
    notice = StaffNotification.objects.get(recipient=officer, kind="log_sample")
    sample = LogSample.objects.get(municipality=p.municipality)
    assert notice.url == f"/logkontrol/stikproeve/{sample.pk}/"
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="logsample",
                                     object_id=str(sample.pk)).exists()


def test_the_job_is_in_the_workers_list() -> None:
    assert any(job.path == "ungeforlob.logreview.services.log_samples_create_due" for job in JOBS)


def test_the_previous_month_is_the_calendar_month_before() -> None:
    assert services.previous_month(datetime.date(2026, 1, 15)) == datetime.date(2025, 12, 1)
    assert services.previous_month(datetime.date(2026, 3, 1)) == datetime.date(2026, 2, 1)
    assert services.previous_month(timezone.localdate()) == last_month()


def test_a_sampled_row_says_whether_the_person_was_in_the_circle_that_day(p: Personas) -> None:
    from ungeforlob.accounts.models import Team
    from ungeforlob.chain.models import ChainRole, Membership

    month = last_month()
    Membership.objects.create(youth=p.other_youth, professional=p.outsider, role=ChainRole.MENTOR,
                              start_date=month.replace(day=10), end_date=month.replace(day=20))
    before, during, after = (read(p.outsider, p.other_youth, at(month.replace(day=d))) for d in (5, 15, 25))
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Team Mobil")
    team.members.add(p.reader)
    Membership.objects.create(youth=p.other_youth, team=team, role=ChainRole.MENTOR, start_date=month)
    through_team = read(p.reader, p.other_youth, at(month.replace(day=15)))
    sample = services.log_sample_create(municipality=p.municipality, month=month, seed=1)
    answers = dict(sample.rows.values_list("event_id", "in_circle"))
    assert answers == {before.pk: False, during.pk: True, after.pk: False, through_team.pk: True}


def test_an_anonymised_young_persons_id_leaves_the_sample_for_their_pseudonym(p: Personas) -> None:
    month = last_month()
    read(p.colleague, p.youth, at(month.replace(day=4)))
    sample = services.log_sample_create(municipality=p.municipality, month=month, seed=1)
    assert services.sampled_reads_pseudonymise(pseudonyms={p.youth.pk: "c0ffee"}) == 1
    row = sample.rows.get()
    assert (row.youth_id, row.youth_pseudonym, row.actor) == (None, "c0ffee", p.colleague)
