from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScaleConfig(AppConfig):
    """`manage.py generate_scale` and `make bench-scale`: a national-size dataset and the page benchmark."""

    name = "ungeforlob.scale"
    label = "scale"
    verbose_name = _("Skalatest")
