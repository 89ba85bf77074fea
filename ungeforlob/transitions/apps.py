from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransitionsConfig(AppConfig):
    name = "ungeforlob.transitions"
    label = "transitions"
    verbose_name = _("Overgange")
    # Items on the contact person's I dag (gathered by core.agenda.agenda_for).
    agenda_sources = ("ungeforlob.transitions.agenda.followup_items",)
