"""Demo data for "Modellen hos os": the model in use in Demo Kommune, a chain group across organisations with
two reflections some months apart (the maturity rising), a few agreed actions, a Kontaktperson+ team with
self-ratings and a development plan. About practice only: no young person is named or described.

Idempotent: a group that already exists by name is left alone, and so is a person who has rated themselves.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.accounts.models import Team
from ungeforlob.reflection import services
from ungeforlob.reflection.models import Competence, Element, ReflectionGroup, SelfRating

GROUP = "Kædegruppen for unge med kant"
# element key -> (level in the first reflection, level in the second)
LEVELS = {"meddesign": (2, 3), "profil": (2, 3), "delmaal": (2, 2), "evaluering": (1, 2), "metoder": (2, 2),
          "ledelse": (1, 2), "ungeinddragelse": (1, 1), "roller": (2, 3), "tilgange": (1, 2), "ressourcer": (2, 3)}
ANSWERS = {
    "meddesign": ("Vi spørger til den unges ønsker ved første samtale, men sjældent igen.",
                  "Vi starter hvert opfølgningsmøde med den unges egne ord om, hvad der er vigtigt nu."),
    "roller": ("Det er uklart, hvem der følger op efter praktik.",
               "Vi har skrevet hver rolle ned på én side og delt den med FGU og jobcentret."),
    "ledelse": ("Kontaktpersonerne oplever, at tiden til koordinering forsvinder i andre opgaver.",
                "Lederne har afsat fast tid til kædemøder hver anden uge."),
    "ressourcer": ("Vi kender ikke foreningernes tilbud godt nok.",
                   "Tilbudskataloget er gennemgået, og Gadeplan deltager nu i kædegruppen."),
}
ACTIONS = [  # (username, text, days from today) for the latest reflection
    ("kontaktperson", "Afprøv ny dagsorden for opfølgningsmøder, der starter med den unges ord", 0),
    ("kollega", "Aftal med FGU, hvem der følger op efter praktik", 7),
    ("leder", "Tag ungeråd op i ledergruppen", 21),
]
# username -> levels per competence position (1–4), the staff rating themselves
SELF = {"kontaktperson": [4, 3, 3, 2, 3, 2, 3, 4, 4, 4, 3], "kasper": [2, 2, 3, 3, 2, 1, 2, 3, 4, 3, 3]}


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    leader = staff["leder"]
    services.defaults_install(actor=leader, municipality=municipality)
    today = timezone.localdate()
    if not ReflectionGroup.objects.filter(municipality=municipality, name=GROUP).exists():
        members = [staff[u] for u in ("kontaktperson", "kollega", "leder", "ahmad", "peter")]
        group = services.group_create(actor=leader, name=GROUP, kind="chain", members=members)
        elements = {e.key: e for e in Element.objects.filter(municipality=municipality).prefetch_related("questions")}
        for n, held_on in enumerate((today - datetime.timedelta(days=120), today - datetime.timedelta(days=7))):
            reflection = services.reflection_create(actor=staff["kontaktperson"], group=group, held_on=held_on,
                                                    title=("Første gennemgang af modellen", "Opfølgning efter fire måneder")[n])
            answers = {elements[k].questions.all()[0].pk: texts[n] for k, texts in ANSWERS.items() if k in elements}
            ratings = {elements[k].pk: levels[n] for k, levels in LEVELS.items() if k in elements}
            services.reflection_save(actor=staff["kontaktperson"], reflection=reflection, version=0,
                                     title=reflection.title, answers=answers, ratings=ratings)
        for username, text, days in ACTIONS:
            services.action_add(actor=staff["kontaktperson"], reflection=reflection, text=text,
                                owner=staff[username], due=today + datetime.timedelta(days=days))

    team, _ = Team.objects.get_or_create(municipality=municipality, organisation=orgs["Ungeindsatsen (UU)"],
                                         name="Kontaktpersonerne")
    team.members.add(staff["kontaktperson"], staff["kasper"])
    competences = list(Competence.objects.filter(municipality=municipality, retired_at__isnull=True))
    for username, levels in SELF.items():
        person = staff[username]
        if SelfRating.objects.filter(person=person).exists():
            continue
        services.self_rating_save(actor=person, levels={c.pk: lv for c, lv in zip(competences, levels, strict=False)})
        weakest = min(zip(competences, levels, strict=False), key=lambda pair: pair[1])[0]
        services.development_item_add(actor=person, person=person, competence=weakest,
                                      text="Sidemandsoplæring med en kollega, der er stærk her",
                                      due=today + datetime.timedelta(days=30))
