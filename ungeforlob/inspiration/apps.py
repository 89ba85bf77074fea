"""Lovende praksis: a read-only library of other municipalities' projects as inspiration."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspirationConfig(AppConfig):
    name = "ungeforlob.inspiration"
    label = "inspiration"
    verbose_name = _("Inspirationsbibliotek")
