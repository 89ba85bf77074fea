"""The local fakes of Digital Post and the CPR register: development, the demo and the tests.

The fake mailbox stores each MeMo message (the same XML the real adapter sends) with its attachments; the fake
register answers from `FakePerson`, seeded from the demo's young people and the test persons in
`data/fake_cpr.json` (`fake_register_seed`).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

from django.db import transaction

from ungeforlob.serviceplatform.adapters import (
    Attachment,
    Custodian,
    Memo,
    Person,
    PersonNotFound,
    build_memo,
)
from ungeforlob.serviceplatform.models import FakeAttachment, FakeMessage, FakePerson
from ungeforlob.youth import cpr

DATA = Path(__file__).parent / "data" / "fake_cpr.json"


class FakeDigitalPost:
    name = "fake"

    def send(self, memo: Memo) -> str:
        digits = cpr.normalize_cpr(memo.recipient_cpr)
        message_uuid = str(uuid.uuid4())
        _message, xml = build_memo(Memo(digits, memo.title, memo.body, memo.attachments), message_uuid=message_uuid)
        with transaction.atomic():
            stored = FakeMessage.objects.create(
                message_uuid=message_uuid, recipient_cpr_encrypted=cpr.encrypt(digits),
                recipient_cpr_masked=cpr.mask(cpr.birth_date(digits)), title=memo.title[:200], body=memo.body,
                memo_xml=xml)
            FakeAttachment.objects.bulk_create([
                FakeAttachment(message=stored, filename=a.filename[:200], mime_type=a.mime_type[:100],
                               content=a.content) for a in memo.attachments])
        return message_uuid


class FakeCprRegister:
    name = "fake"

    def lookup(self, cpr_number: str) -> Person:
        digits = cpr.normalize_cpr(cpr_number)
        key = cpr.lookup_hash(digits)
        person = FakePerson.objects.filter(cpr_hash=key).prefetch_related("custodians").first()
        if person is None:
            # The real register knows everyone: a young person registered here after the seeding joins on first
            # look-up. Any other number is unknown.
            from ungeforlob.youth.models import Youth

            registered = Youth.objects.filter(cpr_hash=key)
            if not registered.exists():
                raise PersonNotFound
            fake_register_seed(youths=registered)
            person = FakePerson.objects.filter(cpr_hash=key).prefetch_related("custodians").get()
        return Person(
            cpr=digits, first_name=person.first_name, last_name=person.last_name, street=person.street,
            postcode=person.postcode, city=person.city,
            custodians=tuple(Custodian(cpr=cpr.decrypt(c.cpr_encrypted), name=f"{c.first_name} {c.last_name}")
                             for c in person.custodians.all()))


def attachments_of(message: FakeMessage) -> list[Attachment]:
    return [Attachment(a.filename, a.mime_type, bytes(a.content)) for a in message.attachments.all()]


# --- Seeding the fake register ----------------------------------------------------------------------------------


def _person(*, digits: str, first_name: str, last_name: str, street: str = "", postcode: str = "",
            city: str = "") -> FakePerson:
    person, _created = FakePerson.objects.update_or_create(
        cpr_hash=cpr.lookup_hash(digits),
        defaults={"cpr_encrypted": cpr.encrypt(digits), "first_name": first_name, "last_name": last_name,
                  "street": street, "postcode": postcode, "city": city})
    return person


def _parent_cpr(child_born: datetime.date, seed: str) -> str:
    """A well-formed, made-up CPR number for a parent about 30 years older than the child (fake register only)."""
    born = child_born.replace(year=child_born.year - 30)
    serial = int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 4000  # 0000–3999: born in the 1900s or 2000s
    century_ok = f"{serial:04d}" if born.year < 2000 else f"{4000 + serial % 1000:04d}"
    return f"{born:%d%m%y}{century_ok}"


def _load_data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


@transaction.atomic
def fake_register_seed(*, youths: Any = None) -> int:
    """Fill the fake CPR register: the test persons of `data/fake_cpr.json`, and every young person in `youths`
    (default: all) with a made-up address and, under 18, two holders of custody (their guardians with custody by
    name where the record has them). Idempotent: running it again updates the same rows. Returns the persons."""
    from ungeforlob.youth.models import Youth

    data = _load_data()
    count = 0
    for entry in data["persons"]:
        person = _person(digits=entry["cpr"], first_name=entry["first_name"], last_name=entry["last_name"],
                         street=entry.get("street", ""), postcode=entry.get("postcode", ""),
                         city=entry.get("city", ""))
        person.custodians.set([_person(digits=c["cpr"], first_name=c["first_name"], last_name=c["last_name"],
                                       street=entry.get("street", ""), postcode=entry.get("postcode", ""),
                                       city=entry.get("city", ""))
                               for c in entry.get("custodians", [])])
        count += 1 + len(entry.get("custodians", []))
    streets = data["streets"]
    qs = youths if youths is not None else Youth.objects.all()
    for youth in qs.prefetch_related("guardians"):
        digits = cpr.decrypt(youth.cpr_encrypted)
        street, postcode, city = streets[youth.pk % len(streets)]
        address = {"street": f"{street} {youth.pk % 90 + 1}", "postcode": postcode, "city": city}
        person = _person(digits=digits, first_name=youth.first_name, last_name=youth.last_name, **address)
        count += 1
        if youth.age >= 18:
            person.custodians.clear()
            continue
        named = [g.name for g in youth.guardians.all() if g.has_custody]
        names = (named + [f"Mor {youth.last_name}", f"Far {youth.last_name}"])[:2]
        custodians = []
        for n, full_name in enumerate(names):
            first, _sep, last = full_name.partition(" ")
            custodians.append(_person(digits=_parent_cpr(youth.birth_date, f"{youth.pk}-{n}"), first_name=first,
                                      last_name=last or youth.last_name, **address))
        person.custodians.set(custodians)
        count += len(custodians)
    return count
