"""Cooperation agreements: leaders edit, staff read, a reminder on the leader's I dag 30 days before review."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.core.agenda import agenda_for
from ungeforlob.meetings import services
from ungeforlob.meetings.models import CooperationAgreement
from ungeforlob.testing import Personas, client_for


def _agreement(p: Personas, *, review_in: int) -> CooperationAgreement:
    today = timezone.localdate()
    return services.agreement_create(actor=p.leader, organisation=p.colleague.organisation, title="Praktikaftale",
                                     agreed="Jobcentret finder praktik.", contact_people="Jonas",
                                     starts_on=today - datetime.timedelta(days=100),
                                     review_on=today + datetime.timedelta(days=review_in))


def _reminders(user) -> list:
    return [i for i in agenda_for(user, today=timezone.localdate()) if i.kind == "samarbejdsaftale"]


@pytest.mark.parametrize(("review_in", "shown", "overdue"), [(31, False, False), (30, True, False), (0, True, False),
                                                             (-1, True, True)])
def test_the_leader_is_reminded_30_days_before_the_review(p: Personas, review_in: int, shown: bool,
                                                          overdue: bool) -> None:
    _agreement(p, review_in=review_in)
    reminders = _reminders(p.leader)
    assert bool(reminders) == shown
    if shown:
        assert reminders[0].overdue == overdue
    assert not _reminders(p.contact_person)


def test_staff_read_but_only_leaders_edit(p: Personas) -> None:
    agreement = _agreement(p, review_in=60)
    staff = client_for(p.outsider)
    assert "Praktikaftale" in staff.get("/samarbejdsaftaler/").content.decode()
    assert "Ret aftalen" not in staff.get(f"/samarbejdsaftaler/{agreement.pk}/").content.decode()
    assert staff.get(f"/samarbejdsaftaler/{agreement.pk}/ret/").status_code == 403
    with pytest.raises(ValidationError):
        services.agreement_delete(actor=p.contact_person, agreement=agreement)


def test_another_municipalitys_agreements_are_not_shown(p: Personas) -> None:
    agreement = _agreement(p, review_in=60)
    stranger = client_for(p.stranger)
    assert "Praktikaftale" not in stranger.get("/samarbejdsaftaler/").content.decode()
    assert stranger.get(f"/samarbejdsaftaler/{agreement.pk}/").status_code == 404


def test_a_concurrent_edit_is_detected(p: Personas) -> None:
    agreement = _agreement(p, review_in=60)
    data = {"organisation": p.colleague.organisation, "title": "Ny titel", "agreed": "X", "contact_people": "Y",
            "starts_on": agreement.starts_on, "review_on": agreement.review_on}
    services.agreement_update(actor=p.leader, agreement=agreement, version=1, **data)
    with pytest.raises(ValidationError) as exc:
        services.agreement_update(actor=p.leader, agreement=agreement, version=1, **{**data, "title": "Anden"})
    assert "En anden har ændret aftalen" in str(exc.value)
    assert CooperationAgreement.objects.get(pk=agreement.pk).title == "Ny titel"


def test_a_review_before_the_start_is_refused(p: Personas) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.agreement_create(actor=p.leader, organisation=p.organisation, title="X", agreed="X",
                                  contact_people="X", starts_on=today, review_on=today - datetime.timedelta(days=1))
    assert "review_on" in exc.value.message_dict


def test_deleting_asks_first(p: Personas) -> None:
    agreement = _agreement(p, review_in=60)
    client = client_for(p.leader)
    assert "Det kan ikke fortrydes" in client.get(f"/samarbejdsaftaler/{agreement.pk}/slet/").content.decode()
    assert CooperationAgreement.objects.filter(pk=agreement.pk).exists()
    assert client.post(f"/samarbejdsaftaler/{agreement.pk}/slet/").status_code == 302
    assert not CooperationAgreement.objects.filter(pk=agreement.pk).exists()
