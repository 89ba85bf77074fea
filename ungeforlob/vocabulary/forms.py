from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import FormTokenMixin, SubmitOnceMixin
from ungeforlob.vocabulary.selectors import TERM_SORTS


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           error_messages={"invalid": _("Skriv en gyldig dato.")})


class GlossarySearchForm(forms.Form):
    q = forms.CharField(label=_("Søg i begreber"), max_length=100, required=False)
    sort = forms.ChoiceField(label=_("Sortér"), required=False, choices=[
        ("term", _("Begreb A–Å")), ("-term", _("Begreb Å–A")), ("nyeste", _("Senest ændret")),
        ("aftalt", _("Senest aftalt"))])
    arkiv = forms.BooleanField(label=_("Vis arkiverede"), required=False)

    def values(self) -> dict[str, Any]:
        if not self.is_valid():
            return {"q": "", "sort": "term", "archived": False}
        sort = self.cleaned_data["sort"] if self.cleaned_data["sort"] in TERM_SORTS else "term"
        return {"q": self.cleaned_data["q"], "sort": sort, "archived": self.cleaned_data["arkiv"]}


class TermForm(SubmitOnceMixin):
    term = forms.CharField(label=_("Begreb"), max_length=80)
    meaning = forms.CharField(label=_("Aftalt betydning"), max_length=1500, widget=forms.Textarea(attrs={"rows": 4}))
    examples = forms.CharField(label=_("Eksempler"), max_length=1500, required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    agreed_by = forms.CharField(label=_("Aftalt af"), max_length=150, required=False,
                                help_text=_("Fx »Kædegruppen« eller »Ledergruppen i ungeindsatsen«."))
    agreed_on = _date(_("Aftalt den"))


class TermEditForm(FormTokenMixin):
    term = forms.CharField(label=_("Begreb"), max_length=80)
    meaning = forms.CharField(label=_("Aftalt betydning"), max_length=1500, widget=forms.Textarea(attrs={"rows": 4}))
    examples = forms.CharField(label=_("Eksempler"), max_length=1500, required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    agreed_by = forms.CharField(label=_("Aftalt af"), max_length=150, required=False)
    agreed_on = _date(_("Aftalt den"))
    is_archived = forms.BooleanField(label=_("Arkiveret (vises ikke ved etiketterne)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class RoleDescriptionForm(FormTokenMixin):
    staff_text = forms.CharField(label=_("Beskrivelse for fagfolk"), max_length=2000,
                                 widget=forms.Textarea(attrs={"rows": 4}))
    youth_helps = forms.CharField(label=_("Til den unge: kan hjælpe med"), max_length=300,
                                  help_text=_("Korte sætninger og korte ord. Den unge læser det på Min side."))
    youth_not = forms.CharField(label=_("Til den unge: kan ikke"), max_length=300, required=False)
    decides = forms.BooleanField(label=_("Rollen kan træffe afgørelser om den unge"), required=False,
                                 help_text=_("Sig det åbent, når samme person både støtter og bestemmer."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class MethodTagForm(SubmitOnceMixin):
    label = forms.CharField(label=_("Metode"), max_length=80, help_text=_("Fx SeSiFU, IPS eller en lokal metode."))
    description = forms.CharField(label=_("Kort beskrivelse"), max_length=300, required=False)


class MethodTagEditForm(FormTokenMixin):
    label = forms.CharField(label=_("Metode"), max_length=80)
    description = forms.CharField(label=_("Kort beskrivelse"), max_length=300, required=False)
    is_retired = forms.BooleanField(label=_("Udgået (kan ikke vælges på nye aktiviteter)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AgeBoundsForm(FormTokenMixin):
    min_age = forms.IntegerField(label=_("Laveste alder"), min_value=0, max_value=200,
                                 help_text=_("Fx 14, når indsatsen starter i 8. klasse."))
    max_age = forms.IntegerField(label=_("Højeste alder"), min_value=0, max_value=200)
    note = forms.CharField(label=_("Begrundelse"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ApproachForm(FormTokenMixin):
    approach = forms.CharField(label=_("Vores tilgang til de unge"), max_length=3000,
                               widget=forms.Textarea(attrs={"rows": 6}),
                               help_text=_("Hvordan arbejder I, og hvad kan partnerne forvente af jer? "
                                           "Skriv ikke om enkelte unge."))
    methods = forms.CharField(label=_("Metoder vi bruger"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    contact = forms.CharField(label=_("Sådan kontakter I os"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(label=_("Søg i organisationer"), max_length=100, required=False)
