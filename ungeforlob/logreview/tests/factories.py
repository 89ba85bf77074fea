"""The log review's test world: the data protection officers, audit rows at chosen times, a sample with rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any
from unittest import mock

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Role, User
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.logreview.models import LogSample, Outcome, SampledRead
from ungeforlob.testing import Personas, make_user


def dpo(p: Personas) -> User:
    """The municipality's data protection officer (kept on the personas, so every case list shares one)."""
    found = getattr(p, "dpo", None)
    if found is None:
        found = make_user("dpo", p.municipality, p.organisation, role=Role.DPO,
                          profession="Databeskyttelsesrådgiver", first="Dorte", last="Dahl")
        TOTPDevice.objects.create(user=found, name="test", confirmed=True)  # a DPO must use two factors
        p.dpo = found  # type: ignore[attr-defined]
    return found


def other_dpo(p: Personas) -> User:
    """The data protection officer of the other municipality."""
    found = getattr(p, "other_dpo", None)
    if found is None:
        found = make_user("nabo-dpo", p.stranger.municipality, p.other_organisation, role=Role.DPO,
                          profession="Databeskyttelsesrådgiver", first="Niels")
        TOTPDevice.objects.create(user=found, name="test", confirmed=True)
        p.other_dpo = found  # type: ignore[attr-defined]
    return found


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


def read(actor: Any, youth: Any, when: datetime.datetime, *, action: str = AuditAction.READ, purpose: str = "",
         object_type: str = "youth", detail: dict[str, Any] | None = None, municipality: Any = None) -> AuditEvent:
    """An audit row written at `when` (the log's own clock is stood still for it)."""
    youth_id = youth if isinstance(youth, int) else youth.pk
    with mock.patch("django.utils.timezone.now", return_value=when):
        return AuditEvent.objects.create(
            municipality=municipality or actor.municipality, action=action, youth_id=youth_id, actor=actor,
            actor_name=actor.get_full_name(), actor_organisation=actor.organisation.name if actor.organisation else "",
            object_type=object_type, object_id=str(youth_id), purpose=purpose, detail=detail or {})


def last_month() -> datetime.date:
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


@dataclass
class World:
    sample: LogSample
    open_row: SampledRead  # not reviewed yet
    asked_row: SampledRead  # the officer asked the contact person about it


def world(p: Personas) -> World:
    dpo(p)
    month = last_month()
    sample = LogSample.objects.create(municipality=p.municipality, month=month, seed=7, population=40, unusual=3)
    when = at(month.replace(day=12), 22, 15)
    open_row = SampledRead.objects.create(
        sample=sample, event_id=101, read_at=when, actor=p.colleague, actor_name="Jonas Friis",
        actor_organisation="Jobcenter Ung", youth_id=p.youth.pk, action="reveal", object_type="cpr",
        purpose="Opslag i CPR", reasons=["cpr_reveal", "off_hours"], weight=10.0)
    asked_row = SampledRead.objects.create(
        sample=sample, event_id=102, read_at=at(month.replace(day=13)), actor=p.contact_person,
        actor_name="Mette Kjær", actor_organisation="Ungeindsatsen", youth_id=p.other_youth.pk, action="read",
        object_type="plan", reasons=[], weight=1.0, outcome=Outcome.ASK, note="Hvorfor så du Mikkels plan?",
        question="Hvorfor så du Mikkels plan?", reviewed_by=p.dpo, reviewed_at=timezone.now(),  # type: ignore[attr-defined]
        asked_at=timezone.now(), version=1)
    return World(sample, open_row, asked_row)
