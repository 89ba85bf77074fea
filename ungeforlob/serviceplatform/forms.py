from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin


class CprLookupForm(forms.Form):
    cpr = forms.CharField(label=_("CPR-nummer"), max_length=11, required=False)


class SendForm(SubmitOnceMixin, forms.Form):
    """"Send" on a confirmation page: sent once, however often it is posted."""
