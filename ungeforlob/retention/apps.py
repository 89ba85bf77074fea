"""Retention and deletion by rule: per kind of data, how long it is kept after a course ends; dry runs and the worker's anonymisation."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "ungeforlob.retention"
    label = "retention"
    verbose_name = _("Opbevaring og sletning")
