"""The municipality's edit form for its public page (validation only; the service writes)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import FormTokenMixin


def _text(label: str, help_text: str, *, max_length: int, rows: int = 5, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, max_length=max_length, required=required,
                           widget=forms.Textarea(attrs={"rows": rows}))


class PageForm(FormTokenMixin, forms.Form):
    intro = _text(_("Sådan hjælper vi unge"), _("Korte sætninger og almindelige ord. Tom linje giver nyt afsnit."),
                  max_length=3000, rows=8)
    contact_youth = _text(_("Kontakt for unge"), _("Telefon, mail, adresse og åbningstider. Kun jeres fælles "
                                                   "numre eller dem, der må stå offentligt."), max_length=1000)
    contact_parent = _text(_("Kontakt for forældre"), _("Hvem kan forældre ringe til?"), max_length=1000)
    contact_professional = _text(_("Kontakt for fagpersoner"), _("Hvem kontakter en lærer eller mentor, der er "
                                                                 "bekymret for en ung?"), max_length=1000)
    procedures_intro = _text(_("Sådan følger vi dig, når du starter"),
                             _("Vises over jeres faste forløb ved overgange."), max_length=2000, required=False)
    show_procedures = forms.BooleanField(label=_("Vis vores faste forløb ved overgange"), required=False)
    show_offers = forms.BooleanField(label=_("Vis vores aktive tilbud"), required=False)
    hsds_public = forms.BooleanField(
        label=_("Del tilbuddene som åbne data (HSDS)"), required=False,
        help_text=_("Andre systemer kan så hente listen over aktive tilbud. Den rummer ingen oplysninger om unge."))
    published = forms.BooleanField(label=_("Siden er offentlig"), required=False,
                                   help_text=_("Alle kan se siden uden at logge ind."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
