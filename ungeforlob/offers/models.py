"""The catalogue of offers (tilbud/indsatser) per municipality, and promising-practice assessments.

The catalogue is not personal data: every professional of the municipality may read it. Anything that
ties an offer to a young person (the plan's activities) lives in the plans app and is read through the
access policy.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Sector


class ReadinessLevel(models.TextChoices):
    """The five levels of the taxonomy of youth progression, lowest first."""

    KONTAKTPARAT = "kontaktparat", _("Kontaktparat")
    VEJLEDNINGSPARAT = "vejledningsparat", _("Vejledningsparat")
    VALGPARAT = "valgparat", _("Valgparat")
    UDDANNELSESPARAT = "uddannelsesparat", _("Uddannelsesparat")
    ERHVERVSPARAT = "erhvervsparat", _("Erhvervsparat")


class Phase(models.TextChoices):
    """Where in the youth's way the offer sits (the sections of the inspiration catalogue)."""

    GRUNDSKOLE = "grundskole", _("I grundskolen")
    EFTER_GRUNDSKOLE = "efter_grundskole", _("Efter grundskolen")
    FASTHOLDELSE = "fastholdelse", _("Fastholdelse i uddannelse")
    ANDET = "andet", _("Andet")


class NeedTag(models.Model):
    """A need an offer answers (angst, ordblindhed, misbrug …): the municipality's own vocabulary."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="need_tags")
    name = models.CharField(_("behov"), max_length=60)

    class Meta:
        verbose_name = _("behov")
        verbose_name_plural = _("behov")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="needtag_unique_name")]

    def __str__(self) -> str:
        return self.name


class Offer(models.Model):
    """One offer in a municipality's catalogue.

    `code` is the stable key for import/export: re-importing a file with the same code updates the offer.
    `readiness` holds the suited taxonomy levels as space-separated codes (portable across SQLite and
    PostgreSQL; no level code is a substring of another, so `readiness__contains` filters exactly).
    """

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="offers")
    code = models.SlugField(_("kode"), max_length=80, help_text=_("Fast nøgle ved import og eksport."))
    name = models.CharField(_("navn"), max_length=200)
    provider = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="offers",
        verbose_name=_("udbyder (organisation i kommunen)"),
    )
    provider_name = models.CharField(_("udbyder"), max_length=200, blank=True)
    context = models.CharField(_("kommune eller ejer"), max_length=300, blank=True)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices, blank=True)
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, default=Phase.ANDET)
    focus = models.TextField(_("formål"), max_length=2000, blank=True)
    description = models.TextField(_("beskrivelse"), max_length=4000, blank=True)
    target_group = models.TextField(_("målgruppe"), max_length=2000, blank=True)
    age_min = models.PositiveSmallIntegerField(_("alder fra"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("alder til"), null=True, blank=True)
    readiness = models.CharField(_("parathedsniveauer"), max_length=100, blank=True)
    need_tags = models.ManyToManyField(NeedTag, blank=True, related_name="offers", verbose_name=_("behov"))
    anchoring = models.CharField(
        _("forankring"), max_length=500, blank=True,
        help_text=_("Organisationerne bag tilbuddet, adskilt af |."),
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=150, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("pladser"), null=True, blank=True, help_text=_("Tomt betyder ingen fast grænse.")
    )
    waiting_list = models.PositiveIntegerField(_("på venteliste"), default=0)
    financing_note = models.TextField(_("finansiering"), max_length=1000, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("tilbud")
        verbose_name_plural = _("tilbud")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="offer_unique_code"),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_max__gte=F("age_min")),
                name="offer_age_range_ordered",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "is_active", "name"], name="offer_muni_active_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("offers:detail", args=[self.pk])

    @property
    def readiness_levels(self) -> list[ReadinessLevel]:
        codes = set(self.readiness.split())
        return [level for level in ReadinessLevel if level.value in codes]

    @property
    def anchoring_list(self) -> list[str]:
        return [part.strip() for part in self.anchoring.split("|") if part.strip()]

    @property
    def is_full(self) -> bool:
        """All places taken (reads the `in_use` annotation from offers.selectors; False without it)."""
        return self.capacity is not None and getattr(self, "in_use", 0) >= self.capacity

    @property
    def free_places(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - getattr(self, "in_use", 0))

    @property
    def age_range_display(self) -> str:
        if self.age_min is not None and self.age_max is not None:
            return gettext("%(low)d–%(high)d år") % {"low": self.age_min, "high": self.age_max}
        if self.age_min is not None:
            return gettext("fra %(low)d år") % {"low": self.age_min}
        if self.age_max is not None:
            return gettext("op til %(high)d år") % {"high": self.age_max}
        return ""


class PracticeElement(models.TextChoices):
    """Socialstyrelsen's eleven elements of promising practice (lovende praksis)."""

    TEORI_OG_VIDEN = "teori_og_viden", _("Teori og viden")
    VIRKNING = "virkning", _("Virkning")
    BESKRIVELSE = "beskrivelse", _("Beskrivelse")
    MAAL = "maal", _("Mål")
    OVERFOERBARHED = "overfoerbarhed", _("Overførbarhed")
    OEKONOMI = "oekonomi", _("Økonomi")
    FAGLIG_REFLEKSION = "faglig_refleksion", _("Faglig refleksion")
    RELATIONELT_SAMARBEJDE = "relationelt_samarbejde", _("Relationelt samarbejde")
    INDIVIDUEL_TILRETTELAEGGELSE = "individuel_tilrettelaeggelse", _("Individuel tilrettelæggelse")
    MONITORERING = "monitorering", _("Monitorering")
    OPFOELGNING = "opfoelgning", _("Opfølgning")


class PracticeRating(models.IntegerChoices):
    NOT_ASSESSED = 0, _("Ikke vurderet")
    NOT_MET = 1, _("Ikke opfyldt")
    PARTLY = 2, _("Delvist opfyldt")
    MET = 3, _("Opfyldt")


class PracticeAssessment(models.Model):
    """One element of an offer's promising-practice profile: a simple rating and the evidence behind it."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="assessments")
    element = models.CharField(_("element"), max_length=40, choices=PracticeElement.choices)
    rating = models.PositiveSmallIntegerField(
        _("vurdering"), choices=PracticeRating.choices, default=PracticeRating.NOT_ASSESSED
    )
    evidence = models.TextField(_("dokumentation"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("vurdering af lovende praksis")
        verbose_name_plural = _("vurderinger af lovende praksis")
        constraints = [
            models.UniqueConstraint(fields=["offer", "element"], name="assessment_unique_element"),
            models.CheckConstraint(condition=Q(rating__gte=0) & Q(rating__lte=3), name="assessment_rating_range"),
        ]

    def __str__(self) -> str:
        return f"{self.offer} – {self.get_element_display()}"


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Venter")
    RUNNING = "running", _("I gang")
    DONE = "done", _("Færdig")


class OfferImport(models.Model):
    """One upload of a catalogue file, imported in chunks so a long file shows a progress bar.

    The parsed rows wait in `rows` (line number + values) until processed; `errors` collects every
    rejected row with its line and a Danish reason.
    """

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    rows = models.JSONField(default=list, blank=True)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    notices = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("import af tilbud")
        verbose_name_plural = _("importer af tilbud")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, round(100 * self.processed / self.total))
