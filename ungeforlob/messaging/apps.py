from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "ungeforlob.messaging"
    label = "messaging"
    verbose_name = _("Beskeder")
    # Items on the contact person's I dag (gathered by core.agenda.agenda_for).
    agenda_sources = ("ungeforlob.messaging.agenda.sms_items",)
