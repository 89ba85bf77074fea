"""Outsider and success cases for API v1's concerns and referrals (ungeforlob/chain/api.py, mounted by the
integrations app)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.chain import services
from ungeforlob.chain.models import Concern, Referral
from ungeforlob.integrations.tests.factories import api_client, bearer
from ungeforlob.integrations.tests.outsider_cases import refusals
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C
from ungeforlob.testing_cases import SuccessCase as S

NS = "integrations:api-v1"


def concern_body(p: Personas) -> dict[str, Any]:
    return {"youth_id": p.youth.pk, "category": "fravaer", "severity": "alvorlig",
            "description": "Ikke mødt i skole i otte dage."}


def referral_body() -> dict[str, Any]:
    today = timezone.localdate()
    return {"first_name": "Ali", "last_name": "Demir", "birth_date": today.replace(year=today.year - 18).isoformat(),
            "problem": "Er droppet ud af FGU.", "youth_accepted": True, "accepted_asked_by": "Sara",
            "accepted_on": today.isoformat()}


def _world(p: Personas) -> tuple[Concern, Referral]:
    concern = Concern.objects.filter(youth=p.youth, description="API-sag: fravær").first() or services.concern_raise(
        actor=p.colleague, youth=p.youth, category="fravaer", severity="middel", description="API-sag: fravær")
    referral = Referral.objects.filter(first_name="Api", organisation_name=p.organisation.name).first()
    if referral is None:
        today = timezone.localdate()
        referral, _created = services.referral_submit(
            actor=p.outsider, organisation=p.organisation, first_name="Api", last_name="Henvist", cpr_number="",
            birth_date=today.replace(year=today.year - 19) - datetime.timedelta(days=3), problem="Har brug for hjælp.",
            youth_accepted=True, accepted_asked_by="Sara", accepted_on=today)
    return concern, referral


def _post_refusals(p: Personas, name: str, url: str, data: dict[str, Any], *, personal: bool) -> list[C]:
    return [C(c.url_name, c.url, "post", data, as_json=True, headers=c.headers,
              refused_statuses=c.refused_statuses) for c in refusals(p, name, url, personal=personal)]


def outsider_cases(p: Personas) -> list[C]:
    concern, referral = _world(p)
    return [
        *refusals(p, f"{NS}:concerns", "/api/v1/concerns", personal=False),
        *_post_refusals(p, f"{NS}:concerns", "/api/v1/concerns", concern_body(p), personal=True),
        *refusals(p, f"{NS}:concern_detail", f"/api/v1/concerns/{concern.pk}"),
        *_post_refusals(p, f"{NS}:concern_acknowledge", f"/api/v1/concerns/{concern.pk}/acknowledge", {},
                        personal=True),
        *refusals(p, f"{NS}:referrals", "/api/v1/referrals", personal=False),
        *_post_refusals(p, f"{NS}:referrals", "/api/v1/referrals", referral_body(), personal=False),
        *refusals(p, f"{NS}:referral_detail", f"/api/v1/referrals/{referral.pk}"),
    ]


def success_cases(p: Personas) -> list[S]:
    api_client(p, "school")
    concern, referral = _world(p)
    ok = bearer("school")
    # The token decides, not the session that comes along: the read-only member's session changes nothing.
    return [
        S(f"{NS}:concerns", "/api/v1/concerns", headers=ok, contains="API-sag"),
        S(f"{NS}:concerns", "/api/v1/concerns", "post", concern_body(p), as_json=True, headers=ok,
          statuses=(201,), reader_may=True,
          effect=lambda r: Concern.objects.filter(description="Ikke mødt i skole i otte dage.").exists()),
        S(f"{NS}:concern_detail", f"/api/v1/concerns/{concern.pk}", headers=ok, contains="API-sag"),
        S(f"{NS}:concern_acknowledge", f"/api/v1/concerns/{concern.pk}/acknowledge", "post", {}, as_json=True,
          headers=ok, statuses=(200,), reader_may=True,
          effect=lambda r: Concern.objects.filter(pk=concern.pk, acknowledged_at__isnull=False).exists()),
        S(f"{NS}:referrals", "/api/v1/referrals", headers=ok, contains='"afventer"'),
        S(f"{NS}:referrals", "/api/v1/referrals", "post", referral_body(), as_json=True, headers=ok,
          statuses=(201,), reader_may=True,
          effect=lambda r: Referral.objects.filter(first_name="Ali", organisation_name=p.organisation.name).exists()),
        S(f"{NS}:referral_detail", f"/api/v1/referrals/{referral.pk}", headers=ok, contains='"afventer"'),
    ]
