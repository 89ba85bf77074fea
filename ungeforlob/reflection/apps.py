"""The model in our municipality: the model's elements and guiding questions, reflections with agreed actions and maturity, and the contact persons' competence profiles."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    name = "ungeforlob.reflection"
    label = "reflection"
    verbose_name = _("Modellen hos os")
    # Items on I dag (gathered by core.agenda.agenda_for): agreed actions and development plan steps.
    agenda_sources = (
        "ungeforlob.reflection.agenda.actions_due",
        "ungeforlob.reflection.agenda.development_due",
    )
