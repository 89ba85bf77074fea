from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Organisation, User
from ungeforlob.accounts.selectors import login_is_locked
from ungeforlob.core.request_context import client_ip
from ungeforlob.core.validators import validate_danish_phone


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Brugernavn eller adgangskode er forkert."),
        "inactive": _("Kontoen er lukket."),
        "locked": _("For mange forkerte forsøg. Vent 15 minutter, og prøv igen."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request) if self.request else None
        if username and login_is_locked(username=username, ip_address=ip):
            raise ValidationError(self.error_messages["locked"], code="locked")
        return super().clean()


class OTPTokenForm(forms.Form):
    token = forms.CharField(
        label=_("Kode fra din authenticator-app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"min_length": _("Koden har 6 cifre."), "max_length": _("Koden har 6 cifre.")},
    )


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "sector", "is_active"]

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality_id = municipality_id

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = Organisation.objects.filter(municipality_id=self.municipality_id, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Der findes allerede en organisation med det navn."))
        return name


class ProfessionalForm(forms.ModelForm):
    password = forms.CharField(
        label=_("Midlertidig adgangskode"),
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Mindst 10 tegn. Tom: uændret (ny medarbejder: kan ikke logge ind endnu)."),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "phone", "organisation", "profession", "role", "leader"]

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(municipality_id=municipality_id)
        self.fields["organisation"].required = True
        self.fields["leader"].queryset = User.objects.filter(municipality_id=municipality_id, role="leader")
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone") or ""
        return validate_danish_phone(phone) if phone else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        password = data.get("password")
        if password:
            try:
                password_validation.validate_password(password, self.instance)
            except ValidationError as exc:
                self.add_error("password", exc)
        return data
