"""Outbound webhooks: an integration client's subscriptions, and the outbox of deliveries the worker sends.

A delivery row is written by `services.event_emit` inside the transaction that made the change, one per matching
subscription, keyed by (event id, subscription): a rolled-back change leaves no row, and a row is sent until the
receiver answers 2xx or the attempts run out (then it is failed, visible on the administrator's page).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    REFERRAL_RECEIVED = "referral.received", _("Henvisning modtaget")
    REFERRAL_DECIDED = "referral.decided", _("Henvisning behandlet (modtaget eller afvist)")
    CONCERN_RAISED = "concern.raised", _("Bekymring rejst")
    CONCERN_ESCALATED = "concern.escalated", _("Bekymring sendt videre til leder")
    HANDOVER = "handover", _("Overlevering sendt, accepteret eller afvist")
    TRANSITION_STARTED = "transition.started", _("Overgang begyndt")
    TRANSITION_ENDED = "transition.ended", _("Station afsluttet eller overgang aflyst")


class Subscription(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey("integrations.ApiClient", on_delete=models.CASCADE, related_name="webhook_subscriptions",
                               verbose_name=_("integrationsklient"))
    target_url = models.URLField(_("modtagerens adresse"), max_length=500)
    events = models.JSONField(_("hændelser"), default=list)
    # The signing secret is shown once; it is kept encrypted because the worker needs it to sign each delivery.
    secret_encrypted = models.TextField(editable=False)
    secret_hint = models.CharField(max_length=12, editable=False)
    paused_at = models.DateTimeField(_("sat på pause"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("webhook-abonnement")
        verbose_name_plural = _("webhook-abonnementer")
        ordering = ["client__name", "target_url", "pk"]

    def __str__(self) -> str:
        return f"{self.client} → {self.target_url}"

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    def event_labels(self) -> list[str]:
        labels = dict(EventType.choices)
        return [str(labels.get(e, e)) for e in self.events]


class DeliveryStatus(models.TextChoices):
    QUEUED = "venter", _("Venter")
    SENDING = "sender", _("Sendes")
    DELIVERED = "leveret", _("Leveret")
    FAILED = "fejlet", _("Fejlet")


class Delivery(models.Model):
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event_id = models.UUIDField()
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    # "<event id>:<subscription id>": the receiver's Idempotency-Key; one row per event and subscription.
    dedup_key = models.CharField(max_length=80, unique=True)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    due_at = models.DateTimeField()
    # A claim: the worker's token and how long it holds the row. A worker that dies leaves the lease to run out;
    # the row is then claimed again and re-sent with the same Idempotency-Key, which the receiver deduplicates.
    claim_token = models.CharField(max_length=32, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webhook-levering")
        verbose_name_plural = _("webhook-leveringer")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "due_at"], name="webhook_delivery_due"),
            models.Index(fields=["subscription", "-created_at"], name="webhook_delivery_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.dedup_key} {self.status}"
