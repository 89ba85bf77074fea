"""Progression: the taxonomy as data, team assessments over time, and the young person's self-evaluation.

* The indicator set is versioned per municipality: every change by an administrator makes a new version
  (a full copy), and every assessment points at the version it used.
* An assessment is never edited in place: a correction adds an AssessmentVersion saying who and why; the
  newest version is the current one (`is_current`, one per assessment, enforced by the database).
* The young person's own placement is its own row, kept beside the team's even when they differ.
* A self-evaluation round belongs to one young person only; nothing in the system lists or aggregates rounds
  across young people (see tests/test_no_comparison.py).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ungeforlob.progression.levels import Level
from ungeforlob.progression.questionnaire import QUESTIONNAIRE_VERSION, Dimension


class IndicatorSource(models.TextChoices):
    SOURCE = "kilde", _("Fra kilden")
    PROPOSAL = "forslag", _("Forslag")
    LOCAL = "lokal", _("Kommunens egen")


class IndicatorSet(models.Model):
    """One version of a municipality's indicators. Never changed once assessments may point at it."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="indicator_sets")
    version = models.PositiveIntegerField(_("version"))
    change_note = models.CharField(_("ændring"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("indikatorsæt")
        verbose_name_plural = _("indikatorsæt")
        ordering = ["municipality", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "version"], name="indicatorset_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} v{self.version}"


class Indicator(models.Model):
    indicator_set = models.ForeignKey(IndicatorSet, on_delete=models.CASCADE, related_name="indicators")
    # The same indicator across versions (an edit keeps the lineage; a new indicator starts one).
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    text = models.CharField(_("indikator"), max_length=300)
    source = models.CharField(_("oprindelse"), max_length=10, choices=IndicatorSource.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        ordering = ["indicator_set", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["indicator_set", "lineage"], name="indicator_unique_lineage"),
        ]

    def __str__(self) -> str:
        return self.text


class ProgressionSettings(models.Model):
    """A municipality's reassessment rhythm (the projects reassessed every third month)."""

    municipality = models.OneToOneField(
        "accounts.Municipality", on_delete=models.CASCADE, related_name="progression_settings"
    )
    reassessment_months = models.PositiveSmallIntegerField(
        _("revurdering efter (måneder)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    first_assessment_days = models.PositiveSmallIntegerField(
        _("første vurdering senest (dage efter forløbets start)"), default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    due_soon_days = models.PositiveSmallIntegerField(
        _("vis revurderinger (dage før de forfalder)"), default=14,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("rytme for revurdering")
        verbose_name_plural = _("rytmer for revurdering")

    def __str__(self) -> str:
        return f"{self.municipality}: {self.reassessment_months}"


class Assessment(models.Model):
    """A team assessment of one young person's level. Its content lives in versions."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="assessments")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    # The form's one-time key: a double submission finds the first assessment instead of making a second.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("teamvurdering")
        verbose_name_plural = _("teamvurderinger")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.youth} {self.created_at:%Y-%m-%d}"


class AssessmentVersion(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveSmallIntegerField(_("version"))
    is_current = models.BooleanField(default=True)
    assessed_on = models.DateField(_("dato"))
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    overlap_level = models.CharField(_("overlapper med"), max_length=20, choices=Level.choices, blank=True)
    indicator_set = models.ForeignKey(IndicatorSet, on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField(_("begrundelse"), max_length=4000)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("fagpersoner der deltog")
    )
    youth_took_part = models.BooleanField(_("den unge deltog"), default=False)
    other_participants = models.CharField(_("andre deltagere"), max_length=200, blank=True)
    correction_reason = models.CharField(_("hvorfor rettet"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("version af teamvurdering")
        verbose_name_plural = _("versioner af teamvurderinger")
        ordering = ["assessment", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "version"], name="assessmentversion_unique_version"),
            models.UniqueConstraint(
                fields=["assessment"], condition=Q(is_current=True), name="assessmentversion_one_current"
            ),
            models.CheckConstraint(
                condition=~Q(overlap_level=F("level")), name="assessmentversion_overlap_differs"
            ),
        ]
        indexes = [models.Index(fields=["is_current", "assessed_on"], name="assessmentversion_current")]

    def __str__(self) -> str:
        return f"{self.assessment} v{self.version} {self.level}"


class ObservedIndicator(models.Model):
    version = models.ForeignKey(AssessmentVersion, on_delete=models.CASCADE, related_name="observations")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    evidence = models.CharField(_("det har vi set"), max_length=300)

    class Meta:
        verbose_name = _("observeret indikator")
        verbose_name_plural = _("observerede indikatorer")
        ordering = ["version", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "indicator"], name="observedindicator_unique"),
        ]

    def __str__(self) -> str:
        return str(self.indicator_id)


class YouthPlacement(models.Model):
    """Where the young person sees themselves, in their own words. Kept beside the team's assessment."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="placements")
    placed_on = models.DateField(_("dato"))
    level = models.CharField(_("hvor ser du dig selv?"), max_length=20, choices=Level.choices)
    own_words = models.CharField(_("med egne ord"), max_length=1000, blank=True)
    assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="youth_placements"
    )
    by_youth = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("den unges egen placering")
        verbose_name_plural = _("den unges egne placeringer")
        ordering = ["placed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.youth} {self.placed_on} {self.level}"


class RoundStatus(models.TextChoices):
    IN_PROGRESS = "igang", _("I gang")
    KEPT = "gemt", _("Gemt")
    # The young person chose not to keep it: it may be printed, then it is deleted.
    NOT_KEPT = "ikke_gemt", _("Gemmes ikke")


class SelfEvaluationRound(models.Model):
    """One round of the work-readiness self-evaluation, for one young person."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="self_evaluation_rounds")
    questionnaire_version = models.CharField(max_length=10, default=QUESTIONNAIRE_VERSION)
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.IN_PROGRESS)
    by_youth = models.BooleanField(_("udfyldt af den unge alene"), default=False)
    started_at = models.DateTimeField(auto_now_add=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    finished_at = models.DateTimeField(null=True, blank=True)
    follow_up_note = models.TextField(_("opfølgning"), max_length=4000, blank=True)
    follow_up_at = models.DateTimeField(null=True, blank=True)
    follow_up_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("selvevaluering")
        verbose_name_plural = _("selvevalueringer")
        ordering = ["youth", "started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["youth"], condition=Q(status="igang"), name="selfevaluation_one_in_progress"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.started_at:%Y-%m-%d}"

    @property
    def is_in_progress(self) -> bool:
        return self.status == RoundStatus.IN_PROGRESS

    @property
    def is_kept(self) -> bool:
        return self.status == RoundStatus.KEPT


class SelfEvaluationAnswer(models.Model):
    round = models.ForeignKey(SelfEvaluationRound, on_delete=models.CASCADE, related_name="answers")
    statement = models.CharField(max_length=20)
    # 1–5; empty means "ved ikke" (an answer, but not a number). An unanswered statement has no row.
    value = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [
            models.UniqueConstraint(fields=["round", "statement"], name="selfevaluationanswer_unique"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5), name="selfevaluationanswer_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement}={self.value}"


class SelfEvaluationGoal(models.Model):
    """The young person's own goal in one dimension ("hvad vil du gerne blive bedre til?")."""

    round = models.ForeignKey(SelfEvaluationRound, on_delete=models.CASCADE, related_name="goals")
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    text = models.CharField(_("mit mål"), max_length=300)

    class Meta:
        verbose_name = _("mål i selvevaluering")
        verbose_name_plural = _("mål i selvevalueringer")
        constraints = [models.UniqueConstraint(fields=["round", "dimension"], name="selfevaluationgoal_unique")]

    def __str__(self) -> str:
        return self.text


class ProfessionalReading(models.Model):
    """A professional's reading of a round, recorded beside the young person's own answers."""

    round = models.ForeignKey(SelfEvaluationRound, on_delete=models.CASCADE, related_name="readings")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # dimension -> 1..5 (a dimension the professional does not rate is left out)
    scores = models.JSONField(default=dict, blank=True)
    text = models.TextField(_("fagpersonens læsning"), max_length=4000)

    class Meta:
        verbose_name = _("fagpersons læsning")
        verbose_name_plural = _("fagpersoners læsninger")
        ordering = ["round", "created_at"]

    def __str__(self) -> str:
        return f"{self.round_id} {self.author_id}"


class UpvResult(models.TextChoices):
    PARAT = "parat", _("Uddannelsesparat")
    IKKE_PARAT = "ikke_parat", _("Ikke uddannelsesparat")


class EducationReadinessAssessment(models.Model):
    """The formal uddannelsesparathedsvurdering (UPV) under its executive order — recorded BESIDE the taxonomy level.

    A UPV is a legal assessment (faglige, personlige og sociale forudsætninger; parat or ikke-parat) made by the
    school or the youth guidance; the level on the step chart is the team's own reading of the model's
    taxonomy. The two are never merged or derived from each other. (For pupils the UPV was abolished from the
    school year 2024/25; earlier ones, and those still made, are recorded here.)
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="education_readiness")
    assessed_on = models.DateField(_("dato for vurderingen"))
    result = models.CharField(_("resultat"), max_length=12, choices=UpvResult.choices)
    assessed_by = models.CharField(_("vurderet af"), max_length=200,
                                   help_text=_("Fx skolen eller UU-vejlederen, der traf vurderingen."))
    note = models.TextField(_("note"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uddannelsesparathedsvurdering (UPV)")
        verbose_name_plural = _("uddannelsesparathedsvurderinger (UPV)")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"UPV {self.assessed_on}: {self.get_result_display()}"
