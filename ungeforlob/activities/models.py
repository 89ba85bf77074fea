"""Fællesskaber: group activities open to several young people (Energi til Hinanden's climbing, cooking, walks).

* Activity – one occasion: a date and time, a place, who runs it (a member of staff, for the municipality's own
  youth effort or a partner organisation) and how many seats it has. The one who runs it (and the one who
  created it) changes it, cancels it and records attendance.
* SignUp – a young person's place on an activity (or on its waiting list), made and withdrawn by her on Min
  side. Her first name is shown to the others only when she chose so for this sign-up. Attendance is recorded
  on it; "mødestabilitet" is the share of her recorded sign-ups she attended.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Activity(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("Titel"), max_length=100)
    description = models.CharField(_("Det skal vi"), max_length=500, blank=True)
    place = models.CharField(_("Sted"), max_length=150)
    starts_at = models.DateTimeField(_("Tidspunkt"))
    duration_minutes = models.PositiveSmallIntegerField(_("Varighed i minutter"), default=120)
    seats = models.PositiveSmallIntegerField(_("Pladser"))
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("Arrangør"))
    runner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("Ansvarlig"))
    waiting_list = models.BooleanField(_("Venteliste, når der er fuldt"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic locking: an edit names the version it was made from; a stale edit is refused.
    version = models.PositiveIntegerField(default=1)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    cancel_reason = models.CharField(_("Hvorfor aflyses det?"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("fællesskab")
        verbose_name_plural = _("fællesskaber")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="activity_has_seats"),
        ]
        indexes = [models.Index(fields=["municipality", "starts_at"], name="activity_municipality_time")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class SignUpStatus(models.TextChoices):
    SIGNED_UP = "tilmeldt", _("Tilmeldt")
    WAITING = "venteliste", _("På venteliste")
    WITHDRAWN = "afmeldt", _("Afmeldt")


ACTIVE_STATUSES = (SignUpStatus.SIGNED_UP, SignUpStatus.WAITING)


class SignUp(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="signups")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="activity_signups")
    status = models.CharField(_("Status"), max_length=12, choices=SignUpStatus.choices)
    show_first_name = models.BooleanField(_("Vis mit fornavn for de andre"), default=False)
    signed_up_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # None until the one who runs the activity has recorded it.
    attended = models.BooleanField(_("Mødte op"), null=True, blank=True)
    attendance_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")
    attendance_at = models.DateTimeField(null=True, blank=True)
    # The outbox key of the reminder the day before (cancelled by it when she withdraws).
    reminder_key = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = _("tilmelding til et fællesskab")
        verbose_name_plural = _("tilmeldinger til fællesskaber")
        ordering = ["signed_up_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "youth"], name="signup_once_per_activity"),
        ]
        indexes = [models.Index(fields=["youth", "status"], name="signup_youth_status")]

    def __str__(self) -> str:
        return f"{self.activity_id}:{self.youth_id} {self.status}"
