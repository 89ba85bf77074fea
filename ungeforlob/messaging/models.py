"""SMS with the young person: consent, the outbox, replies, wake-up series and check-ins.

The outbox is the database: every outgoing SMS is an `OutboundMessage` row written in the same transaction
as what caused it. A worker claims due rows with a conditional update (see `outbox.py`); each row carries an
idempotency key that travels with the gateway call, so a crash or restart never sends a message twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MessageKind(models.TextChoices):
    REMINDER = "reminder", _("Påmindelse om aftale")
    WAKEUP = "wakeup", _("Vækning")
    SCHEDULED = "scheduled", _("Planlagt besked")
    CHECKIN = "checkin", _("Tjek-ind")
    CONVERSATION = "conversation", _("Samtale")
    NOTICE = "notice", _("Besked fra kæden")
    # A code the young person asked for to log in to Min side: sent at once, whatever the SMS consent or the
    # hour (they asked for it themselves), never shown to staff, and its text is blanked once it is sent.
    LOGIN_CODE = "login_code", _("Login-kode")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Planlagt")
    SENDING = "sending", _("Sendes")
    SENT = "sent", _("Sendt")
    DELIVERED = "delivered", _("Modtaget")
    FAILED = "failed", _("Kunne ikke sendes")
    CANCELLED = "cancelled", _("Annulleret")


PENDING_STATUSES = (MessageStatus.QUEUED, MessageStatus.SENDING)


class ConsentWithdrawal(models.TextChoices):
    STOP = "stop", _("Den unge svarede STOP")
    STAFF = "staff", _("Registreret af en medarbejder")
    PORTAL = "portal", _("Den unge trak det tilbage på Min side")


class SmsConsent(models.Model):
    """The young person's consent to SMS contact. Without an active consent nothing is sent."""

    youth = models.OneToOneField("youth.Youth", on_delete=models.CASCADE, related_name="sms_consent")
    given_at = models.DateTimeField(_("samtykke givet"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("hvordan blev samtykket givet"), max_length=200, blank=True)
    withdrawn_at = models.DateTimeField(_("samtykke trukket tilbage"), null=True, blank=True)
    withdrawn_via = models.CharField(max_length=10, choices=ConsentWithdrawal.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("samtykke til SMS")
        verbose_name_plural = _("samtykker til SMS")

    def __str__(self) -> str:
        return f"{self.youth_id}: {'aktiv' if self.is_active else 'ikke aktiv'}"

    @property
    def is_active(self) -> bool:
        return self.given_at is not None and self.withdrawn_at is None


class WakeUpStopReason(models.TextChoices):
    STOP_DATE = "stop_date", _("Slutdatoen er nået")
    YOUTH = "youth", _("Den unge bad om at stoppe")
    STAFF = "staff", _("Stoppet af en medarbejder")


class WakeUpSeries(models.Model):
    """A morning wake-up at an agreed time on chosen weekdays, until a stop date or until the youth says stop.

    Messages are materialised a few days ahead (idempotency key `wakeup:<series>:<date>`), so the series
    needs no stop date and stopping it cancels only what is still queued.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="sms_wakeups")
    time_of_day = models.TimeField(_("klokkeslæt"))
    # Monday=0 … Sunday=6, comma separated ("0,1,2,3,4").
    weekdays = models.CharField(_("ugedage"), max_length=13)
    start_date = models.DateField(_("fra"))
    stop_date = models.DateField(_("til og med"), null=True, blank=True)
    body = models.CharField(_("besked"), max_length=320)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    stopped_at = models.DateTimeField(null=True, blank=True)
    stopped_reason = models.CharField(max_length=10, choices=WakeUpStopReason.choices, blank=True)
    stopped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("vækning")
        verbose_name_plural = _("vækninger")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stop_date__isnull=True) | Q(stop_date__gte=models.F("start_date")),
                name="wakeup_stop_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.time_of_day:%H:%M} {self.weekdays}"

    @property
    def weekday_list(self) -> list[int]:
        return [int(d) for d in self.weekdays.split(",") if d.strip().isdigit()]

    @property
    def is_active(self) -> bool:
        return self.stopped_at is None


class OutboundMessage(models.Model):
    """One SMS to a young person (or, about her, to her guardian): written with its cause, sent by the worker,
    tracked to delivery."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="sms_outbound")
    kind = models.CharField(_("type"), max_length=20, choices=MessageKind.choices)
    body = models.TextField(_("besked"))
    status = models.CharField(_("status"), max_length=10, choices=MessageStatus.choices,
                              default=MessageStatus.QUEUED)
    # When it was meant to go (after any quiet-hours shift) and when the worker should next try.
    send_at = models.DateTimeField(_("sendes"))
    due_at = models.DateTimeField()
    quiet_shifted = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    idempotency_key = models.CharField(max_length=120, unique=True)
    # A claim: the worker's token and how long it holds the row. An expired lease is claimed again and
    # re-sent with the same idempotency key, which the gateway deduplicates.
    claim_token = models.CharField(max_length=32, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    to_number = models.CharField(max_length=20, blank=True)
    gateway = models.CharField(max_length=20, blank=True)
    gateway_message_id = models.CharField(max_length=100, blank=True, db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    status_reason = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    failure_acknowledged_at = models.DateTimeField(null=True, blank=True)
    warning_accepted = models.BooleanField(default=False)
    related_type = models.CharField(max_length=60, blank=True)
    related_id = models.CharField(max_length=60, blank=True)
    series = models.ForeignKey(WakeUpSeries, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="messages")
    # An SMS about the young person to one of her parents or guardians (a plan meeting's invitation or
    # reminder) goes to the guardian's number instead of hers, and not in her conversation. When the message
    # rests on her consent (she is 18 or over), it is sent only while that consent holds.
    guardian = models.ForeignKey("youth.Guardian", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+")
    consent = models.ForeignKey("chain.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("udgående SMS")
        verbose_name_plural = _("udgående SMS'er")
        ordering = ["-send_at", "-id"]
        indexes = [
            models.Index(fields=["status", "due_at"], name="sms_out_status_due"),
            models.Index(fields=["youth", "send_at"], name="sms_out_youth_time"),
            models.Index(fields=["related_type", "related_id"], name="sms_out_related"),
            # *I dag*'s "SMS kunne ikke sendes": a young person's few unacknowledged failures, not her whole history.
            models.Index(fields=["youth"], name="sms_out_failed_unacked",
                         condition=Q(status=MessageStatus.FAILED, failure_acknowledged_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.idempotency_key} {self.status}"

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_STATUSES


class CheckInStatus(models.TextChoices):
    OPEN = "open", _("Afventer svar")
    ANSWERED = "answered", _("Besvaret")
    CLOSED = "closed", _("Lukket uden svar")


class CheckIn(models.Model):
    """A question by SMS, often tied to an activity ("Hvordan gik det?"); the youth's reply is recorded on it."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="sms_checkins")
    question = models.CharField(_("spørgsmål"), max_length=320)
    message = models.OneToOneField(OutboundMessage, on_delete=models.CASCADE, related_name="checkin")
    status = models.CharField(max_length=10, choices=CheckInStatus.choices, default=CheckInStatus.OPEN)
    answer = models.TextField(_("svar"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Loose link to what the question is about, e.g. ("plans.activity", "42").
    related_type = models.CharField(max_length=60, blank=True)
    related_id = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("tjek-ind")
        verbose_name_plural = _("tjek-ind")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["related_type", "related_id"], name="sms_checkin_related")]

    def __str__(self) -> str:
        return f"{self.youth_id}: {self.question[:40]}"


class InboundMessage(models.Model):
    """An SMS from a young person, matched by number, shown in the conversation."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="sms_inbound")
    from_number = models.CharField(max_length=20)
    body = models.TextField(_("besked"))
    received_at = models.DateTimeField()
    gateway_message_id = models.CharField(max_length=100, blank=True)
    is_stop = models.BooleanField(default=False)
    # Several young people have this number: matched to the one last written to, to be checked by a person.
    shared_number = models.BooleanField(default=False)
    checkin = models.ForeignKey(CheckIn, on_delete=models.SET_NULL, null=True, blank=True, related_name="replies")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indgående SMS")
        verbose_name_plural = _("indgående SMS'er")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["youth", "received_at"], name="sms_in_youth_time")]
        constraints = [
            # A provider re-posting the same webhook must not create the reply twice.
            models.UniqueConstraint(fields=["gateway_message_id"], condition=~Q(gateway_message_id=""),
                                    name="sms_in_unique_gateway_id"),
        ]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.received_at:%Y-%m-%d %H:%M}"


class DevGatewayMessage(models.Model):
    """What the development gateway "delivered": its phone log, deduplicated on the idempotency key."""

    idempotency_key = models.CharField(max_length=120, unique=True)
    to_number = models.CharField(max_length=20)
    sender = models.CharField(max_length=20)
    body = models.TextField()
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("SMS i udviklings-gatewayen")
        verbose_name_plural = _("SMS'er i udviklings-gatewayen")
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"dev-{self.pk} {self.to_number}"
