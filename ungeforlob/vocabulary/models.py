"""The municipality's shared language and local settings.

* Term – the glossary (fælles sprog): a term, its agreed meaning, examples, who agreed it and when. Shipped
  terms carry a `key`; a key that names a label drawn across the product (a level, a role) makes the term
  *in use*: deleting it archives it instead.
* RoleDescription – what a chain role means here, for staff and in plain words for the young person.
  Without a row the shipped default applies.
* MethodTag – the methods an activity can draw on. Without rows the shipped list applies; retired tags stay
  readable on the activities that use them.
* AgeBounds – the target group's age range (default 15–29).
* Approach – an organisation's own description of its approach and methods (afklaring af tilgange).

No personal data about young people lives here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import ChainRole


class Term(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="terms")
    key = models.SlugField(_("nøgle"), max_length=60, blank=True,
                           help_text=_("Bruges af systemet til at finde begrebet ved en etiket."))
    term = models.CharField(_("begreb"), max_length=80)
    meaning = models.TextField(_("aftalt betydning"), max_length=1500)
    examples = models.TextField(_("eksempler"), max_length=1500, blank=True)
    agreed_by = models.CharField(_("aftalt af"), max_length=150, blank=True)
    agreed_on = models.DateField(_("aftalt den"), null=True, blank=True)
    is_archived = models.BooleanField(_("arkiveret"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("begreb")
        verbose_name_plural = _("begreber")
        ordering = ["term", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "term"], name="vocabulary_term_unique_term"),
            models.UniqueConstraint(fields=["municipality", "key"], condition=~Q(key=""),
                                    name="vocabulary_term_unique_key"),
        ]

    def __str__(self) -> str:
        return self.term

    @property
    def anchor(self) -> str:
        return f"begreb-{self.pk}"


class RoleDescription(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE,
                                     related_name="role_descriptions")
    role = models.CharField(_("rolle"), max_length=30, choices=ChainRole.choices)
    staff_text = models.TextField(_("beskrivelse for fagfolk"), max_length=2000)
    youth_helps = models.CharField(_("kan hjælpe med (til den unge)"), max_length=300)
    youth_not = models.CharField(_("kan ikke (til den unge)"), max_length=300, blank=True)
    decides = models.BooleanField(_("kan træffe afgørelser om den unge"), default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("rollebeskrivelse")
        verbose_name_plural = _("rollebeskrivelser")
        ordering = ["role"]
        constraints = [models.UniqueConstraint(fields=["municipality", "role"], name="vocabulary_role_unique")]

    def __str__(self) -> str:
        return self.get_role_display()


class MethodTag(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="method_tags")
    code = models.SlugField(_("kode"), max_length=40)
    label = models.CharField(_("metode"), max_length=80)
    description = models.CharField(_("kort beskrivelse"), max_length=300, blank=True)
    is_retired = models.BooleanField(_("udgået"), default=False)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("metode")
        verbose_name_plural = _("metoder")
        ordering = ["position", "label", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="vocabulary_method_unique_code"),
            models.UniqueConstraint(fields=["municipality", "label"], name="vocabulary_method_unique_label"),
        ]

    def __str__(self) -> str:
        return self.label


class AgeBounds(models.Model):
    municipality = models.OneToOneField("accounts.Municipality", on_delete=models.CASCADE,
                                        related_name="age_bounds")
    min_age = models.PositiveSmallIntegerField(_("laveste alder"), default=15)
    max_age = models.PositiveSmallIntegerField(_("højeste alder"), default=29)
    note = models.CharField(_("begrundelse"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("målgruppens alder")
        verbose_name_plural = _("målgruppens alder")
        constraints = [
            models.CheckConstraint(condition=Q(min_age__lte=F("max_age")), name="vocabulary_agebounds_order"),
        ]

    def __str__(self) -> str:
        return f"{self.min_age}–{self.max_age}"


class Approach(models.Model):
    organisation = models.OneToOneField("accounts.Organisation", on_delete=models.CASCADE,
                                        related_name="approach")
    approach = models.TextField(_("vores tilgang"), max_length=3000)
    methods = models.TextField(_("metoder vi bruger"), max_length=2000, blank=True)
    contact = models.CharField(_("sådan kontakter I os"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("tilgang")
        verbose_name_plural = _("tilgange")

    def __str__(self) -> str:
        return str(self.organisation)
