from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo Kommune and the `seed_demo` command: the one app that may import every domain app."""

    name = "ungeforlob.demo"
    label = "demo"
    verbose_name = _("Demodata")
