"""Demo data for the log review: Demo Kommune's data protection officer (username `dpo`) and last month's sample,
drawn from the demo's own audit log with a fixed seed.

Idempotent: the officer is looked up by username and a month keeps its sample.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ungeforlob.accounts.models import Role, User
from ungeforlob.logreview import services

DEMO_SEED = 2026


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    from ungeforlob.demo.loader import DEMO_PASSWORD

    officer, created = User.objects.get_or_create(
        username="dpo", defaults={"first_name": "Dorte", "last_name": "Dahl", "role": Role.DPO,
                                  "profession": "Databeskyttelsesrådgiver", "municipality": municipality,
                                  "organisation": orgs["Ungeindsatsen (UU)"], "email": "dpo@demo.kommune.dk"})
    if created:
        officer.set_password(DEMO_PASSWORD)
        officer.save()
    month = services.previous_month(timezone.localdate())
    services.log_sample_create(municipality=municipality, month=month, seed=DEMO_SEED)
