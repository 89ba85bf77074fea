"""Integration clients for tests, each with a known token (idempotent: the coverage walk collects cases more than
once per test)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.accounts.models import Organisation, Sector
from ungeforlob.integrations import tokens
from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.scopes import ALL_SCOPES, Scope
from ungeforlob.integrations.services import apiclient_register, apiclient_revoke
from ungeforlob.testing import Personas

KINDS = ("school", "outsider", "stranger", "expired", "revoked", "noscope")


def token_for(kind: str) -> str:
    return f"ugf_{kind}_testtoken_0123456789"


def bearer(kind: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(kind)}"}


def api_client(p: Personas, kind: str = "school") -> ApiClient:
    """school: Ungeindsatsen (the contact person's organisation), every scope; outsider: an organisation of the
    municipality with no one in any circle; stranger: another municipality's organisation; expired, revoked:
    Ungeindsatsen's tokens that no longer work; noscope: Ungeindsatsen with only `webhooks` (no API read)."""
    assert kind in KINDS, kind  # noqa: S101
    token = token_for(kind)
    found = ApiClient.objects.filter(token_hash=tokens.hash_token(token)).first()
    if found is not None:
        return found
    organisation, actor = p.organisation, p.administrator
    if kind == "outsider":
        organisation, _ = Organisation.objects.get_or_create(
            municipality=p.municipality, name="Udenforskolen", defaults={"sector": Sector.TIENDE_KLASSE})
    elif kind == "stranger":
        organisation, actor = p.other_organisation, p.stranger
    scopes = [Scope.WEBHOOKS] if kind == "noscope" else list(ALL_SCOPES)
    client, _token = apiclient_register(actor=actor, organisation=organisation, name=f"Testsystem {kind}",
                                        scopes=scopes, expires_at=timezone.now() + datetime.timedelta(days=30),
                                        token=token)
    if kind == "expired":
        ApiClient.objects.filter(pk=client.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    elif kind == "revoked":
        apiclient_revoke(actor=p.administrator, client=client)
    client.refresh_from_db()
    return client
