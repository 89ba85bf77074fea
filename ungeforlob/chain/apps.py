from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChainConfig(AppConfig):
    name = "ungeforlob.chain"
    label = "chain"
    verbose_name = _("Kæden")
    # Items on the contact person's I dag (gathered by core.agenda.agenda_for).
    agenda_sources = (
        "ungeforlob.chain.agenda.concern_items",
        "ungeforlob.chain.agenda.legal_deadline_items",
        "ungeforlob.chain.agenda.handover_items",
    )
