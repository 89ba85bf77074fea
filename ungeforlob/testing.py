"""Shared test personas (after Healthchecks' Alice/Bob/Charlie): every view test uses these.

* contact_person – Kontaktperson+ for `youth` (Mette)
* colleague      – in `youth`'s circle as job consultant (Jonas): may edit
* reader         – in `youth`'s circle as teacher (Lærke): may read, not edit (the read-only member)
* outsider       – a professional in the same municipality, in no circle (Sara): "should have no access"
* leader         – a leader: aggregates only, no personal data
* administrator  – runs the system (2FA verified in `client_for`)
* youth          – the young person; `other_youth` has another contact person and no shared circle
* stranger       – a professional in another municipality (tenant isolation)
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Municipality, Organisation, Role, Sector, User
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.youth.models import Youth
from ungeforlob.youth.services import youth_create

PASSWORD = "korrekt-hest-batteri-42"
_serial = itertools.count(1000)


def cpr_for_age(age: int, *, serial: int | None = None) -> str:
    """A well-formed (fake) CPR number for someone `age` years old today.

    Without `serial`, the numbers run through 000–399 (a counter for the whole test process); tests that need a
    number of their own pass a serial of 400–999, which no persona can then share, whatever ran before."""
    today = timezone.localdate()
    born = today.replace(year=today.year - age) - datetime.timedelta(days=40)
    n = serial if serial is not None else next(_serial) % 400
    century = "0" if born.year < 2000 else "4"
    return f"{born:%d%m%y}{century}{n % 1000:03d}"


def make_user(username: str, municipality: Municipality, organisation: Organisation, *,
              role: str = Role.PROFESSIONAL, profession: str = "", first: str = "", last: str = "") -> User:
    user = User(username=username, municipality=municipality, organisation=organisation, role=role,
                profession=profession, first_name=first or username.capitalize(), last_name=last or "Testesen",
                email=f"{username}@example.dk")
    user.set_password(PASSWORD)
    user.save()
    return user


def make_youth(contact: User, *, first_name: str = "Ung", last_name: str = "Testesen", age: int = 19,
               mobile: str = "+4520123456") -> Youth:
    return youth_create(actor=contact, first_name=first_name, last_name=last_name, cpr_number=cpr_for_age(age),
                        mobile=mobile, course_start=timezone.localdate() - datetime.timedelta(days=30))


def add_member(youth: Youth, professional: User, role: str = ChainRole.JOB_CONSULTANT) -> Membership:
    return Membership.objects.create(youth=youth, professional=professional, role=role,
                                     start_date=timezone.localdate() - datetime.timedelta(days=10))


@dataclass
class Personas:
    municipality: Municipality
    organisation: Organisation
    other_organisation: Organisation
    contact_person: User
    colleague: User
    reader: User
    outsider: User
    leader: User
    administrator: User
    stranger: User
    youth: Youth
    other_youth: Youth


def make_personas() -> Personas:
    m = Municipality.objects.create(name="Testkommune", code="test")
    uu = Organisation.objects.create(municipality=m, name="Ungeindsatsen", sector=Sector.UU_KUI)
    job = Organisation.objects.create(municipality=m, name="Jobcenter Ung", sector=Sector.JOBCENTER)
    other_m = Municipality.objects.create(name="Nabokommune", code="nabo")
    other_org = Organisation.objects.create(municipality=other_m, name="Nabo UU", sector=Sector.UU_KUI)
    leader = make_user("leder", m, uu, role=Role.LEADER, profession="Leder", first="Lene")
    contact = make_user("kontaktperson", m, uu, profession="Kontaktperson+", first="Mette", last="Kjær")
    contact.leader = leader
    contact.save()
    colleague = make_user("kollega", m, job, profession="Jobkonsulent", first="Jonas", last="Friis")
    outsider = make_user("udenfor", m, job, profession="Vejleder", first="Sara", last="Holm")
    admin = make_user("admin", m, uu, role=Role.ADMINISTRATOR, profession="Administrator", first="Anders")
    TOTPDevice.objects.create(user=admin, name="test", confirmed=True)
    stranger = make_user("fremmed", other_m, other_org, profession="Kontaktperson+", first="Frede")
    other_contact = make_user("anden", m, uu, profession="Kontaktperson+", first="Kasper")
    youth = make_youth(contact, first_name="Josefine", last_name="Hansen")
    add_member(youth, colleague)
    reader = make_user("laerer", m, job, profession="Lærer", first="Lærke", last="Lund")
    add_member(youth, reader, ChainRole.TEACHER)
    other_youth = make_youth(other_contact, first_name="Mikkel", last_name="Olsen", mobile="+4530123456")
    return Personas(m, uu, other_org, contact, colleague, reader, outsider, leader, admin, stranger, youth, other_youth)


def youth_session_client(youth: Youth) -> Client:
    """A client logged in on Min side as `youth` (the session the SMS-code login leaves behind)."""
    from ungeforlob.portal.auth import SEEN_KEY, SESSION_KEY

    client = Client()
    session = client.session
    session[SESSION_KEY] = youth.pk
    session[SEEN_KEY] = timezone.now().timestamp()
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def client_for(user: Any) -> Client:
    """A logged-in test client; administrators are logged in with their second factor verified."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@contextmanager
def pipelined() -> Iterator[list[bool]]:
    """For each statement run inside the block, whether it was sent in a psycopg pipeline (PostgreSQL only):
    how a test sees that reads ahead (`core.prepared.ahead`) went to the database together."""
    from django.db import connection
    from psycopg import pq

    sent: list[bool] = []

    def note(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        sent.append(connection.connection.pgconn.pipeline_status == pq.PipelineStatus.ON)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        yield sent
