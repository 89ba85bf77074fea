"""Emergency access ("break the glass"): read access to one young person's record outside the circle, for a
short time, with a reason, told to the contact person and the leader at once, and reviewed by the leader."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmergencySettings(models.Model):
    """The municipality's choice: off by default; on, for the staff of the sectors it names."""

    municipality = models.OneToOneField(
        "accounts.Municipality", on_delete=models.CASCADE, related_name="emergency_settings"
    )
    enabled = models.BooleanField(_("nødadgang er slået til"), default=False)
    sectors = models.JSONField(_("sektorer der må bruge nødadgang"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("indstilling for nødadgang")
        verbose_name_plural = _("indstillinger for nødadgang")

    def __str__(self) -> str:
        return str(self.municipality)


class EmergencyReason(models.TextChoices):
    SAFETY = "sikkerhed", _("Akut bekymring for den unges liv, helbred eller sikkerhed")
    MISSING = "forsvundet", _("Den unge er forsvundet eller kan ikke findes")
    AUTHORITY = "myndighed", _("Henvendelse fra politi, sundhedsvæsen eller vagtcentral")
    CIRCLE_UNREACHABLE = "kreds_vaek", _("Kontaktpersonen og kredsen kan ikke træffes, og der skal handles nu")
    OTHER = "andet", _("Andet akut behov (beskrevet i begrundelsen)")


class Review(models.TextChoices):
    PENDING = "afventer", _("Afventer gennemgang")
    JUSTIFIED = "begrundet", _("Begrundet")
    NOT_JUSTIFIED = "ikke_begrundet", _("Ikke begrundet")


class EmergencyAccessQuerySet(models.QuerySet):
    def active(self) -> EmergencyAccessQuerySet:
        """Started, not ended early, and not past its end."""
        return self.filter(ended_at__isnull=True, ends_at__gt=timezone.now())


class EmergencyAccess(models.Model):
    """One use of emergency access: who, whom, why, until when, and the leader's review."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="emergency_accesses")
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_accesses"
    )
    reason = models.CharField(_("årsag"), max_length=20, choices=EmergencyReason.choices)
    explanation = models.TextField(_("begrundelse"), max_length=1000)
    started_at = models.DateTimeField(_("start"), default=timezone.now)
    ends_at = models.DateTimeField(_("slut"))
    ended_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    review = models.CharField(_("gennemgang"), max_length=20, choices=Review.choices, default=Review.PENDING)
    review_note = models.TextField(_("lederens note"), max_length=1000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = EmergencyAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("nødadgang")
        verbose_name_plural = _("nødadgange")
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["professional", "ends_at"], name="emergency_professional_ends"),
            models.Index(fields=["municipality", "review", "-started_at"], name="emergency_review_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.professional_id} → {self.youth_id} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None and self.ends_at > timezone.now()
