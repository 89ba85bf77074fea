"""Demo Kommune's Ungerådet: a handful of members (some showing a first name), a past meeting with minutes, a
coming one, proposals with what came of them, and the voice demo's answered comments, one marked fit to show.

Idempotent: when the first demo meeting exists in the municipality, nothing is added.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.accounts.models import Municipality, User
from ungeforlob.youth.models import Youth
from ungeforlob.youthcouncil import selectors, services
from ungeforlob.youthcouncil.models import CouncilMeeting

FIRST_PLACE = "Ungdomshuset, mødelokale 1"
PROPOSALS = [
    ("Møder efter skole, ikke om morgenen", "gjort",
     "Nu kan I vælge et møde efter kl. 14. Det gælder alle kontaktpersoner."),
    ("Skriv brevene, så man kan forstå dem", "gjort", "Vi har skrevet vores breve om med kortere ord og sætninger."),
    ("Et sted at mødes, der ikke er et kontor", "i_gang", "Vi prøver at mødes på caféen i biblioteket i foråret."),
    ("Gratis buskort til praktik", "ikke",
     "Det kan vi ikke betale for alle. Men din kontaktperson kan søge om det, hvis du har brug for det."),
    ("Wi-fi i ventestuen", "ny", ""),
]


def load(*, municipality: Municipality, staff: dict[str, User], orgs: dict[str, Any]) -> None:
    if CouncilMeeting.objects.filter(municipality=municipality, place=FIRST_PLACE).exists():
        return
    leader = staff["leder"]
    today = timezone.localdate()
    past = services.meeting_create(
        actor=leader, held_on=today - datetime.timedelta(days=45), starts_at=datetime.time(16, 0), place=FIRST_PLACE,
        agenda="Hvordan er det at gå til møde hos os? Hvad kan vi gøre bedre?",
        minutes="Vi talte om mødetider, breve og steder at mødes. Mange vil gerne mødes efter skole. "
                "Breve er svære at læse. Vi skrev tre forslag ned.")
    for youth, name in zip(Youth.objects.filter(municipality=municipality).order_by("pk")[:6],
                           ["Ali", "", "Freja", "", "Emil", ""], strict=False):
        services.council_join(youth=youth, shown_name=name)
    services.meeting_create(actor=leader, held_on=today + datetime.timedelta(days=21), starts_at=datetime.time(16, 30),
                            place="Biblioteket, caféen",
                            agenda="Sommerens aktiviteter. Hvordan skal Min side se ud? Kom med dine ideer.")
    for text, status, outcome in PROPOSALS:
        services.proposal_create(actor=leader, text=text, status=status, outcome=outcome, meeting=past)
    shown = False
    for fb in selectors.answered(municipality.pk)[:8]:
        # The comments without a phone number or a name are fit to show; the voice demo's first answered one is.
        if not shown and not any(ch.isdigit() for ch in fb.comment):
            services.comment_show_set(actor=leader, feedback=fb, show_text=True)
            shown = True
