"""Reads of the webhooks app: the administrator's lists (constant queries whatever their length)."""

from __future__ import annotations

from django.db.models import Count, Max, Q, QuerySet

from ungeforlob.webhooks.models import Delivery, DeliveryStatus, Subscription


def subscriptions_for(*, municipality_id: int, q: str = "") -> QuerySet[Subscription]:
    qs = (Subscription.objects.filter(municipality_id=municipality_id).select_related("client")
          .annotate(n_failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
                    n_waiting=Count("deliveries", filter=Q(deliveries__status__in=[DeliveryStatus.QUEUED,
                                                                                   DeliveryStatus.SENDING])),
                    last_delivered=Max("deliveries__delivered_at")))
    if q:
        qs = qs.filter(Q(client__name__icontains=q) | Q(target_url__icontains=q))
    return qs.order_by("client__name", "target_url", "pk")


def subscription_get(*, municipality_id: int, pk: int) -> Subscription:
    return Subscription.objects.select_related("client").get(municipality_id=municipality_id, pk=pk)


def deliveries_recent(*, subscription: Subscription, status: str = "", limit: int = 50) -> list[Delivery]:
    qs = Delivery.objects.filter(subscription=subscription)
    if status in DeliveryStatus.values:
        qs = qs.filter(status=status)
    return list(qs.order_by("-created_at", "-pk")[:limit])
