"""Staff sessions: idle and absolute timeouts, re-authentication, log out everywhere, login history."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoginsConfig(AppConfig):
    name = "ungeforlob.logins"
    label = "logins"
    verbose_name = _("Logins og sessioner")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

        from ungeforlob.logins import signals

        user_logged_in.connect(signals.on_login, dispatch_uid="ungeforlob_logins_on_login")
        user_logged_out.connect(signals.on_logout, dispatch_uid="ungeforlob_logins_on_logout")
        user_login_failed.connect(signals.on_login_failed, dispatch_uid="ungeforlob_logins_on_login_failed")
