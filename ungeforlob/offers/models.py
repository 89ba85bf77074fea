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


# ------------------------------------------------------------------------------------- method and effect


class CostUnit(models.TextChoices):
    PER_PLACE_MONTH = "plads_maaned", _("pr. plads pr. måned")
    PER_COURSE = "forloeb", _("pr. forløb")


class OfferMethod(models.Model):
    """What an offer does and what it aims at, its staffing, its price and its own targets for the fact box.

    Not personal data: it describes the offer. One row per offer, made the first time someone saves it;
    `version` is for optimistic locking (core.forms.StaleEdit). Targets are optional: an empty target is
    not shown.
    """

    offer = models.OneToOneField(Offer, on_delete=models.CASCADE, related_name="method")
    method = models.TextField(_("metode"), max_length=4000, blank=True,
                              help_text=_("Hvad gør tilbuddet, hvor ofte og hvordan."))
    change = models.TextField(_("forandring, tilbuddet sigter mod"), max_length=2000, blank=True)
    change_signs = models.TextField(_("hvordan forandringen ses"), max_length=2000, blank=True,
                                    help_text=_("Hvad man kan se eller måle, når det virker."))
    advisers = models.DecimalField(_("medarbejdere (årsværk)"), max_digits=5, decimal_places=1, null=True,
                                   blank=True, help_text=_("Antal medarbejdere om de unge, i hele årsværk."))
    cost_amount = models.DecimalField(_("pris (kr.)"), max_digits=10, decimal_places=0, null=True, blank=True)
    cost_unit = models.CharField(_("prisen gælder"), max_length=20, choices=CostUnit.choices,
                                 default=CostUnit.PER_PLACE_MONTH)
    target_served = models.PositiveIntegerField(_("mål: unge pr. år"), null=True, blank=True)
    target_education_share = models.PositiveSmallIntegerField(_("mål: andel til uddannelse (%)"), null=True,
                                                              blank=True)
    target_job_share = models.PositiveSmallIntegerField(_("mål: andel til job (%)"), null=True, blank=True)
    target_median_days = models.PositiveIntegerField(_("mål: varighed (dage, median)"), null=True, blank=True)
    target_retention_3 = models.PositiveSmallIntegerField(_("mål: fastholdt efter 3 måneder (%)"), null=True,
                                                          blank=True)
    target_retention_6 = models.PositiveSmallIntegerField(_("mål: fastholdt efter 6 måneder (%)"), null=True,
                                                          blank=True)
    target_retention_12 = models.PositiveSmallIntegerField(_("mål: fastholdt efter 12 måneder (%)"), null=True,
                                                           blank=True)
    target_per_adviser = models.DecimalField(_("mål: unge pr. medarbejder"), max_digits=5, decimal_places=1,
                                             null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("metode og effekt")
        verbose_name_plural = _("metode og effekt")
        constraints = [
            models.CheckConstraint(
                condition=(Q(target_education_share__isnull=True) | Q(target_education_share__lte=100))
                & (Q(target_job_share__isnull=True) | Q(target_job_share__lte=100))
                & (Q(target_retention_3__isnull=True) | Q(target_retention_3__lte=100))
                & (Q(target_retention_6__isnull=True) | Q(target_retention_6__lte=100))
                & (Q(target_retention_12__isnull=True) | Q(target_retention_12__lte=100)),
                name="offermethod_percent_targets",
            ),
            models.CheckConstraint(condition=Q(advisers__isnull=True) | Q(advisers__gt=0),
                                   name="offermethod_advisers_positive"),
        ]

    def __str__(self) -> str:
        return gettext("Metode og effekt: %(offer)s") % {"offer": self.offer}


class FidelityItem(models.Model):
    """One point of an offer's fidelity checklist ("gør vi det, metoden siger?").

    An item taken off the list is kept inactive, so earlier rounds still show what was asked.
    """

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="fidelity_items")
    text = models.CharField(_("punkt"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("punkt i troskabstjekliste")
        verbose_name_plural = _("punkter i troskabstjekliste")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class FidelityAnswerValue(models.TextChoices):
    YES = "ja", _("Ja")
    PARTLY = "delvist", _("Delvist")
    NO = "nej", _("Nej")


class FidelityRound(models.Model):
    """One time the offer's staff went through the checklist."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="fidelity_rounds")
    held_on = models.DateField(_("dato"))
    note = models.TextField(_("samlet bemærkning"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("runde i troskabstjekliste")
        verbose_name_plural = _("runder i troskabstjekliste")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.offer} {self.held_on}"


class FidelityAnswer(models.Model):
    round = models.ForeignKey(FidelityRound, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(FidelityItem, on_delete=models.PROTECT, related_name="answers")
    answer = models.CharField(_("svar"), max_length=10, choices=FidelityAnswerValue.choices)
    comment = models.CharField(_("kommentar"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("svar i troskabstjekliste")
        verbose_name_plural = _("svar i troskabstjekliste")
        ordering = ["item__position", "item_id"]
        constraints = [models.UniqueConstraint(fields=["round", "item"], name="fidelityanswer_unique_item")]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_answer_display()}"


class EvaluationEntry(models.Model):
    """A dated entry in the offer's evaluation log (what was evaluated, what was learnt, what changes)."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="evaluation_entries")
    entry_date = models.DateField(_("dato"))
    text = models.TextField(_("evaluering"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("evaluering")
        verbose_name_plural = _("evalueringslog")
        ordering = ["-entry_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.offer} {self.entry_date}"
