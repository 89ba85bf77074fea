"""Small builders for chain tests (on top of the shared personas)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.accounts.models import Organisation, Sector
from ungeforlob.chain import services
from ungeforlob.testing import Personas, make_user


def consent_for(p: Personas, org: Any, *, days: int = 30, youth: Any = None) -> Any:
    return services.consent_record(actor=p.contact_person, youth=youth or p.youth, purpose="Samarbejde om job",
                                   receiving_organisation=org, scope="Plan og fravær",
                                   expires_on=timezone.localdate() + datetime.timedelta(days=days))


def civil_partner(p: Personas, username: str = "gadeplan") -> Any:
    org, _ = Organisation.objects.get_or_create(municipality=p.municipality, name="Foreningen Gadeplan",
                                                defaults={"sector": Sector.CIVIL})
    return make_user(username, p.municipality, org, profession="Mentor", first="Ahmad", last="Rahimi")


def uu_colleague(p: Personas, username: str = "uukollega") -> Any:
    return make_user(username, p.municipality, p.organisation, profession="Kontaktperson+", first="Kasper",
                     last="Vinther")
