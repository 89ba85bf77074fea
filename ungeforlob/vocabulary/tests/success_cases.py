"""Every vocabulary URL for its rightful user: GET renders, a valid POST has its effect."""

from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C
from ungeforlob.vocabulary.models import AgeBounds, Approach, MethodTag, RoleDescription, Term


def cases(p: Personas) -> list[C]:
    m = p.municipality
    term = Term.objects.create(municipality=m, term="Successbegreb", meaning="Den aftalte betydning")
    spare = Term.objects.create(municipality=m, term="Ekstrabegreb", meaning="Kan slettes")
    t, s, org = term.pk, spare.pk, p.organisation.pk
    L = "leader"
    return [
        C("vocabulary:glossary", "/faelles-sprog/?q=success", who="outsider", contains="Den aftalte betydning"),
        C("vocabulary:glossary_seed", "/faelles-sprog/hent-standard/", "post", who=L,
          effect=lambda r: Term.objects.filter(municipality=m, key="kaedeansvar").exists()),
        C("vocabulary:term_create", "/faelles-sprog/nyt/", who=L),
        C("vocabulary:term_create", "/faelles-sprog/nyt/", "post",
          {"term": "Brobygning", "meaning": "Et kort forløb på en uddannelse.", "agreed_by": "Kædegruppen"}, who=L,
          effect=lambda r: Term.objects.filter(municipality=m, term="Brobygning").exists()),
        C("vocabulary:term_edit", f"/faelles-sprog/{t}/", who=L, contains="Successbegreb"),
        C("vocabulary:term_edit", f"/faelles-sprog/{t}/", "post",
          {"term": "Successbegreb", "meaning": "Ny betydning", "version": "1"}, who=L,
          effect=lambda r: Term.objects.get(pk=t).meaning == "Ny betydning"),
        C("vocabulary:term_delete", f"/faelles-sprog/{s}/slet/", who=L, contains="Ekstrabegreb"),
        C("vocabulary:term_delete", f"/faelles-sprog/{s}/slet/", "post", who=L,
          effect=lambda r: not Term.objects.filter(pk=s).exists()),
        C("vocabulary:roles", "/faelles-sprog/roller/", who="outsider", contains="Kontaktperson+"),
        C("vocabulary:role_edit", "/faelles-sprog/roller/mentor/", who=L, contains="hverdagen"),
        C("vocabulary:role_edit", "/faelles-sprog/roller/mentor/", "post",
          {"staff_text": "Mentor hos os.", "youth_helps": "Går med dig.", "version": "0"}, who=L,
          effect=lambda r: RoleDescription.objects.filter(municipality=m, role="mentor",
                                                          youth_helps="Går med dig.").exists()),
        C("vocabulary:role_reset", "/faelles-sprog/roller/mentor/standard/", who=L),
        C("vocabulary:role_reset", "/faelles-sprog/roller/mentor/standard/", "post", who=L,
          effect=lambda r: r.status_code == 302 and not RoleDescription.objects.filter(municipality=m).exists()),
        C("vocabulary:methods", "/faelles-sprog/metoder/", who="outsider", contains="Mestringsstrategier"),
        C("vocabulary:method_create", "/faelles-sprog/metoder/ny/", who=L),
        C("vocabulary:method_create", "/faelles-sprog/metoder/ny/", "post", {"label": "SeSiFU"}, who=L,
          effect=lambda r: MethodTag.objects.filter(municipality=m, label="SeSiFU").exists()),
        C("vocabulary:method_edit", "/faelles-sprog/metoder/mestring/", who=L, contains="Mestringsstrategier"),
        C("vocabulary:method_edit", "/faelles-sprog/metoder/mestring/", "post",
          {"label": "Mestring", "version": "0"}, who=L,
          effect=lambda r: MethodTag.objects.filter(municipality=m, code="mestring", label="Mestring").exists()),
        C("vocabulary:method_delete", "/faelles-sprog/metoder/mestring/slet/", who=L),
        C("vocabulary:method_delete", "/faelles-sprog/metoder/mestring/slet/", "post", who=L,
          effect=lambda r: not MethodTag.objects.filter(municipality=m, code="mestring").exists()),
        C("vocabulary:age_bounds", "/faelles-sprog/maalgruppe/", who="outsider", contains="fra 15 til 29 år"),
        C("vocabulary:age_bounds", "/faelles-sprog/maalgruppe/", "post",
          {"min_age": "14", "max_age": "25", "version": "0"}, who=L,
          effect=lambda r: AgeBounds.objects.filter(municipality=m, min_age=14, max_age=25).exists()),
        C("vocabulary:organisations", "/kaedens-organisationer/", who="outsider", contains="Ungeindsatsen"),
        C("vocabulary:organisation", f"/kaedens-organisationer/{org}/", who="outsider", contains="Ungeindsatsen"),
        C("vocabulary:approach_edit", f"/kaedens-organisationer/{org}/tilgang/", who="contact_person"),
        C("vocabulary:approach_edit", f"/kaedens-organisationer/{org}/tilgang/", "post",
          {"approach": "Vi møder de unge, hvor de er.", "version": "0"}, who="contact_person",
          effect=lambda r: Approach.objects.filter(organisation_id=org).exists()),
    ]
