"""Writes of the webhooks app: subscriptions (the administrator's page) and events (the chain's services).

`event_emit` is the one way a change becomes a delivery: called inside the service's transaction, it writes one
outbox row per matching subscription, so a rolled-back change sends nothing. The worker (`outbox.py`) sends them.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import uuid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.scopes import Scope
from ungeforlob.webhooks import signing
from ungeforlob.webhooks.models import Delivery, DeliveryStatus, EventType, Subscription

# --- Subscriptions ---------------------------------------------------------------------------------------------


def _private_targets_allowed() -> bool:
    """Loopback and private addresses are refused outside development (a subscription must not make the server
    call its own network); tests and the demo set WEBHOOK_ALLOW_PRIVATE_TARGETS."""
    return bool(getattr(settings, "WEBHOOK_ALLOW_PRIVATE_TARGETS", settings.DEBUG))


def target_url_problem(url: str) -> str:
    """Why this address cannot receive webhooks (a Danish message), or "" when it can."""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return _("Skriv en fuld adresse, der begynder med https:// (eller http://).")
    if _private_targets_allowed():
        return ""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return _("Adressens værtsnavn kan ikke slås op.")
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return _("Adressen peger på et internt netværk. Brug modtagerens offentlige adresse.")
    return ""


def _check(client: ApiClient, target_url: str, events: list[str], actor: Any) -> dict[str, str]:
    errors: dict[str, str] = {}
    if client.municipality_id != actor.municipality_id:
        errors["client"] = _("Vælg en integrationsklient i kommunen.")
    elif not client.is_active:
        errors["client"] = _("Klienten er tilbagekaldt eller udløbet.")
    elif not client.has_scope(Scope.WEBHOOKS):
        errors["client"] = _("Klienten har ikke rettigheden til at modtage hændelser (webhooks).")
    problem = target_url_problem(target_url)
    if problem:
        errors["target_url"] = problem
    if not events or any(e not in EventType.values for e in events):
        errors["events"] = _("Vælg mindst én hændelse.")
    return errors


@transaction.atomic
def subscription_create(*, actor: Any, client: ApiClient, target_url: str, events: list[str]
                        ) -> tuple[Subscription, str]:
    """Subscribe a client to events at a target address. Returns the subscription and its signing secret, which
    is shown once (the administrator gives it to the receiver; only an encrypted copy is kept for signing)."""
    target_url = (target_url or "").strip()
    errors = _check(client, target_url, list(events), actor)
    if errors:
        raise ValidationError(errors)
    secret = signing.secret_new()
    subscription = Subscription.objects.create(
        municipality_id=actor.municipality_id, client=client, target_url=target_url,
        events=sorted(set(events)), secret_encrypted=signing.secret_encrypt(secret),
        secret_hint=secret[-4:], created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=subscription, municipality=actor.municipality,
                 detail={"client": client.pk, "events": subscription.events})
    return subscription, secret


@transaction.atomic
def subscription_set_paused(*, actor: Any, subscription: Subscription, paused: bool) -> Subscription:
    """Pause (events are not written for it while paused) or resume a subscription."""
    Subscription.objects.filter(pk=subscription.pk).update(paused_at=timezone.now() if paused else None)
    subscription.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=subscription, municipality=actor.municipality,
                 detail={"paused": paused})
    return subscription


@transaction.atomic
def subscription_delete(*, actor: Any, subscription: Subscription) -> None:
    """Delete a subscription with its deliveries (those not yet sent are not sent)."""
    audit_record(actor=actor, action=AuditAction.DELETE, obj=subscription, municipality=actor.municipality,
                 detail={"client": subscription.client_id, "target_url": subscription.target_url})
    subscription.delete()


@transaction.atomic
def delivery_resend(*, actor: Any, delivery: Delivery) -> Delivery:
    """Send a failed delivery again: back in the queue with fresh attempts, the same Idempotency-Key."""
    updated = Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.QUEUED, attempts=0, due_at=timezone.now(), failed_at=None, claim_token="",
        lease_until=None)
    if not updated:
        raise ValidationError({"__all__": _("Kun en fejlet levering kan sendes igen.")})
    delivery.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=delivery, municipality=actor.municipality,
                 detail={"resent": True})
    return delivery


def deliveries_prune(*, older_than: datetime.timedelta) -> int:
    """Delivered and failed rows are kept for the administrator's page a while, then go (their payloads may
    carry a name)."""
    cutoff = timezone.now() - older_than
    deleted, _rows = Delivery.objects.filter(
        status__in=[DeliveryStatus.DELIVERED, DeliveryStatus.FAILED], created_at__lt=cutoff).delete()
    return deleted


# --- Events ----------------------------------------------------------------------------------------------------


def _subscribers(event_type: str, municipality_id: int) -> QuerySet[Subscription]:
    now = timezone.now()
    return (Subscription.objects.filter(municipality_id=municipality_id, paused_at__isnull=True,
                                        client__revoked_at__isnull=True, client__expires_at__gt=now)
            .select_related("client__organisation"))


def _clients_seeing(youth: Any, clients: dict[int, ApiClient]) -> set[int]:
    """Which of these clients may see the young person (a client acts as its organisation: `policy.youth_for_client`),
    answered in one query whatever their number."""
    from ungeforlob import policy
    from ungeforlob.youth.models import Youth

    checks = {f"c{pk}": Exists(policy.youth_for_client(client).filter(pk=OuterRef("pk")))
              for pk, client in clients.items()}
    row = Youth.objects.filter(pk=youth.pk).values(**checks).first() or {}
    return {pk for pk in clients if row.get(f"c{pk}")}


def _payload(event_id: uuid.UUID, event_type: str, occurred_at: datetime.datetime, data: dict[str, Any],
             youth: Any, client: ApiClient) -> dict[str, Any]:
    body: dict[str, Any] = {"id": str(event_id), "type": event_type, "occurred_at": occurred_at.isoformat(),
                            "data": dict(data)}
    if youth is not None:
        body["data"]["youth_id"] = youth.pk
        if client.has_scope(Scope.YOUTH_READ):  # names only to a client allowed to read young people
            body["data"]["youth"] = {"id": youth.pk, "first_name": youth.first_name, "last_name": youth.last_name}
    return body


def event_emit(*, event_type: str, municipality_id: int, data: dict[str, Any], youth: Any = None,
               referral: Any = None) -> int:
    """Write one delivery per subscription that matches this event. Call it inside the changing transaction.

    `data` holds ids only. A subscription matches when it is active, its client is active and holds the
    `webhooks` scope, it asked for this event type, and — for an event about a young person — its client may see
    the young person (`policy.youth_for_client`); a referral's events go only to the clients of the organisation
    the referral came from. Names travel only to clients with `youth:read`.
    Returns the number of deliveries written. Three queries, whatever the number of subscriptions.
    """
    if event_type not in EventType.values:
        raise ValueError(f"unknown webhook event {event_type!r}")
    subscriptions = [s for s in _subscribers(event_type, municipality_id)
                     if event_type in s.events and s.client.has_scope(Scope.WEBHOOKS)]
    if referral is not None:
        # Organisation names are unique in a municipality; the referral keeps the name it was sent under.
        subscriptions = [s for s in subscriptions if s.client.organisation.name == referral.organisation_name]
    if youth is not None and subscriptions:
        seeing = _clients_seeing(youth, {s.client_id: s.client for s in subscriptions})
        subscriptions = [s for s in subscriptions if s.client_id in seeing]
    if not subscriptions:
        return 0
    event_id = uuid.uuid4()
    now = timezone.now()
    Delivery.objects.bulk_create([
        Delivery(subscription=s, event_id=event_id, event_type=event_type, dedup_key=f"{event_id}:{s.pk}",
                 payload=_payload(event_id, event_type, now, data, youth, s.client), due_at=now)
        for s in subscriptions
    ])
    return len(subscriptions)
