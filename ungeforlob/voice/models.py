"""What leaders do with the young people's voice: a review of each comment, and the choice to be compared."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackReview(models.Model):
    """A leader has read one comment from "Hvordan går det?" and, perhaps, written what was done about it.

    One row per comment (the feedback itself stays anonymous in the portal). `answer` is kept apart from the
    comment so a later page can show the young people what was done without showing who said what.
    `version` is bumped on every save: two leaders answering at once do not overwrite each other.
    """

    feedback = models.OneToOneField("portal.ServiceFeedback", on_delete=models.CASCADE, related_name="review")
    read_at = models.DateTimeField(_("læst"))
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField(_("hvad blev der gjort"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("gennemgang af kommentar")
        verbose_name_plural = _("gennemgange af kommentarer")

    def __str__(self) -> str:
        return f"review of feedback {self.feedback_id}"


class BenchmarkOptIn(models.Model):
    """A municipality's leaders chose to compare their key figures with the other municipalities by name."""

    municipality = models.OneToOneField("accounts.Municipality", on_delete=models.CASCADE,
                                        related_name="benchmark_opt_in")
    opted_in = models.BooleanField(_("deltager i sammenligning"), default=False)
    changed_at = models.DateTimeField(_("ændret"))
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("tilvalg af sammenligning")
        verbose_name_plural = _("tilvalg af sammenligning")

    def __str__(self) -> str:
        return f"benchmark opt-in {self.municipality_id}: {self.opted_in}"


class ReportDocument(models.Model):
    """A quarterly report rendered as PDF, kept so the committee's download does not wait for WeasyPrint.

    The worker prepares the last completed quarter's report every six hours (job
    `voice_reports_prepare`); a leader can have it made again at once. Aggregates only, like the report."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    quarter_code = models.CharField(max_length=7)
    pdf = models.BinaryField()
    rendered_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "quarter_code"],
                                               name="report_document_one_per_quarter")]
        verbose_name = _("kvartalsrapport som PDF")
        verbose_name_plural = _("kvartalsrapporter som PDF")

    def __str__(self) -> str:
        return f"report {self.municipality_id} {self.quarter_code}"


class BenchmarkFigures(models.Model):
    """One municipality's unsuppressed key figures over `span` quarters up to `until`, kept by the worker (job
    `voice_benchmark_refresh`) so the comparison between municipalities reads one row each. Counts, shares'
    parts, medians with their n: no person behind them, and never shown without suppression."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    until = models.CharField(max_length=7)  # the last quarter's code, e.g. "2026-3"
    span = models.PositiveSmallIntegerField()
    figures = models.JSONField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["until", "span", "municipality"],
                                               name="benchmark_figures_one_per_period")]

    def __str__(self) -> str:
        return f"benchmark figures {self.municipality_id} {self.until}/{self.span}"
