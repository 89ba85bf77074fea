"""Education places and attendance.

*Education places* are what the contact persons need to know about the schools a young person may go to ("hvilke
har en kvote?"): institutions (with the national institution number, so imported education events can link to
them), their programmes, each programme's intakes with application deadlines, admission requirements, quotas
and a contact at the institution. They hold no personal data about young people.

*Attendance* is an early signal: a partner in the circle records a week's share of absence on a station; above the
municipality's threshold the contact person is prompted to raise or answer a concern.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class InstitutionKind(models.TextChoices):
    FGU = "fgu", _("FGU")
    EUD = "eud", _("Erhvervsuddannelse (EUD)")
    UPPER_SECONDARY = "gymnasium", _("Gymnasial uddannelse")
    HF_VUC = "hf_vuc", _("HF/VUC")
    TENTH_GRADE = "10_klasse", _("10. klasse")
    STU = "stu", _("STU")
    HIGHER = "videregaaende", _("Videregående uddannelse")
    OTHER = "andet", _("Andet")


class Institution(models.Model):
    """A school or education institution in or near the municipality."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("navn"), max_length=150)
    institution_number = models.CharField(
        _("institutionsnummer"), max_length=20, blank=True,
        help_text=_("Det nationale institutionsnummer (fx fra Uddannelsesstatistik). Bruges til at koble "
                    "indlæste uddannelseshændelser til stedet."))
    kind = models.CharField(_("type"), max_length=20, choices=InstitutionKind.choices)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    contact_name = models.CharField(_("kontaktperson på stedet"), max_length=150, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("uddannelsessted")
        verbose_name_plural = _("uddannelsessteder")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="education_institution_unique_name"),
            models.UniqueConstraint(fields=["municipality", "institution_number"],
                                    condition=~Q(institution_number=""), name="education_institution_unique_number"),
        ]

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    """A programme (uddannelse) at an institution: its admission requirements and quota."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="programmes")
    name = models.CharField(_("uddannelse"), max_length=150)
    admission_requirements = models.TextField(_("adgangskrav"), max_length=2000, blank=True)
    has_quota = models.BooleanField(_("kvote"), default=False,
                                    help_text=_("Sæt kryds, hvis uddannelsen har et fast antal pladser."))
    quota_places = models.PositiveIntegerField(_("antal pladser i kvoten"), null=True, blank=True,
                                               validators=[MaxValueValidator(100000)])
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("uddannelse")
        verbose_name_plural = _("uddannelser")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "name"], name="education_programme_unique_name"),
            models.CheckConstraint(condition=Q(has_quota=True) | Q(quota_places__isnull=True),
                                   name="education_programme_places_only_with_quota"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.institution.name}"


class Intake(models.Model):
    """One intake (optag) of a programme: when it starts and by when one must apply."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="intakes")
    starts_on = models.DateField(_("studiestart"))
    application_deadline = models.DateField(_("ansøgningsfrist"), null=True, blank=True)

    class Meta:
        verbose_name = _("optag")
        verbose_name_plural = _("optag")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "starts_on"], name="education_intake_unique_start"),
            models.CheckConstraint(
                condition=Q(application_deadline__isnull=True) | Q(application_deadline__lte=models.F("starts_on")),
                name="education_intake_deadline_before_start"),
        ]
        indexes = [
            models.Index(fields=["programme", "starts_on"], name="education_intake_next"),
            models.Index(fields=["application_deadline"], name="education_intake_deadline"),
        ]

    def __str__(self) -> str:
        return f"{self.programme.name} {self.starts_on:%d.%m.%Y}"


class StationPlace(models.Model):
    """Where a station is: the programme (of an institution) a young person's station points to.

    A link model, so the transitions app stays as it is: a station has at most one place."""

    station = models.OneToOneField("transitions.Station", on_delete=models.CASCADE, related_name="education_place")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="stations")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("stationens uddannelsessted")
        verbose_name_plural = _("stationers uddannelsessteder")
        indexes = [models.Index(fields=["youth"], name="education_place_youth")]

    def __str__(self) -> str:
        return str(self.programme)


DEFAULT_THRESHOLD = 20


class AttendanceSettings(models.Model):
    """The municipality's threshold: a week's absence above it prompts the contact person."""

    municipality = models.OneToOneField("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    threshold_percent = models.PositiveSmallIntegerField(
        _("tærskel for fravær (%)"), default=DEFAULT_THRESHOLD,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Når en uges fravær er over denne andel, bliver kontaktpersonen bedt om at rejse eller "
                    "besvare en bekymring."))
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("indstilling for fravær")
        verbose_name_plural = _("indstillinger for fravær")

    def __str__(self) -> str:
        return f"{self.threshold_percent} %"


class AttendanceRecord(models.Model):
    """One week's absence on a station, recorded by a partner in the circle ("uge 48: 30 % fravær").

    `week` is the Monday of the ISO week. Recording the same week again replaces the figure (the API will send
    corrections). `over_threshold` keeps the threshold in force when it was recorded; the prompt is answered when
    the contact person raises a concern (`concern`) or answers that none is needed (`answer`)."""

    station = models.ForeignKey("transitions.Station", on_delete=models.CASCADE, related_name="attendance")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="+")
    week = models.DateField(_("uge"))
    absence_percent = models.PositiveSmallIntegerField(_("fravær (%)"), validators=[MaxValueValidator(100)])
    note = models.CharField(_("bemærkning"), max_length=500, blank=True)
    threshold_percent = models.PositiveSmallIntegerField(default=DEFAULT_THRESHOLD)
    over_threshold = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    answer = models.CharField(_("svar"), max_length=500, blank=True)
    concern = models.ForeignKey("chain.Concern", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("fravær")
        verbose_name_plural = _("fravær")
        ordering = ["week", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["station", "week"], name="education_attendance_one_per_week"),
            models.CheckConstraint(condition=Q(absence_percent__lte=100), name="education_attendance_percent"),
        ]
        indexes = [
            # The prompts waiting for an answer: a small part of the table, found without a scan (I dag).
            models.Index(fields=["youth", "week"], name="education_attendance_prompt",
                         condition=Q(over_threshold=True, answered_at__isnull=True)),
            models.Index(fields=["youth", "week"], name="education_attendance_youth"),
        ]

    def __str__(self) -> str:
        return f"{self.week_label}: {self.absence_percent} %"

    @property
    def week_label(self) -> str:
        year, number, _day = self.week.isocalendar()
        return str(_("uge %(n)s, %(y)s") % {"n": number, "y": year})

    @property
    def is_prompt_open(self) -> bool:
        return self.over_threshold and self.answered_at is None


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())
