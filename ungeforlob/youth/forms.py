from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.forms import NON_CONTACT_ROLES, GroundsMixin
from ungeforlob.core.forms import SubmitOnceMixin
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


class YouthCreateForm(SubmitOnceMixin, YouthForm):
    cpr = forms.CharField(
        label=_("CPR-nummer"), max_length=11,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text=_("10 cifre, fx 010203-1234. Gemmes krypteret og vises kun maskeret."),
    )
    course_start = forms.DateField(label=_("Forløbet starter"), required=False, widget=DateInput())
    reason = forms.CharField(
        label=_("Hvis den unge allerede er i Ungeindsatsen: hvorfor skal du med i den unges kæde?"),
        max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bruges kun, hvis CPR-nummeret allerede er registreret: så spørger vi den unges "
                    "kontaktperson, og din begrundelse skrives i adgangsloggen, som den unge kan se."),
    )

    field_order = ["first_name", "last_name", "preferred_name", "cpr", "mobile", "email", "language", "course_start",
                   "reason"]

    def clean_cpr(self) -> str:
        return cpr.normalize_cpr(self.cleaned_data.get("cpr") or "")

    def clean_course_start(self) -> Any:
        start = self.cleaned_data.get("course_start")
        if start and start > timezone.localdate() + datetime.timedelta(days=365):
            raise ValidationError(_("Startdatoen ligger mere end et år ude i fremtiden."))
        return start


class GuardianForm(SubmitOnceMixin, forms.ModelForm):
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


class AccessDecisionForm(GroundsMixin):
    """The contact person's answer to a request to join the circle."""

    decision = forms.ChoiceField(
        label=_("Skal personen med i den unges kæde?"), widget=forms.RadioSelect,
        choices=[("ja", _("Ja, med den rolle jeg vælger")), ("nej", _("Nej"))],
        error_messages={"required": _("Vælg ja eller nej.")})
    role = forms.ChoiceField(label=_("Rolle i kæden"), choices=NON_CONTACT_ROLES, required=False)
    note = forms.CharField(label=_("Besked til adgangsloggen"), max_length=300, required=False)

    field_order = ["decision", "role", "consent", "legal_basis", "legal_basis_note", "note"]

    def __init__(self, *args: Any, consents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].queryset = consents

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "ja" and not data.get("role"):
            self.add_error("role", _("Vælg den rolle, personen skal have i kæden."))
        return data
