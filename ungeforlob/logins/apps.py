"""Staff sessions: idle and absolute timeouts, re-authentication, recent logins and logging out everywhere."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoginsConfig(AppConfig):
    name = "ungeforlob.logins"
    label = "logins"
    verbose_name = _("Logins og sessioner")
