"""The quarterly snapshot: one row per young person per quarter, written by the worker.

Leader figures over two years at 80,000 young people cannot be counted from the assessments, stations and
memberships on every page load; the worker writes what each young person's situation was at each quarter's
end (`snapshots.snapshots_refresh`), and the leader pages group these rows. Aggregates only ever leave it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ungeforlob.progression.levels import Level


class AgeBand(models.TextChoices):
    YOUNG = "15-17", _("15–17 år")
    MIDDLE = "18-24", _("18–24 år")
    OLDER = "25-29", _("25–29 år")


class StationSector(models.TextChoices):
    """The sector of a station (the kinds of `transitions.StationKind` grouped as a leader reads them)."""

    SCHOOL = "grundskole", _("Grundskole og 10. klasse")
    FGU = "fgu", _("FGU")
    VOCATIONAL = "eud", _("Erhvervsuddannelse")
    UPPER_SECONDARY = "gymnasial", _("Gymnasial uddannelse og HF/VUC")
    STU = "stu", _("STU")
    JOB = "job", _("Job")
    JOBCENTRE = "jobcenter", _("Jobcenter")
    OTHER = "andet", _("Andet")
    NONE = "ingen", _("Ingen station")


class CourseState(models.TextChoices):
    OPEN = "aaben", _("I forløb ved kvartalets udgang")
    ENDED = "afsluttet", _("Forløb afsluttet i kvartalet")


class QuarterSnapshot(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="+")
    quarter = models.DateField()  # the quarter's first day
    level = models.CharField(max_length=20, choices=Level.choices, blank=True)  # "" = not assessed yet
    previous_level = models.CharField(max_length=20, choices=Level.choices, blank=True)
    # Days the young person spent at `previous_level`, when that spell ended in this quarter.
    days_at_previous_level = models.PositiveIntegerField(null=True, blank=True)
    course_state = models.CharField(max_length=10, choices=CourseState.choices)
    sector = models.CharField(max_length=12, choices=StationSector.choices)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.SET_NULL, null=True, related_name="+")
    team = models.ForeignKey("accounts.Team", on_delete=models.SET_NULL, null=True, related_name="+")
    age_band = models.CharField(max_length=5, choices=AgeBand.choices, blank=True)
    # The latest contact (targets.contact: meeting, SMS either way, check-in, note) in the CONTACT_DAYS days up to
    # the quarter's last day (or the day it was computed, for the running quarter); null when none.
    last_contact = models.DateField(null=True, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kvartalsopgørelse")
        verbose_name_plural = _("kvartalsopgørelser")
        constraints = [models.UniqueConstraint(fields=["youth", "quarter"], name="quartersnapshot_unique")]
        indexes = [models.Index(fields=["municipality", "quarter"], name="quartersnapshot_mun_quarter")]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.quarter}"
