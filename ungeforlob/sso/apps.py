"""Staff single sign-on: OpenID Connect and SAML 2.0 (Fælleskommunal Adgangsstyring) with claim mappings."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "ungeforlob.sso"
    label = "sso"
    verbose_name = _("Single sign-on")
