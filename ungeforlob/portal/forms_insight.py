"""Forms of the young person's insight pages ("Hvem har kigget")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class LookedFilterForm(forms.Form):
    """Filter "Hvem har kigget" by person and period (a GET form: a bad date is a message, never an error page)."""

    person = forms.ChoiceField(label=_("Hvem"), required=False)
    start = forms.DateField(label=_("Fra"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                            error_messages={"invalid": _("Skriv en dato, fx 1.3.2026.")})
    end = forms.DateField(label=_("Til"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                          error_messages={"invalid": _("Skriv en dato, fx 1.3.2026.")})

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("Alle")), *people]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("Til-datoen skal være efter fra-datoen."))
        return data
