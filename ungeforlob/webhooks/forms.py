"""The administrator's subscription form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.integrations.models import ApiClient
from ungeforlob.webhooks.models import EventType


class SubscriptionForm(SubmitOnceMixin, forms.Form):
    client = forms.ModelChoiceField(label=_("Integrationsklient"), queryset=ApiClient.objects.none(),
                                    error_messages={"required": _("Vælg en integrationsklient."),
                                                    "invalid_choice": _("Vælg en integrationsklient i listen.")})
    target_url = forms.CharField(label=_("Modtagerens adresse"), max_length=500,
                                 help_text=_("Fx https://system.example.dk/ungeforlob/haendelser"),
                                 error_messages={"required": _("Skriv modtagerens adresse."),
                                                 "max_length": _("Skriv højst 500 tegn.")})
    events = forms.MultipleChoiceField(label=_("Hændelser"), choices=EventType.choices,
                                       widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
                                       help_text=_("Klienten hører kun om unge, som dens organisation må se."),
                                       error_messages={"required": _("Vælg mindst én hændelse."),
                                                       "invalid_choice": _("Vælg hændelser i listen.")})

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = ApiClient.objects.filter(
            municipality_id=municipality_id, revoked_at__isnull=True).order_by("name")
