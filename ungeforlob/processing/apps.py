"""Record of processing activities (GDPR art. 30), generated from the models and settings."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessingConfig(AppConfig):
    name = "ungeforlob.processing"
    label = "processing"
    verbose_name = _("Fortegnelse over behandlinger")
