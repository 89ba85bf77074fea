from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.utils import timezone

from ungeforlob.integrations.models import ApiClient
from ungeforlob.webhooks import signing
from ungeforlob.webhooks.models import Delivery, DeliveryStatus, EventType, Subscription


def api_client(p: Any, *, name: str = "", scopes: tuple[str, ...] = ("webhooks",),
               organisation: Any = None, **fields: Any) -> ApiClient:
    prefix = secrets.token_hex(4)
    return ApiClient.objects.create(
        municipality=fields.pop("municipality", p.municipality), organisation=organisation or p.organisation, name=name or f"Elevsystem {prefix}",
        scopes=list(scopes),
        token_prefix=prefix, token_hash=secrets.token_hex(32),
        expires_at=fields.pop("expires_at", timezone.now() + datetime.timedelta(days=30)), **fields)


def subscription(p: Any, *, client: ApiClient | None = None, url: str = "https://elevsystem.example.dk/hooks",
                 events: tuple[str, ...] = tuple(EventType.values), secret: str = "whsec_test-secret",
                 **fields: Any) -> Subscription:
    return Subscription.objects.create(
        municipality=p.municipality, client=client or api_client(p), target_url=url, events=list(events),
        secret_encrypted=signing.secret_encrypt(secret), secret_hint=secret[-4:], **fields)


def delivery(sub: Subscription, *, status: str = DeliveryStatus.FAILED, n: int = 0, **fields: Any) -> Delivery:
    import uuid

    event_id = uuid.uuid4()
    return Delivery.objects.create(
        subscription=sub, event_id=event_id, event_type=EventType.CONCERN_RAISED, dedup_key=f"{event_id}:{sub.pk}",
        payload={"id": str(event_id), "type": "concern.raised", "data": {"concern_id": n}}, status=status,
        due_at=timezone.now(), attempts=fields.pop("attempts", 8 if status == DeliveryStatus.FAILED else 0),
        last_error=fields.pop("last_error", "HTTP 500" if status == DeliveryStatus.FAILED else ""), **fields)
