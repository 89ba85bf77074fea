from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Sector
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.emergency.models import EmergencyReason, Review


class SettingsForm(forms.Form):
    enabled = forms.BooleanField(label=_("Slå nødadgang til"), required=False)
    sectors = forms.MultipleChoiceField(
        label=_("Medarbejdere fra disse sektorer må bruge nødadgang"), choices=Sector.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kun fagpersoner: ledere og administratorer bruger aldrig nødadgang."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("CPR-nummer eller navn"), max_length=100,
        error_messages={"required": _("Skriv et CPR-nummer eller et navn.")},
        help_text=_("Skriv hele CPR-nummeret, eller for- og efternavn. Du ser kun navn og fødselsår."),
    )


class StartForm(SubmitOnceMixin):
    reason = forms.ChoiceField(label=_("Årsag"), choices=EmergencyReason.choices, widget=forms.RadioSelect,
                               error_messages={"required": _("Vælg en årsag fra listen."),
                                               "invalid_choice": _("Vælg en årsag fra listen.")})
    explanation = forms.CharField(
        label=_("Begrundelse"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hvad er sket, og hvad skal du bruge oplysningerne til? Din leder læser begrundelsen: skriv "
                    "ikke den unges navn eller CPR-nummer i den."),
        error_messages={"required": _("Skriv kort, hvad der er sket, og hvorfor du skal se oplysningerne."),
                        "max_length": _("Begrundelsen må højst være 1000 tegn.")},
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Var nødadgangen begrundet?"), widget=forms.RadioSelect,
        choices=[(Review.JUSTIFIED, Review.JUSTIFIED.label), (Review.NOT_JUSTIFIED, Review.NOT_JUSTIFIED.label)],
        error_messages={"required": _("Vælg om nødadgangen var begrundet.")},
    )
    note = forms.CharField(
        label=_("Note"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes, hvis nødadgangen ikke var begrundet."),
        error_messages={"max_length": _("Noten må højst være 1000 tegn.")},
    )
