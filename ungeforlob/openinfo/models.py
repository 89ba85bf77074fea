"""The municipality's public page about its youth effort: texts it writes itself, shown to anyone without login."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicPage(models.Model):
    """One public page per municipality (`/kommune/<code>/ungeindsats/`), shown only once it is published.

    Every text is written by the municipality for anyone to read: no young person's data is ever put here.
    `hsds_public` opens the catalogue of offers as an Open Referral HSDS feed. `version` is bumped on every
    save, so two people editing at once do not overwrite each other.
    """

    municipality = models.OneToOneField("accounts.Municipality", on_delete=models.CASCADE, related_name="public_page")
    published = models.BooleanField(_("siden er offentlig"), default=False)
    intro = models.TextField(_("Sådan hjælper vi unge"), max_length=3000)
    contact_youth = models.TextField(_("Kontakt for unge"), max_length=1000)
    contact_parent = models.TextField(_("Kontakt for forældre"), max_length=1000)
    contact_professional = models.TextField(_("Kontakt for fagpersoner"), max_length=1000)
    procedures_intro = models.TextField(_("Sådan følger vi dig, når du starter"), max_length=2000, blank=True)
    show_procedures = models.BooleanField(_("vis vores faste forløb ved overgange"), default=True)
    show_offers = models.BooleanField(_("vis vores aktive tilbud"), default=True)
    hsds_public = models.BooleanField(
        _("del tilbuddene som åbne data (HSDS)"), default=False,
        help_text=_("Andre systemer kan så hente listen over tilbud. Den rummer ingen oplysninger om unge."))
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("offentlig side")
        verbose_name_plural = _("offentlige sider")

    def __str__(self) -> str:
        return f"public page of municipality {self.municipality_id}"
