from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.logreview.models import Outcome


class ReviewForm(SubmitOnceMixin):
    outcome = forms.ChoiceField(label=_("Vurdering"), choices=Outcome.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note eller spørgsmål"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Vælger du at spørge medarbejderen, er noten spørgsmålet, de får."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AnswerForm(SubmitOnceMixin):
    answer = forms.CharField(label=_("Dit svar"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
                             help_text=_("Hvorfor åbnede du den unges oplysninger?"))


class ExportForm(forms.Form):
    SUBJECTS = (("youth", _("En ung")), ("professional", _("En medarbejder")))
    FORMATS = (("csv", _("CSV")), ("xlsx", _("Excel (XLSX)")))

    subject = forms.ChoiceField(label=_("Udtrækket gælder"), choices=SUBJECTS, widget=forms.RadioSelect,
                                initial="youth")
    youth = forms.CharField(label=_("Den unges CPR-nummer eller nummer i loggen"), required=False, max_length=20)
    professional = forms.ModelChoiceField(label=_("Medarbejder"), queryset=None, required=False)
    date_from = forms.DateField(label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    fmt = forms.ChoiceField(label=_("Format"), choices=FORMATS, widget=forms.RadioSelect, initial="csv")

    def __init__(self, *args: Any, professionals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = professionals

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("subject") == "youth" and not data.get("youth"):
            self.add_error("youth", _("Skriv den unges CPR-nummer eller nummer i loggen."))
        if data.get("subject") == "professional" and not data.get("professional"):
            self.add_error("professional", _("Vælg en medarbejder."))
        return data
