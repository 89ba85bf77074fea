"""What an integration client may do: the scopes an administrator grants it (one per kind of action).

A client acts as its organisation: a scope says which actions it may take, the access policy still decides which
young people it may take them on (those its organisation's members may see).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    YOUTH_READ = "youth:read", _("Læse unge (liste og stamdata)")
    PLAN_READ = "plan:read", _("Læse planer")
    PROGRESSION_READ = "progression:read", _("Læse progressionsniveau")
    CONCERNS_READ = "concerns:read", _("Læse bekymringer")
    CONCERNS_WRITE = "concerns:write", _("Oprette og kvittere for bekymringer")
    REFERRALS_READ = "referrals:read", _("Læse status på henvisninger")
    REFERRALS_WRITE = "referrals:write", _("Oprette henvisninger")
    STATIONS_WRITE = "stations:write", _("Oprette og afslutte stationer og overgange (uddannelsesstatus)")
    OFFERS_READ = "offers:read", _("Læse tilbud (HSDS)")
    AGGREGATES_READ = "aggregates:read", _("Læse ledelsestal (kun samlede tal)")
    WEBHOOKS = "webhooks", _("Modtage hændelser (webhooks)")


ALL_SCOPES: tuple[str, ...] = tuple(Scope.values)
