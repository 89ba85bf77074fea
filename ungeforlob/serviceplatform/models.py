"""Letters sent to Digital Post about a young person, and the local fakes of Serviceplatformen.

`Letter` is the product's own record: one row per recipient (the young person, and under 18 each holder of
parental custody), shown on the young person's timeline. The fake adapters keep their state in `FakeMessage`
(the fake Digital Post mailbox: the MeMo message as the real service would have received it) and `FakePerson`
(the fake CPR register). Neither fake table is read by anything but the fake adapters and the development page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    PLAN = "plan", _("Min plan")
    MEETING = "moede", _("Mødeinvitation")


class RecipientRole(models.TextChoices):
    YOUTH = "ung", _("Den unge")
    CUSTODIAN = "foraelder", _("Forælder med forældremyndighed")


class Letter(models.Model):
    """One letter sent to one recipient's Digital Post about a young person."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="digital_post_letters")
    kind = models.CharField(_("type"), max_length=10, choices=LetterKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    recipient_role = models.CharField(_("modtager"), max_length=10, choices=RecipientRole.choices)
    # A custodian's name as the CPR register gave it; empty when the young person is the recipient.
    recipient_name = models.CharField(_("modtagerens navn"), max_length=150, blank=True)
    message_id = models.CharField(_("meddelelses-id"), max_length=64)
    adapter = models.CharField(max_length=30)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_by_name = models.CharField(max_length=150, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("brev i Digital Post")
        verbose_name_plural = _("breve i Digital Post")
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["youth", "sent_at"], name="sp_letter_youth_sent")]

    def __str__(self) -> str:
        return self.title


class FakeMessage(models.Model):
    """The fake Digital Post mailbox (development and tests): what the fake adapter "delivered"."""

    message_uuid = models.CharField(max_length=64, unique=True)
    # The recipient's CPR number, encrypted like the record's; the page shows only the masked form.
    recipient_cpr_encrypted = models.TextField()
    recipient_cpr_masked = models.CharField(max_length=11)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    memo_xml = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("brev i den lokale Digital Post")
        verbose_name_plural = _("breve i den lokale Digital Post")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class FakeAttachment(models.Model):
    message = models.ForeignKey(FakeMessage, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    mime_type = models.CharField(max_length=100)
    content = models.BinaryField()

    class Meta:
        verbose_name = _("bilag i den lokale Digital Post")
        verbose_name_plural = _("bilag i den lokale Digital Post")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class FakePerson(models.Model):
    """A person in the fake CPR register (development and tests): looked up by the keyed hash of the number."""

    cpr_hash = models.CharField(max_length=64, unique=True)
    cpr_encrypted = models.TextField()
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    street = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=4, blank=True)
    city = models.CharField(max_length=100, blank=True)
    custodians = models.ManyToManyField("self", symmetrical=False, related_name="custody_of", blank=True)

    class Meta:
        verbose_name = _("person i det lokale CPR-register")
        verbose_name_plural = _("personer i det lokale CPR-register")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"
