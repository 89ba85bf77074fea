"""Emergency access (break the glass): time-limited access outside the circle with a reason, notices and the leader's review."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmergencyConfig(AppConfig):
    name = "ungeforlob.emergency"
    label = "emergency"
    verbose_name = _("Nødadgang")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ungeforlob.emergency.banner import on_login

        user_logged_in.connect(on_login, dispatch_uid="ungeforlob_emergency_banner_on_login")
