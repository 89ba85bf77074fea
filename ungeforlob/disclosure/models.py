"""Withholding: the explicit decision to keep one thing written about a young person out of their own view.

The main rule is that the young person sees everything written about them ("Alt skrevet om mig"). What the
law lets the municipality withhold is withheld by a row here: which item, on what legal ground, in what words
the young person is told why, by whom and when. The young person sees "Noget er undtaget" with that reason and
the date in the item's place, never a silent gap. Lifting the decision keeps the row (with when and by whom),
so the history stays readable. Journal notes keep their own older mechanism (plans.JournalNote.hidden_*),
which "Alt skrevet om mig" shows the same way.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    """The kinds of thing "Alt skrevet om mig" shows that can be withheld here (notes: plans' own mechanism)."""

    PROFILE = "profil", _("Profilen, som fagpersonerne har skrevet den")
    EVALUATION = "evaluering", _("Evaluering")
    ASSESSMENT = "vurdering", _("Teamvurdering")
    CONCERN = "bekymring", _("Bekymring")
    REFERRAL = "henvisning", _("Henvisning")
    HANDOVER = "overlevering", _("Overlevering")
    MEETING = "kaedemoede", _("Punkt og beslutninger fra kædemøde")


class Ground(models.TextChoices):
    """The legal grounds (the same as for journal notes, plans.HiddenReason)."""

    THIRD_PARTY = "tredjemand", _("Oplysninger om andre personer, der skal beskyttes (databeskyttelseslovens § 22, stk. 1)")
    OWN_INTEREST = "egen_interesse", _("Hensynet til den unge selv, fx helbredsoplysninger (databeskyttelseslovens § 22, stk. 1)")
    CRIME = "strafbart", _("Forebyggelse eller efterforskning af strafbare forhold (databeskyttelseslovens § 22, stk. 2)")
    INTERNAL = "internt", _("Internt arbejdsdokument (forvaltningslovens § 12)")


class WithholdingQuerySet(models.QuerySet["Withholding"]):
    def in_force(self) -> WithholdingQuerySet:
        return self.filter(lifted_at__isnull=True)


class Withholding(models.Model):
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="withholdings")
    kind = models.CharField(_("hvad"), max_length=20, choices=ItemKind.choices)
    # The withheld row's id in its own table (the profile: the profile's id).
    item_id = models.PositiveBigIntegerField()
    # A short label for staff (what it was when it was withheld); never shown to the young person.
    item_label = models.CharField(max_length=200, blank=True)
    ground = models.CharField(_("lovhjemmel"), max_length=20, choices=Ground.choices)
    explanation = models.CharField(_("det får den unge at vide"), max_length=300, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    decided_by_name = models.CharField(max_length=200)
    decided_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by_name = models.CharField(max_length=200, blank=True)

    objects = WithholdingQuerySet.as_manager()

    class Meta:
        verbose_name = _("undtagelse fra indsigt")
        verbose_name_plural = _("undtagelser fra indsigt")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["youth", "kind", "item_id"], condition=Q(lifted_at__isnull=True),
                                    name="disclosure_one_withholding_in_force"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_id} ({self.ground})"
