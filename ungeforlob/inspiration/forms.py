from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.inspiration.models import Area
from ungeforlob.inspiration.selectors import SORTS, PracticeFilter


class PracticeSearchForm(forms.Form):
    """The library's search and filters. Invalid values are ignored, never an error page."""

    q = forms.CharField(label=_("Søg i navn, kommune og fokus"), max_length=100, required=False)
    omraade = forms.ChoiceField(label=_("Område"), required=False, choices=[("", _("Alle områder")), *Area.choices])
    fakta = forms.BooleanField(label=_("Kun med faktaboks"), required=False)
    sort = forms.ChoiceField(required=False, choices=[(k, k) for k in SORTS])

    def __init__(self, data: Any) -> None:
        super().__init__(data)

    def to_filter(self) -> PracticeFilter:
        self.is_valid()
        data = dict(self.cleaned_data)
        return PracticeFilter(q=(data.get("q") or "").strip(), area=data.get("omraade") or "",
                              facts=bool(data.get("fakta")), sort=data.get("sort") or "navn")


class UseForm(SubmitOnceMixin, forms.Form):
    """"Brug som inspiration": no fields but the one-time token."""
