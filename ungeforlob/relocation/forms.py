"""Forms of the relocation app (validation only; services write)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Municipality
from ungeforlob.chain.forms import DateInput
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.relocation import sealing
from ungeforlob.relocation.models import Destination, Part


class SendForm(SubmitOnceMixin, forms.Form):
    """The contact person hands the course to the new municipality, with the young person's consent."""

    destination = forms.ChoiceField(label=_("Hvor flytter den unge hen?"), choices=Destination.choices,
                                    widget=forms.RadioSelect, initial=Destination.MUNICIPALITY)
    receiving_municipality = forms.ModelChoiceField(
        label=_("Ny kommune"), queryset=Municipality.objects.none(), required=False,
        help_text=_("Når kommunen bruger denne installation."))
    receiving_installation = forms.ChoiceField(
        label=_("Anden installation"), required=False,
        help_text=_("Når kommunen har sin egen installation: pakken hentes som fil og sendes sikkert."))
    receiver_name = forms.CharField(label=_("Kommunens navn i den anden installation"), max_length=200,
                                    required=False)
    parts = forms.MultipleChoiceField(
        label=_("Det har den unge sagt ja til at sende med"), choices=Part.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Navn, CPR-nummer og forløbets startdato følger altid med. Resten kun med den unges samtykke."))
    consent_given_on = forms.DateField(label=_("Dato for den unges samtykke"), widget=DateInput())
    consent_how = forms.CharField(label=_("Sådan gav den unge samtykke"), max_length=300,
                                  help_text=_("Fx »Mundtligt på samtale med Mette«."))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receiving_municipality"].queryset = Municipality.objects.exclude(
            pk=user.municipality_id).order_by("name")
        partners = sorted(sealing.partners())
        if partners:
            self.fields["receiving_installation"].choices = [("", "---------")] + [(n, n) for n in partners]
        else:  # no other installation to send to: the form asks only for a municipality of this one
            self.fields["destination"].choices = [(Destination.MUNICIPALITY, Destination.MUNICIPALITY.label)]
            del self.fields["receiving_installation"], self.fields["receiver_name"]
            self.fields["receiving_municipality"].required = True
            self.fields["receiving_municipality"].help_text = ""
        self.fields["consent_given_on"].initial = timezone.localdate()


class UploadForm(forms.Form):
    """A package file from another installation (receiving it twice gives the same package: no token needed)."""

    file = forms.FileField(label=_("Flyttepakke (fil)"),
                           help_text=_("Den fil, den unges tidligere kommune har sendt jer."))

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > sealing.MAX_FILE_BYTES:
            raise forms.ValidationError(_("Filen er for stor til at være en flyttepakke."))
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Filen er ikke en flyttepakke fra Ungeforløb.")) from None


class EmptyForm(forms.Form):
    """A button: carries a service's error for the message."""
