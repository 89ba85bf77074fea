from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Organisation
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.integrations.scopes import Scope

DEFAULT_VALIDITY_DAYS = 365


class ApiClientForm(SubmitOnceMixin, forms.Form):
    name = forms.CharField(label=_("Systemets navn"), max_length=150,
                           help_text=_("Sådan står systemet i loggen og i den unges ”Hvem har kigget”, "
                                       "fx ”Skolesystemet på Byskolen”."),
                           widget=forms.TextInput(attrs={"class": "form-input"}))
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(),
        help_text=_("Systemet handler som denne organisation: det ser præcis de unge, organisationens medarbejdere "
                    "må se."),
        widget=forms.Select(attrs={"class": "form-select"}))
    scopes = forms.MultipleChoiceField(label=_("Rettigheder"), choices=Scope.choices,
                                       widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
                                       help_text=_("Giv kun de rettigheder, systemet har brug for."))
    expires_at = forms.DateField(label=_("Udløber"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date",
                                                                                 "class": "form-input"}),
                                 help_text=_("Højst tre år frem. Tokenet holder op med at virke denne dag."))

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipality_id=municipality_id).order_by("name")
        self.fields["expires_at"].initial = timezone.localdate() + datetime.timedelta(days=DEFAULT_VALIDITY_DAYS)

    def expires_moment(self) -> datetime.datetime:
        """The token works through the chosen day (local time)."""
        day = self.cleaned_data["expires_at"] + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class RevokeForm(SubmitOnceMixin, forms.Form):
    pass
