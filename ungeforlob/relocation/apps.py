"""Moving municipality: a sealed handover package of a course, covered by the young person's consent, exported and imported between tenants and installations."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelocationConfig(AppConfig):
    name = "ungeforlob.relocation"
    label = "relocation"
    verbose_name = _("Flytning mellem kommuner")
