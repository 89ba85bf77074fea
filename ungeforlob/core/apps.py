from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ungeforlob.core"
    label = "core"
    verbose_name = _("Kerne")

    def ready(self) -> None:
        from ungeforlob.core.lookups import register

        register()
