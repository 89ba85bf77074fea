from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.retention.kinds import Kind
from ungeforlob.retention.models import Disposal, Unit


class RuleForm(forms.Form):
    """One kind's rule. Carries the version the administrator saw, so a save over someone else's change is
    refused."""

    keep_for = forms.IntegerField(label=_("Opbevares i"), min_value=0, max_value=36600,
                                  help_text=_("Regnet fra den dag, den unges sidste forløb sluttede."))
    unit = forms.ChoiceField(label=_("Enhed"), choices=Unit.choices)
    disposal = forms.ChoiceField(label=_("Derefter"))
    legal_basis = forms.CharField(label=_("Hjemmel"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    archive_note = forms.CharField(
        label=_("Note om arkivering"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Hvilke arkivbestemmelser kræver aflevering frem for sletning? Skal udfyldes ved "
                    "'Afleveres til arkiv'."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, kind: Kind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["disposal"].choices = [(value, label) for value, label in Disposal.choices
                                           if value in kind.disposals]


class AutomaticForm(forms.Form):
    automatic = forms.BooleanField(label=_("Lad systemet køre reglerne automatisk hver nat"), required=False)


class ConfirmForm(SubmitOnceMixin, forms.Form):
    """A confirmation with nothing to fill in: a run, or marking data as handed to the archive. Sent once."""
