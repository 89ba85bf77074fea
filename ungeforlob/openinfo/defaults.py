"""The texts a municipality's public page starts from, in plain Danish (LIX under 35). The municipality edits
them before it publishes the page; the contact texts are placeholders it must fill in with its own numbers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

DEFAULT_TEXTS = {
    "intro": _(
        "Ungeindsatsen hjælper unge mellem 15 og 25 år. Vi hjælper dig med skole, job og livet ved siden af.\n\n"
        "Du får én fast voksen. Vi kalder det din kontaktperson. Hun eller han kender dig og hjælper dig videre. "
        "Sammen laver I en plan med dine egne mål. Du bestemmer med.\n\n"
        "Vi taler kun med andre om dig, når du siger ja. Eller når loven siger, at vi skal."),
    "contact_youth": _(
        "Er du ung og vil have hjælp? Ring eller skriv til os. Du kan også bare komme forbi.\n"
        "Skriv her jeres telefon, mail og adresse."),
    "contact_parent": _(
        "Er du forælder og bekymret for dit barn? Ring til os. Vi finder ud af det sammen med jer.\n"
        "Skriv her jeres telefon og mail for forældre."),
    "contact_professional": _(
        "Er du lærer, mentor eller anden fagperson? Kontakt os, hvis du ser en ung, der har brug for hjælp.\n"
        "Skriv her jeres telefon og mail for fagpersoner."),
    "procedures_intro": _(
        "Når du starter i skole eller job, følger vi dig. Vi mødes før du starter. Vi sender en sms dagen før. "
        "Og vi spørger, hvordan det går, de første uger. Så står du ikke alene."),
}
