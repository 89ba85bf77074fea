"""Log review (stikprøvekontrol): the data protection officer's monthly sample of reads, reviews and log exports."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LogreviewConfig(AppConfig):
    name = "ungeforlob.logreview"
    label = "logreview"
    verbose_name = _("Logkontrol")
