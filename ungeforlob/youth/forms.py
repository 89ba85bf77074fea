from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.validators import validate_danish_phone
from ungeforlob.youth import cpr
from ungeforlob.youth.models import CourseEndReason, Guardian


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class YouthForm(forms.Form):
    first_name = forms.CharField(label=_("Fornavn"), max_length=100)
    last_name = forms.CharField(label=_("Efternavn"), max_length=100)
    preferred_name = forms.CharField(label=_("Kaldenavn"), max_length=100, required=False)
    mobile = forms.CharField(label=_("Mobilnummer"), max_length=20, required=False,
                             widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}))
    email = forms.EmailField(label=_("E-mail"), max_length=254, required=False)
    language = forms.ChoiceField(label=_("Sprog"), choices=settings.LANGUAGES, initial="da", required=False,
                                 help_text=_("Sproget på Min side og i SMS'er og beskeder til den unge."))

    def clean_mobile(self) -> str:
        value = self.cleaned_data.get("mobile") or ""
        return validate_danish_phone(value) if value.strip() else ""


class YouthCreateForm(YouthForm):
    cpr = forms.CharField(
        label=_("CPR-nummer"), max_length=11,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text=_("10 cifre, fx 010203-1234. Gemmes krypteret og vises kun maskeret."),
    )
    course_start = forms.DateField(label=_("Forløbet starter"), required=False, widget=DateInput())

    field_order = ["first_name", "last_name", "preferred_name", "cpr", "mobile", "email", "language", "course_start"]

    def clean_cpr(self) -> str:
        return cpr.normalize_cpr(self.cleaned_data.get("cpr") or "")

    def clean_course_start(self) -> Any:
        start = self.cleaned_data.get("course_start")
        if start and start > timezone.localdate() + datetime.timedelta(days=365):
            raise ValidationError(_("Startdatoen ligger mere end et år ude i fremtiden."))
        return start


class GuardianForm(forms.ModelForm):
    class Meta:
        model = Guardian
        fields = ["name", "relation", "phone", "email", "has_custody"]

    def clean_phone(self) -> str:
        value = self.cleaned_data.get("phone") or ""
        return validate_danish_phone(value) if value.strip() else ""


class RevealCprForm(forms.Form):
    purpose = forms.CharField(
        label=_("Hvorfor skal du se det fulde CPR-nummer?"), max_length=300,
        help_text=_("Formålet skrives i adgangsloggen, som den unge kan se."),
    )


class CourseEndForm(forms.Form):
    end_date = forms.DateField(label=_("Slutdato"), widget=DateInput())
    end_reason = forms.ChoiceField(label=_("Hvorfor slutter forløbet?"), choices=[("", "—"), *CourseEndReason.choices])
