"""Log review (stikprøvekontrol): each month's weighted sample of reads in the audit log, and its reviews.

A sampled row is a snapshot of the audit row it was drawn from (the log itself is append-only and partitioned by
month on PostgreSQL, so it is referred to by id, not by foreign key). The data protection officer reviews each row:
justified, ask the person who read, or not justified; asking sends the person a notification and their answer is
kept on the row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LogSample(models.Model):
    """One municipality's sample of one month's reads (at most one per month: the job is idempotent)."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("måned"))  # the first day of the month
    seed = models.BigIntegerField()  # the random generator's seed: the same log and seed draw the same rows
    population = models.PositiveIntegerField(_("opslag i måneden"), default=0)
    unusual = models.PositiveIntegerField(_("heraf usædvanlige"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stikprøve")
        verbose_name_plural = _("stikprøver")
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["municipality", "month"], name="logsample_one_per_month")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.month:%Y-%m}"


class Outcome(models.TextChoices):
    JUSTIFIED = "justified", _("Begrundet")
    ASK = "ask", _("Spørg medarbejderen")
    NOT_JUSTIFIED = "not_justified", _("Ikke begrundet")


class Reason(models.TextChoices):
    """Why a read counts as unusual (the weighting in `weighting.py`)."""

    EMERGENCY = "emergency", _("Nødadgang")
    CPR_REVEAL = "cpr_reveal", _("Fuldt CPR-nummer vist")
    MANY_YOUTH = "many_youth", _("Mange unge på kort tid")
    OFF_HOURS = "off_hours", _("Uden for arbejdstid")


class SampledRead(models.Model):
    """One read drawn into a sample, as the log said it, and its review."""

    sample = models.ForeignKey(LogSample, on_delete=models.CASCADE, related_name="rows")
    event_id = models.BigIntegerField()
    read_at = models.DateTimeField(_("tidspunkt"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor_name = models.CharField(_("medarbejder"), max_length=200, blank=True)
    actor_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    youth_id = models.BigIntegerField(_("ung nr."), null=True)
    # Set (and youth_id emptied) when the young person's record is anonymised, as in the audit log itself.
    youth_pseudonym = models.CharField(max_length=64, blank=True)
    action = models.CharField(_("handling"), max_length=20)
    object_type = models.CharField(_("hvad"), max_length=60, blank=True)
    purpose = models.CharField(_("formål"), max_length=300, blank=True)
    reasons = models.JSONField(default=list, blank=True)  # Reason values
    weight = models.FloatField(default=1.0)
    # Whether the person (or a team of theirs) was in the young person's circle on the day of the read; None: unknown.
    in_circle = models.BooleanField(_("i kæden på dagen"), null=True)

    outcome = models.CharField(_("vurdering"), max_length=20, choices=Outcome.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    question = models.TextField(_("spørgsmål"), blank=True)
    asked_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("svar"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)  # optimistic locking of the review

    class Meta:
        verbose_name = _("udtrukket opslag")
        verbose_name_plural = _("udtrukne opslag")
        ordering = ["read_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["sample", "event_id"], name="sampledread_once")]

    def __str__(self) -> str:
        return f"{self.read_at:%Y-%m-%d %H:%M} {self.actor_name}"

    @property
    def reason_labels(self) -> list[str]:
        labels = dict(Reason.choices)
        return [str(labels[r]) for r in self.reasons if r in labels]
