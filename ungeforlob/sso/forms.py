"""Forms of the sso app (administrators only)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Organisation
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.sso.models import ClaimMapping, IdentityProvider


def _https_urls(field: models.Field, **kwargs: Any) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ProviderForm(SubmitOnceMixin, forms.ModelForm):
    client_secret = forms.CharField(
        label=_("Klient-hemmelighed (OIDC)"), required=False, max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Gemmes krypteret og vises aldrig igen. Lad feltet stå tomt for at beholde den gemte."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = IdentityProvider
        fields = ["protocol", "name", "is_active", "discovery_url", "client_id", "scopes", "metadata_url",
                  "metadata_xml", "entity_id", "username_claim", "name_claim", "email_claim", "organisation_claim",
                  "role_claim", "default_organisation"]
        widgets = {"metadata_xml": forms.Textarea(attrs={"rows": 6})}
        formfield_callback = _https_urls

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["default_organisation"].queryset = Organisation.objects.filter(
            municipality_id=municipality_id, is_active=True)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class MappingForm(SubmitOnceMixin, forms.ModelForm):
    class Meta:
        model = ClaimMapping
        fields = ["kind", "value", "organisation", "role"]

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(municipality_id=municipality_id,
                                                                           is_active=True)
        self.fields["value"].help_text = _("Fx en gruppe-id fra Entra ID eller en brugersystemrolle fra KOMBIT, "
                                           "som http://kombit.dk/roles/usersystemrole/ungeforlob/fagperson/1")
