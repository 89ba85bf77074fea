from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.voice.quarters import Quarter, last_complete_quarter, last_quarters
from ungeforlob.voice.services import MAX_ANSWER


class QuarterForm(forms.Form):
    """Which quarter to show: one of the last eight (bad input falls back to the default with a message)."""

    kvartal = forms.ChoiceField(label=_("Kvartal"), required=False)

    def __init__(self, *args: Any, default: Quarter | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default = default or last_complete_quarter()
        self.quarters = last_quarters(8, until=self.default)[::-1]  # newest first
        self.fields["kvartal"].choices = [(q.code, q.label) for q in self.quarters]
        self.fields["kvartal"].error_messages["invalid_choice"] = _("Vælg et af de viste kvartaler.")
        self.fields["kvartal"].initial = self.default.code

    @property
    def quarter(self) -> Quarter:
        if self.is_valid() and self.cleaned_data["kvartal"]:
            return Quarter.parse(self.cleaned_data["kvartal"]) or self.default
        return self.default


class CommentFilterForm(QuarterForm):
    """The voice page shows the quarter under way too (answers arrive every day)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, default=Quarter.of(timezone.localdate()), **kwargs)

    vis = forms.ChoiceField(label=_("Vis"), required=False,
                            choices=[("alle", _("Alle kommentarer")), ("ulaeste", _("Kun ulæste"))])

    @property
    def unread_only(self) -> bool:
        return self.is_valid() and self.cleaned_data.get("vis") == "ulaeste"


class ReviewForm(forms.Form):
    """Mark a comment as read, or write what was done about it. `version` guards against a colleague's save."""

    answer = forms.CharField(label=_("Hvad blev der gjort?"), required=False, max_length=MAX_ANSWER,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Skriv, hvad I har gjort eller vil gøre. Svaret kan senere vises for de "
                                         "unge – uden at nogen kan se, hvem der skrev kommentaren."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
    # Which button was pressed ("Markér som læst" or "Gem"); the buttons carry it, so it is not drawn as a field.
    action = forms.ChoiceField(choices=[("read", "read"), ("answer", "answer")], required=False)
    kvartal = forms.CharField(required=False, widget=forms.HiddenInput, max_length=10)


class OptInForm(forms.Form):
    opted_in = forms.BooleanField(label=_("Vis vores kommunes navn for de andre kommuner, der deltager"),
                                  required=False)
