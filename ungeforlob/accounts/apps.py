from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ungeforlob.accounts"
    label = "accounts"
    verbose_name = _("Brugere og organisationer")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ungeforlob.accounts.middleware import remember_device_at_login

        user_logged_in.connect(remember_device_at_login, dispatch_uid="ungeforlob_remember_device_at_login")
