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
