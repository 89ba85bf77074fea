"""The open door: a public page per municipality about the youth effort, with no login and no personal data."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpeninfoConfig(AppConfig):
    name = "ungeforlob.openinfo"
    label = "openinfo"
    verbose_name = _("Offentlig information")
