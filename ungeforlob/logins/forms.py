from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.selectors import login_is_locked


class ReauthForm(forms.Form):
    """The password again, and the authenticator code for a user who has one."""

    password = forms.CharField(
        label=_("Din adgangskode"), max_length=200, strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    token = forms.CharField(
        label=_("Kode fra din authenticator-app"), max_length=6, min_length=6, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"min_length": _("Koden har 6 cifre."), "max_length": _("Koden har 6 cifre.")},
    )

    def __init__(self, *args: Any, user: Any, ip_address: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.ip_address = ip_address
        self.devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
        if self.devices:
            self.fields["token"].required = True
            self.fields["token"].error_messages["required"] = _("Skriv koden fra din authenticator-app.")
        else:
            del self.fields["token"]
        self.fields["password"].error_messages["required"] = _("Skriv din adgangskode.")
        self.failed = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        if login_is_locked(username=self.user.username, ip_address=self.ip_address):
            raise ValidationError(_("For mange forkerte forsøg. Vent 15 minutter, og prøv igen."), code="locked")
        if not self.user.check_password(data.get("password") or ""):
            self.failed = True
            raise ValidationError(_("Adgangskoden er forkert."), code="password")
        if self.devices and not any(d.verify_token(data.get("token") or "") for d in self.devices):
            self.failed = True
            raise ValidationError(_("Koden passer ikke."), code="token")
        return data
