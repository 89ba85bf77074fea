"""Ungerådet (the youth council): young people who opt in, its meetings, and proposals with what came of them."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthcouncilConfig(AppConfig):
    name = "ungeforlob.youthcouncil"
    label = "youthcouncil"
    verbose_name = _("Ungerådet")
