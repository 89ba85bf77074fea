"""Moving municipality: the handover packages a municipality sends, and the packages it receives.

* Relocation – sent: one young person's course handed to a new municipality with the young person's consent to
  the parts it covers. The sealed file is kept, so the contact person can download it again while the consent
  holds; the consent can be withdrawn, and then nothing more leaves. The file goes when the consent is withdrawn
  or runs out (the worker's `relocation_purge_expired`); the row stays as the record of what was sent.
* IncomingPackage – received: addressed to a municipality of this installation by another one, or uploaded as a
  file from another installation. Imported once (the package id is unique per municipality).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Part(models.TextChoices):
    """What a package may carry besides who the young person is and when the course started."""

    PLAN = "plan", _("Profil og plan (mål, delmål og aktiviteter)")
    LEVELS = "niveauer", _("Niveauhistorik (teamvurderinger)")
    FOLLOWUPS = "opfoelgninger", _("Åbne opfølgninger og den nuværende station")
    CONTACTS = "kontakter", _("Kontaktoplysninger (den unges, forældres og værgers og kontaktpersonens)")


def part_labels(parts: list[str]) -> list[str]:
    """The labels of the parts a package carries, in the order of `Part`."""
    return [str(label) for value, label in Part.choices if value in parts]


class Destination(models.TextChoices):
    MUNICIPALITY = "kommune", _("En kommune i denne installation")
    INSTALLATION = "installation", _("En kommune i en anden installation (fil)")


class Relocation(models.Model):
    """A handover package sent for one young person (the sending side's record of it)."""

    package_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="relocations")
    course = models.ForeignKey("youth.Course", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    destination = models.CharField(_("modtager"), max_length=15, choices=Destination.choices)
    receiving_municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ny kommune"),
    )
    receiving_installation = models.CharField(_("anden installation"), max_length=100, blank=True)
    receiver_name = models.CharField(max_length=200)
    parts = models.JSONField(_("det må sendes"), default=list)
    consent_given_on = models.DateField(_("den unge gav samtykke"))
    consent_valid_until = models.DateField(_("samtykket gælder til"))
    consent_how = models.CharField(_("sådan gav den unge samtykke"), max_length=300)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The sealed file, kept while the consent holds; emptied when it is withdrawn or runs out.
    sealed = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("flyttepakke")
        verbose_name_plural = _("flyttepakker")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.package_id} → {self.receiver_name}"

    @property
    def part_labels(self) -> list[str]:
        return part_labels(self.parts)

    def consent_is_valid_on(self, day) -> bool:  # type: ignore[no-untyped-def]
        return self.consent_withdrawn_at is None and self.consent_valid_until >= day


class IncomingPackage(models.Model):
    """A handover package addressed to a municipality of this installation."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    package_id = models.UUIDField()
    source = models.CharField(max_length=15, choices=Destination.choices)
    # Sent within this installation: the sender's row (its consent is checked again at import).
    relocation = models.ForeignKey(Relocation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    sender_municipality = models.CharField(_("fra"), max_length=200)
    sender_installation = models.CharField(max_length=100)
    parts = models.JSONField(default=list)
    consent_valid_until = models.DateField(null=True, blank=True)
    # Emptied once imported (the data then lives in the record) or once the consent has run out.
    sealed = models.TextField(editable=False, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    youth = models.ForeignKey("youth.Youth", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("modtaget flyttepakke")
        verbose_name_plural = _("modtagne flyttepakker")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "package_id"], name="incoming_package_once"),
        ]

    def __str__(self) -> str:
        return f"{self.package_id} ← {self.sender_municipality}"

    @property
    def part_labels(self) -> list[str]:
        return part_labels(self.parts)

    @property
    def is_imported(self) -> bool:
        return self.imported_at is not None
