"""Demo data for the shared language: the model's terms, two local method tags, and three organisations'
approaches (no young people anywhere). Idempotent."""

from __future__ import annotations

from typing import Any

from ungeforlob.accounts.models import Municipality, Organisation
from ungeforlob.vocabulary import services
from ungeforlob.vocabulary.models import Approach, MethodTag

APPROACHES = [
    ("Ungeindsatsen (UU)", "kontaktperson",
     "Vi er den unges faste voksne på tværs af kæden. Vi arbejder ressourceorienteret og anerkendende, og vi "
     "planlægger forløbet sammen med den unge – med den unges egne ord i målene.",
     "Karrierelæring, motivationsarbejde, mestringsstrategier, taksonomien for ungeprogression.",
     "Ring til vagttelefonen hverdage 8–15."),
    ("FGU Demo", "udenfor",
     "Vi underviser i små hold med praktisk faglighed. Vi fortæller kontaktpersonen om fravær inden for to dage, "
     "når den unge har sagt ja til det.",
     "Praksisfaglig undervisning, brobygning, fraværsopfølgning.", ""),
    ("Foreningen Gadeplan", "ahmad",
     "Frivillige mentorer, der mødes med den unge i fritiden. Vi træffer ingen afgørelser og ser ingen sagsakter.",
     "Mentorsamtaler, fællesaktiviteter.", "Skriv til foreningens koordinator."),
]


def load(*, municipality: Municipality, staff: dict[str, Any], orgs: dict[str, Organisation]) -> dict[str, Any]:
    added = services.glossary_seed(municipality_id=municipality.pk)
    leader = staff["leder"]
    have = set(MethodTag.objects.filter(municipality=municipality).values_list("label", flat=True))
    for label, description in (("IPS", "Individuelt planlagt job med støtte"),
                               ("SeSiFU", "Sociale og emotionelle færdigheder i undervisningen")):
        if label not in have:
            services.method_tag_create(actor=leader, label=label, description=description)
    for org_name, username, approach, methods, contact in APPROACHES:
        org, author = orgs.get(org_name), staff.get(username)
        if org is None or author is None or Approach.objects.filter(organisation=org).exists():
            continue
        services.approach_save(actor=author, organisation=org, version=0, approach=approach, methods=methods,
                               contact=contact)
    return {"terms": added}
