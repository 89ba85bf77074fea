"""Lovende praksis: other municipalities' projects, kept as knowledge and inspiration — never as bookable offers.

`Practice` rows come from the data file shipped in this app (`data/lovende_praksis.json`, written from the
inspiration catalogue) and are read-only in the product. `PracticeUse` records that a municipality used a
practice as inspiration for a draft offer of its own. Nothing here is about a young person.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    """The parts of the catalogue a practice is described in."""

    GRUNDSKOLE = "grundskole", _("Omkring grundskolen")
    EFTER_GRUNDSKOLE = "efter_grundskole", _("Efter grundskolen")
    FASTHOLDELSE = "fastholdelse", _("Fastholdelse i uddannelse og job")
    POLITISK_FOKUS = "politisk_fokus", _("Politisk fokus og opfølgning")
    KOORDINERING = "koordinering", _("Koordinering og samarbejde")


class Practice(models.Model):
    """One promising practice from the catalogue, with its fact box where the catalogue gives one."""

    slug = models.SlugField(_("nøgle"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    area = models.CharField(_("område"), max_length=20, choices=Area.choices)
    municipality = models.CharField(_("kommune eller ejer"), max_length=300, blank=True)
    focus = models.TextField(_("fokus"), blank=True)
    target_group = models.TextField(_("målgruppe"), blank=True)
    anchoring = models.JSONField(_("forankring"), default=list, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    case_title = models.CharField(_("case"), max_length=300, blank=True)
    summary = models.TextField(_("kort om casen"), blank=True)
    # The fact box (faktaboks): the catalogue's own figures, as numbers where it gives one and as its words.
    population = models.TextField(_("målgruppens størrelse"), blank=True)
    reach_count = models.PositiveIntegerField(_("unge i indsatsen"), null=True, blank=True)
    reach = models.TextField(_("rækkevidde"), blank=True)
    result_percent = models.PositiveSmallIntegerField(_("andel med resultat (%)"), null=True, blank=True)
    results = models.TextField(_("resultater"), blank=True)
    duration_days = models.PositiveIntegerField(_("gennemsnitlig varighed (dage)"), null=True, blank=True)
    duration = models.TextField(_("varighed"), blank=True)
    staffing = models.TextField(_("bemanding"), blank=True)
    caseload_min = models.PositiveSmallIntegerField(_("unge pr. medarbejder, fra"), null=True, blank=True)
    caseload_max = models.PositiveSmallIntegerField(_("unge pr. medarbejder, til"), null=True, blank=True)
    caseload = models.TextField(_("unge pr. medarbejder"), blank=True)
    # The eleven elements of promising practice: element code (offers.PracticeElement) → what the catalogue says.
    profile = models.JSONField(_("profil"), default=dict, blank=True)

    class Meta:
        verbose_name = _("lovende praksis")
        verbose_name_plural = _("lovende praksis")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("inspiration:detail", args=[self.slug])

    @property
    def has_fact_box(self) -> bool:
        return bool(self.reach or self.results or self.duration or self.staffing or self.caseload)


class PracticeUse(models.Model):
    """A municipality's draft offer made with a practice as inspiration (the link back to the library)."""

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="uses")
    offer = models.OneToOneField("offers.Offer", on_delete=models.CASCADE, related_name="inspiration")
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("brug af lovende praksis")
        verbose_name_plural = _("brug af lovende praksis")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.practice} → {self.offer}"
