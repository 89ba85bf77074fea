"""Retention rules per municipality and kind of data, the runs that applied them, and what each run did.

A young person is referred to by id, never by foreign key: these rows must outlive the record they speak of
(a deleted record leaves its `RetentionDone` rows behind, so a second run knows it is done).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    DAYS = "dage", _("dage")
    MONTHS = "maaneder", _("måneder")
    YEARS = "aar", _("år")


class Disposal(models.TextChoices):
    ANONYMISE = "anonymiser", _("Anonymiseres")
    DELETE = "slet", _("Slettes")
    ARCHIVE = "arkiv", _("Afleveres til arkiv")


class RetentionRule(models.Model):
    """How long one kind of data is kept after a course ends in one municipality, and what then happens.

    A municipality without a row for a kind follows the shipped default (`retention/data/defaults.json`);
    the administrator's first save makes the row. `version` detects two administrators editing at once."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("type af data"), max_length=40)
    keep_for = models.PositiveIntegerField(_("opbevares i"))
    unit = models.CharField(_("enhed"), max_length=10, choices=Unit.choices)
    disposal = models.CharField(_("derefter"), max_length=12, choices=Disposal.choices)
    legal_basis = models.CharField(_("hjemmel"), max_length=500)
    archive_note = models.CharField(_("note om arkivering"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("opbevaringsregel")
        verbose_name_plural = _("opbevaringsregler")
        ordering = ["municipality", "kind"]
        constraints = [models.UniqueConstraint(fields=["municipality", "kind"], name="retention_one_rule_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.keep_for} {self.unit} ({self.disposal})"


class RetentionSetup(models.Model):
    """A municipality's choice of letting the worker apply its rules by itself (off until turned on)."""

    municipality = models.OneToOneField("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    automatic = models.BooleanField(_("automatisk kørsel"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("opsætning af opbevaring")
        verbose_name_plural = _("opsætninger af opbevaring")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {'auto' if self.automatic else 'manual'}"


class RetentionRun(models.Model):
    """One application of the rules: who (an administrator, or the worker), when, and counts per kind."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    actor_name = models.CharField(max_length=200, blank=True)
    automatic = models.BooleanField(default=False)
    # {kind: {"youth": young people, "rows": rows, "disposal": "slet"|"anonymiser"|"arkiv"}}
    counts = models.JSONField(default=dict)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sletningskørsel")
        verbose_name_plural = _("sletningskørsler")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-started_at"], name="retention_run_recent")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.started_at:%Y-%m-%d %H:%M} ({self.total})"


class RetentionDone(models.Model):
    """A kind of a young person's data has been anonymised (or deleted) for the course that ended on
    `course_end`: the next run leaves it alone — until a later course of theirs has ended too."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    youth_id = models.BigIntegerField()
    kind = models.CharField(max_length=40)
    course_end = models.DateField(null=True)
    disposal = models.CharField(max_length=12, choices=Disposal.choices)
    run = models.ForeignKey(RetentionRun, on_delete=models.CASCADE, related_name="done")
    done_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["youth_id", "kind"], name="retention_done_once")]
        indexes = [models.Index(fields=["municipality", "kind"], name="retention_done_kind")]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.kind} {self.disposal}"


class ArchiveTransfer(models.Model):
    """The administrator's word that a kind of a young person's data has been handed to the archive: only then
    may a rule that says "afleveres til arkiv" delete it."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    youth_id = models.BigIntegerField()
    kind = models.CharField(max_length=40)
    transferred_at = models.DateTimeField()
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["youth_id", "kind"], name="retention_transferred_once")]
        indexes = [models.Index(fields=["municipality", "kind"], name="retention_transfer_kind")]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.kind} {self.transferred_at:%Y-%m-%d}"
