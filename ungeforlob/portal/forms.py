from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

SCALE = [(i, str(i)) for i in range(1, 6)]


class MobileForm(forms.Form):
    mobile = forms.CharField(
        label=_("Dit mobilnummer"), max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("Vi sender en kode til dig på SMS."),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Koden fra SMS'en"), max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class FeedbackForm(forms.Form):
    heard = forms.TypedChoiceField(label=_("Blev du hørt? (1 = nej, 5 = helt)"), choices=SCALE, coerce=int,
                                   widget=forms.RadioSelect)
    useful = forms.TypedChoiceField(label=_("Var mødet brugbart? (1 = nej, 5 = meget)"), choices=SCALE, coerce=int,
                                    widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Vil du sige mere?"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
