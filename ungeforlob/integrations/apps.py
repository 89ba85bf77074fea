"""Integrationer: API-klienter, nøgler og REST API v1."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "ungeforlob.integrations"
    label = "integrations"
    verbose_name = _("Integrationer")
