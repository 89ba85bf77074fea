"""Demo Kommune's "Vælg din kontaktperson": three professionals who let young people choose them, each with a
short presentation in their own words, so the page on Min side has people to choose among.

Idempotent: a professional who already has a presentation is left as they are.
"""

from __future__ import annotations

from typing import Any

from ungeforlob.portal import services
from ungeforlob.portal.models import StaffPresentation

PRESENTATIONS = [
    ("kontaktperson", "Jeg er god til at lytte. Og til at finde en vej, når alt føles svært."),
    ("kasper", "Jeg kender alle skolerne i kommunen. Jeg hjælper dig med at vælge og komme godt i gang."),
    ("ahmad", "Jeg er mentor og kender byen. Vi kan mødes på en bænk, ved klatrevæggen eller i Ungehuset."),
]


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    for username, good_at in PRESENTATIONS:
        user = staff.get(username)
        if user is None or StaffPresentation.objects.filter(user=user).exists():
            continue
        services.presentation_save(actor=user, choosable=True, good_at=good_at)
