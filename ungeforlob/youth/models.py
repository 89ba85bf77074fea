"""The young person (den unge), their guardians and their courses (forløb) over time."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.youth import cpr


class Youth(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="youths")
    first_name = models.CharField(_("fornavn"), max_length=100)
    last_name = models.CharField(_("efternavn"), max_length=100)
    preferred_name = models.CharField(
        _("kaldenavn"), max_length=100, blank=True, help_text=_("Det navn den unge gerne vil kaldes.")
    )
    # CPR: encrypted at rest; looked up by a keyed hash; the birth date is derived from it.
    cpr_encrypted = models.TextField(editable=False)
    cpr_hash = models.CharField(max_length=64, editable=False)
    birth_date = models.DateField(_("fødselsdato"))
    mobile = models.CharField(_("mobilnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # The language of Min side and of what is written to the young person (SMS, notices).
    language = models.CharField(_("sprog"), max_length=8, choices=settings.LANGUAGES, default="da")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ung")
        verbose_name_plural = _("unge")
        ordering = ["first_name", "last_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "cpr_hash"], name="youth_unique_cpr"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("youth:detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def cpr_masked(self) -> str:
        return cpr.mask(self.birth_date)

    def cpr_reveal(self) -> str:
        """The full number. Only `youth.services.youth_reveal_cpr` calls this, and it audits the reveal."""
        digits = cpr.decrypt(self.cpr_encrypted)
        return f"{digits[:6]}-{digits[6:]}"

    def age_on(self, day: datetime.date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int:
        return self.age_on(timezone.localdate())


class GuardianRelation(models.TextChoices):
    MOTHER = "mor", _("Mor")
    FATHER = "far", _("Far")
    GUARDIAN = "vaerge", _("Værge")
    FOSTER = "plejeforaelder", _("Plejeforælder")
    OTHER = "anden", _("Anden")


class Guardian(models.Model):
    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="guardians")
    name = models.CharField(_("navn"), max_length=150)
    relation = models.CharField(_("relation"), max_length=20, choices=GuardianRelation.choices)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    has_custody = models.BooleanField(_("har forældremyndighed"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forælder eller værge")
        verbose_name_plural = _("forældre og værger")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relation_display()})"


class CourseEndReason(models.TextChoices):
    EDUCATION = "uddannelse", _("I uddannelse")
    JOB = "job", _("I job")
    MOVED = "flyttet", _("Flyttet fra kommunen")
    AGE = "alder", _("Over aldersgrænsen")
    DECLINED = "fravalgt", _("Den unge ønskede at stoppe")
    OTHER_SUPPORT = "anden_indsats", _("Overgået til anden indsats")
    OTHER = "andet", _("Andet")


class Course(models.Model):
    """A forløb: one coherent course for one young person, from start to end."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="courses")
    start_date = models.DateField(_("startdato"))
    end_date = models.DateField(_("slutdato"), null=True, blank=True)
    end_reason = models.CharField(_("afslutningsårsag"), max_length=20, choices=CourseEndReason.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("forløb")
        verbose_name_plural = _("forløb")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="course_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["youth"], condition=Q(end_date__isnull=True), name="course_one_open_per_youth"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth} {self.start_date}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


class AccessRequestStatus(models.TextChoices):
    OPEN = "aaben", _("Venter på svar")
    ACCEPTED = "imoedekommet", _("Imødekommet")
    DECLINED = "afvist", _("Afvist")


class AccessRequest(models.Model):
    """A professional asks to join a young person's circle (kæden).

    Made when someone tries to register a young person whose CPR number is already registered in the
    municipality and they are not in that young person's circle: the contact person decides (see
    `youth.access_requests`).
    """

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="access_requests")
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("begrundelse"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=AccessRequestStatus.choices,
                              default=AccessRequestStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decision_note = models.CharField(_("svar"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("anmodning om adgang")
        verbose_name_plural = _("anmodninger om adgang")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["asker", "created_at"], name="access_request_asker_day")]
        constraints = [
            models.UniqueConstraint(fields=["youth", "asker"], condition=Q(status="aaben"),
                                    name="access_request_one_open"),
        ]

    def __str__(self) -> str:
        return f"{self.asker} → {self.youth_id} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == AccessRequestStatus.OPEN
