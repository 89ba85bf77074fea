"""Targets (måltal) a municipality's leaders set per year, and the caseload band every caseload page reads.

* Target – one measure from the registry in `measures.py`, a value and a direction (at least / at most), for
  one year. One row per (municipality, year, measure). `version` guards against two leaders saving over each
  other (optimistic locking, as the plans do).
* CaseloadBand – the one band of young people per contact person the municipality works with. No band is
  recommended by the system: the seeds report practised bands of 12–15, 15–20 and 20–25.

The national 2030 goals are data (`data/national_goals.json`), read by `reference.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    AT_LEAST = "gte", _("Mindst (≥)")
    AT_MOST = "lte", _("Højst (≤)")


class Target(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("år"))
    measure = models.CharField(_("måltal for"), max_length=40)
    direction = models.CharField(_("retning"), max_length=3, choices=Direction.choices, default=Direction.AT_LEAST)
    value = models.DecimalField(_("målværdi"), max_digits=7, decimal_places=1)
    note = models.CharField(_("begrundelse eller kilde"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("måltal")
        verbose_name_plural = _("måltal")
        ordering = ["-year", "measure", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year", "measure"], name="target_one_per_measure_year"),
            models.CheckConstraint(condition=Q(value__gte=0), name="target_value_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.measure} {self.direction} {self.value}"


class CaseloadBand(models.Model):
    municipality = models.OneToOneField("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    low = models.PositiveSmallIntegerField(_("fra (unge pr. kontaktperson)"))
    high = models.PositiveSmallIntegerField(_("til (unge pr. kontaktperson)"))
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("spænd for sagsstamme")
        verbose_name_plural = _("spænd for sagsstammer")
        constraints = [
            models.CheckConstraint(condition=Q(high__gte=F("low")), name="caseload_band_high_not_below_low"),
            models.CheckConstraint(condition=Q(low__gte=1), name="caseload_band_low_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.low}–{self.high}"
