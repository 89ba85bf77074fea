"""Imports a municipality needs on day one: the caseload from a previous system and education status events."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "ungeforlob.imports"
    label = "imports"
    verbose_name = _("Import")
