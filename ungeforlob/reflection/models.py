"""The model in our municipality ("Modellen hos os") and the Kontaktperson+ competence profile.

The model's elements and guiding questions, and the generic competence profile, ship as data
(`data/model.json`) and are copied into each municipality's own rows, which the municipality then rewords,
extends and retires. Nothing here is about a young person: reflections are about the practice of a group of
professionals.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Municipality

TEXT_MAX = 4000


class Side(models.TextChoices):
    YOUTH = "youth", _("Ungeprogression")
    CHAIN = "chain", _("I kædeansvaret")


class Element(models.Model):
    """One element of the model (e.g. "Den unges meddesign"), as the municipality words it."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="model_elements")
    key = models.SlugField(max_length=40)
    side = models.CharField(_("del af modellen"), max_length=10, choices=Side.choices)
    title = models.CharField(_("titel"), max_length=120)
    summary = models.TextField(_("beskrivelse"), max_length=1000, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "key"], name="reflection_element_key")]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """A guiding question (vejledende spørgsmål) of one element. Retired questions keep their old answers."""

    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("spørgsmål"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class GroupKind(models.TextChoices):
    TEAM = "team", _("Team")
    LEADERSHIP = "leadership", _("Ledelsesgruppe")
    CHAIN = "chain", _("Tværgående kædegruppe")


class ReflectionGroup(models.Model):
    """A team, a leadership group or a cross-organisation chain group that reflects together."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="reflection_groups")
    name = models.CharField(_("navn"), max_length=150)
    kind = models.CharField(_("slags gruppe"), max_length=20, choices=GroupKind.choices, default=GroupKind.TEAM)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="reflection_groups",
                                     verbose_name=_("medlemmer"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Reflection(models.Model):
    """One sitting of a group with the model's questions: answers, maturity ratings and agreed actions."""

    group = models.ForeignKey(ReflectionGroup, on_delete=models.CASCADE, related_name="reflections")
    held_on = models.DateField(_("dato"))
    title = models.CharField(_("overskrift"), max_length=150, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["group", "held_on"])]

    def __str__(self) -> str:
        return self.title or str(self.held_on)


class Answer(models.Model):
    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(max_length=TEXT_MAX)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reflection", "question"], name="reflection_answer_once")]

    def __str__(self) -> str:
        return self.text[:50]


class Rating(models.Model):
    """The group's maturity rating of one element, 1–4 (see `selectors.maturity_scale`)."""

    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="ratings")
    element = models.ForeignKey(Element, on_delete=models.PROTECT, related_name="ratings")
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reflection", "element"], name="reflection_rating_once"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=4), name="reflection_rating_1_4"),
        ]

    def __str__(self) -> str:
        return f"{self.element_id}: {self.level}"


class AgreedAction(models.Model):
    """Something the group agreed to do, with an owner and a date (shown on the owner's I dag when due)."""

    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("handling"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reflection_actions",
                              verbose_name=_("ansvarlig"))
    due = models.DateField(_("dato"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["owner", "done_at", "due"])]

    def __str__(self) -> str:
        return self.text


class Competence(models.Model):
    """One competence of the Kontaktperson+ profile, as the municipality words it. Retired ones keep ratings."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="competences")
    title = models.CharField(_("kompetence"), max_length=120)
    description = models.TextField(_("beskrivelse"), max_length=1000, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class SelfRating(models.Model):
    """A professional's own rating of one competence, 1–4 (3 and 4 count as strong)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_ratings")
    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, related_name="self_ratings")
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    rated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "competence"], name="reflection_selfrating_once"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=4), name="reflection_selfrating_1_4"),
        ]

    def __str__(self) -> str:
        return f"{self.competence_id}: {self.level}"


class DevelopmentItem(models.Model):
    """A step in a professional's development plan, usually closing a gap in the competence profile."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_items")
    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="development_items", verbose_name=_("kompetence"))
    text = models.CharField(_("hvad vil du gøre?"), max_length=300)
    due = models.DateField(_("dato"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["person", "done_at", "due"])]

    def __str__(self) -> str:
        return self.text
