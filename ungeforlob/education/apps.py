"""Education places (institutions, programmes, intakes, quotas) and attendance as an early signal."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "ungeforlob.education"
    label = "education"
    verbose_name = _("Uddannelsessteder")
    # Items on the contact person's I dag (gathered by core.agenda.agenda_for): one query.
    agenda_sources = ("ungeforlob.education.agenda.education_items",)
