"""Danish public infrastructure behind adapters with local fakes: Digital Post and CPR lookup."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceplatformConfig(AppConfig):
    name = "ungeforlob.serviceplatform"
    label = "serviceplatform"
    verbose_name = _("Digital Post og CPR")
