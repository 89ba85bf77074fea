"""Demo Kommune's integration client "Demo-skolesystem", acting as Demo Handelsskole, with every scope and a fixed,
documented token (setting DEMO_API_TOKEN) so the API can be tried at once:

    curl -H "Authorization: Bearer ugf_demo_skolesystem_2026" http://localhost:8000/api/v1/youth

Idempotent: an existing demo client is left as it is."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from ungeforlob.accounts.models import Municipality, User
from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.scopes import ALL_SCOPES
from ungeforlob.integrations.services import MAX_VALIDITY_DAYS, apiclient_register

DEMO_CLIENT_NAME = "Demo-skolesystem"
DEMO_API_TOKEN = "ugf_demo_skolesystem_2026"
DEMO_ORGANISATION = "Demo Handelsskole"


def demo_token() -> str:
    return getattr(settings, "DEMO_API_TOKEN", "") or DEMO_API_TOKEN


def load(*, municipality: Municipality, staff: dict[str, User], orgs: dict[str, Any]) -> None:
    if ApiClient.objects.filter(municipality=municipality, name=DEMO_CLIENT_NAME).exists():
        return
    organisation = orgs.get(DEMO_ORGANISATION) or next(iter(orgs.values()))
    apiclient_register(actor=staff["admin"], organisation=organisation, name=DEMO_CLIENT_NAME,
                       scopes=list(ALL_SCOPES), token=demo_token(),
                       expires_at=timezone.now() + datetime.timedelta(days=MAX_VALIDITY_DAYS - 1))
