from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "ungeforlob.portal"
    label = "portal"
    verbose_name = _("Min side")
    # Items on the contact person's I dag (gathered by core.agenda.agenda_for).
    agenda_sources = ("ungeforlob.portal.agenda.wish_items", "ungeforlob.portal.agenda.checkin_items",
                      "ungeforlob.portal.agenda.proposal_items")
