from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressionConfig(AppConfig):
    name = "ungeforlob.progression"
    label = "progression"
    verbose_name = _("Progression")
    # Items on the contact person's I dag (gathered by core.agenda.agenda_for).
    agenda_sources = ("ungeforlob.progression.agenda.reassessments_due",)
