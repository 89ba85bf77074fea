"""A small world for the relocation tests: a package sent for `p.youth`, and one addressed to Testkommune."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ungeforlob.relocation import package, sealing
from ungeforlob.relocation.models import Destination, IncomingPackage, Part, Relocation
from ungeforlob.testing import Personas, make_youth
from ungeforlob.youth.models import Youth

ALL_PARTS = [Part.PLAN, Part.LEVELS, Part.FOLLOWUPS, Part.CONTACTS]


def sealed_for(youth: Youth, *, sender: Any, to: Any, parts: list[str], package_id: str = "",
               valid_days: int = 30) -> tuple[str, dict[str, Any]]:
    """A package for `youth` sealed for the municipality `to` of this installation (no course is ended)."""
    today = timezone.localdate()
    document = package.build_document(
        package_id=package_id or str(uuid.uuid4()), youth=youth, course=youth.courses.first(), parts=parts,
        sender=sender, receiver={"installation": sealing.installation_name(), "municipality": to.name,
                                 "municipality_code": to.code},
        consent={"given_on": today.isoformat(),
                 "valid_until": (today + datetime.timedelta(days=valid_days)).isoformat()})
    return sealing.seal(document, key=sealing.tenant_key(to)), document


def make_relocation(youth: Youth, *, sender: Any, to: Any, parts: list[str] | None = None) -> Relocation:
    parts = parts or [Part.PLAN]
    text, document = sealed_for(youth, sender=sender, to=to, parts=parts)
    today = timezone.localdate()
    return Relocation.objects.create(
        package_id=document["package_id"], youth=youth, course=youth.courses.first(),
        destination=Destination.MUNICIPALITY, receiving_municipality=to, receiver_name=to.name, parts=parts,
        consent_given_on=today, consent_valid_until=today + datetime.timedelta(days=30),
        consent_how="Mundtligt på samtale", sealed=text, created_by=sender)


def make_incoming(youth: Youth, *, sender: Any, to: Any, parts: list[str] | None = None) -> IncomingPackage:
    parts = parts or [Part.PLAN, Part.CONTACTS]
    text, document = sealed_for(youth, sender=sender, to=to, parts=parts)
    return IncomingPackage.objects.create(
        municipality=to, package_id=document["package_id"], source=Destination.MUNICIPALITY,
        sender_municipality=youth.municipality.name, sender_installation=sealing.installation_name(),
        parts=sorted(parts), sealed=text)


@dataclass
class World:
    relocation: Relocation
    mover: Youth
    incoming: IncomingPackage


def world(p: Personas) -> World:
    nabo = p.other_organisation.municipality
    relocation = make_relocation(p.youth, sender=p.contact_person, to=nabo)
    mover = make_youth(p.stranger, first_name="Freja", last_name="Flyttesen")
    incoming = make_incoming(mover, sender=p.stranger, to=p.municipality)
    return World(relocation, mover, incoming)
