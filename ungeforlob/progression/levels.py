"""The five levels of the taxonomy of youth progression.

The levels are the model's own structure (*Unge med kant* / *Youth in transition*) and the same in every
municipality, so they are code. What describes each level — the indicators — is data, per municipality
(see models.IndicatorSet).

The order is the model's, not a ladder of achievements: progression is not linear (leaps, detours and
overlaps happen, and movement both ways is normal), and *erhvervsparat* most often follows or supplements
*uddannelsesparat* — beside it or after it, not a fixed quantity above it, and it can prove fragile. The texts
below say so; the formal uddannelsesparathedsvurdering (UPV) is something else, recorded beside the level.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    CONTACT_READY = "kontaktparat", _("Kontaktparat")
    GUIDANCE_READY = "vejledningsparat", _("Vejledningsparat")
    CHOICE_READY = "valgparat", _("Valgparat")
    EDUCATION_READY = "uddannelsesparat", _("Uddannelsesparat")
    WORK_READY = "erhvervsparat", _("Erhvervsparat")


# 1 (kontaktparat) … 5 (erhvervsparat); 0 means "not assessed" wherever an order is shown or sorted.
LEVEL_ORDER: dict[str, int] = {level.value: i for i, level in enumerate(Level, start=1)}
LEVELS_BY_ORDER: dict[int, str] = {order: code for code, order in LEVEL_ORDER.items()}

# What each level means, in words a professional uses.
LEVEL_MEANING: dict[str, object] = {
    Level.CONTACT_READY: _("Kan nås og holder en vis kontakt."),
    Level.GUIDANCE_READY: _("Kan bruge vejledningssamtaler."),
    Level.CHOICE_READY: _("Kan træffe og fastholde et valg af retning."),
    Level.EDUCATION_READY: _("Har de faglige, personlige og sociale forudsætninger for at gå i uddannelse."),
    Level.WORK_READY: _("Balance mellem arbejdsmarkedets forventninger og den unges potentiale – oftest efter "
                        "eller ved siden af uddannelsesparat, og ikke fast: det kan vise sig skrøbeligt."),
}

# The same levels in the young person's own words ("her er du på vej").
LEVEL_PLAIN_TITLE: dict[str, object] = {
    Level.CONTACT_READY: _("Vi har kontakt"),
    Level.GUIDANCE_READY: _("Vi taler om, hvad du vil"),
    Level.CHOICE_READY: _("Du vælger en retning"),
    Level.EDUCATION_READY: _("Du er klar til skole eller uddannelse"),
    Level.WORK_READY: _("Du er også klar til et job"),
}
LEVEL_PLAIN_TEXT: dict[str, object] = {
    Level.CONTACT_READY: _("Du svarer, når vi skriver eller ringer, og du kommer til nogle af vores aftaler."),
    Level.GUIDANCE_READY: _("Du kan bruge vores samtaler til at tale om, hvad du er god til, og hvad der er svært."),
    Level.CHOICE_READY: _("Du har et par ideer til uddannelse eller job, har prøvet noget af det og holder fast i et valg."),
    Level.EDUCATION_READY: _("Du kommer hver dag, kan følge med i timerne og har styr på din hverdag."),
    Level.WORK_READY: _("Du kan passe et job eller en praktik. Det kan ske før, efter eller ved siden af skole. "
                        "Det er ikke fast. Det kan godt ændre sig igen."),
}
# How the young person places themselves: first person, no jargon.
LEVEL_SELF_PLACEMENT: dict[str, object] = {
    Level.CONTACT_READY: _("Jeg holder kontakten og kommer til nogle af møderne."),
    Level.GUIDANCE_READY: _("Jeg kan bruge at tale med nogen om, hvad jeg vil."),
    Level.CHOICE_READY: _("Jeg ved nogenlunde, hvad jeg vil, og har prøvet noget af det."),
    Level.EDUCATION_READY: _("Jeg er klar til at gå i skole eller på en uddannelse."),
    Level.WORK_READY: _("Jeg kan også passe et job eller en praktik."),
}


def level_label(code: str) -> str:
    return str(Level(code).label) if code in LEVEL_ORDER else ""
