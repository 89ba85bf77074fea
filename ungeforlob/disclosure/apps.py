"""Withholding decisions: what the municipality withholds from a young person's own view, by an explicit, audited decision with a reason the young person sees."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "ungeforlob.disclosure"
    label = "disclosure"
    verbose_name = _("Undtaget fra indsigt")
