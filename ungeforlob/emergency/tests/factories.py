from __future__ import annotations

from ungeforlob.accounts.models import Sector
from ungeforlob.emergency.models import EmergencyAccess, EmergencyReason
from ungeforlob.emergency.services import emergency_access_start, emergency_settings_save
from ungeforlob.testing import Personas

EXPLANATION = "Politiet ringede kl. 9: den unge er meldt savnet, og kontaktpersonen er på kursus uden telefon."


def enable(p: Personas, sectors: tuple[str, ...] = (Sector.JOBCENTER,)) -> None:
    """Emergency access on for the job centre's staff (the outsider, Sara, works there)."""
    emergency_settings_save(actor=p.administrator, enabled=True, sectors=sectors)


def grant(p: Personas) -> EmergencyAccess:
    enable(p)
    return emergency_access_start(actor=p.outsider, youth=p.youth, reason=EmergencyReason.MISSING,
                                  explanation=EXPLANATION)
