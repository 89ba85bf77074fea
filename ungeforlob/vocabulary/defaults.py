"""What ships with the app: the defaults a municipality starts from and may change.

Role texts agree with the seed documents: where one person holds authority (the job centre or social services
decide on benefits and measures) and is also the young person's support, the text says so openly; no default
promises what one municipality does as its own practice (driving young people to appointments, for example).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import ChainRole
from ungeforlob.progression.levels import Level

DEFAULT_MIN_AGE = 15
DEFAULT_MAX_AGE = 29
# What a municipality may set: Varde starts in 8th grade (about 14); the law's own bounds end at 29/30.
AGE_LIMITS = (12, 35)

AGREED_BY_DEFAULT = _("Modellens eget begreb (standard)")


@cache
def shipped_terms() -> list[dict[str, str]]:
    """The model's own terms, as shipped in data/terms.json (the levels, the roles, kædeansvar …)."""
    path = Path(__file__).resolve().parent / "data" / "terms.json"
    return json.loads(path.read_text(encoding="utf-8"))


# Labels drawn across the product that explain themselves through the glossary: a term with one of these keys
# is in use, and deleting it archives it instead.
LABEL_KEYS: frozenset[str] = frozenset(Level.values) | frozenset(ChainRole.values)

ROLE_DEFAULTS: dict[str, dict[str, Any]] = {
    ChainRole.CONTACT_PERSON: {
        "staff": _("Kontaktperson+ koordinerer den unges forløb på tværs af kæden, holder sammen på planen og "
                   "følger den unge gennem overgangene. Er bindeled til de fagfolk, der kan hjælpe. Har "
                   "kontaktpersonen også en myndighedsrolle (fx som sagsbehandler), siges det åbent til den unge."),
        "helps": _("Holder sammen på din plan. Følger dig, når du skifter skole eller job. Er din faste voksne."),
        "not": _("Er ikke din behandler."),
        "decides": False,
    },
    ChainRole.UU_COUNSELLOR: {
        "staff": _("Vejleder den unge om uddannelse og job. Vurderer bl.a., om den unge hører til FGU's "
                   "målgruppe – det er en afgørelse."),
        "helps": _("Hjælper dig med at vælge uddannelse."),
        "not": _("Vælger ikke for dig."),
        "decides": True,
    },
    ChainRole.CASEWORKER: {
        "staff": _("Myndighedsperson i jobcentret: træffer afgørelser om ydelse, krav og indsats og er ofte også "
                   "den unges støtte. Sig åbent til den unge, at samme person både hjælper og bestemmer."),
        "helps": _("Støtter dig og hjælper med penge, ydelser og krav fra kommunen. Det er også den samme "
                   "person, der bestemmer om din ydelse."),
        "not": _("Kan ikke love dig noget, før der er truffet en afgørelse."),
        "decides": True,
    },
    ChainRole.JOB_CONSULTANT: {
        "staff": _("Hjælper den unge med job, praktik og kontakt til virksomheder. Ansat i jobcentret og kan "
                   "være med til afgørelser om den unges indsats – det siges åbent til den unge."),
        "helps": _("Hjælper dig med job, praktik og jobcentret. Er også med til at bestemme, hvad du skal i "
                   "jobcentret."),
        "not": _("Kan ikke give dig penge."),
        "decides": True,
    },
    ChainRole.MENTOR: {
        "staff": _("Støtter den unge i hverdagen med det, der er svært. Træffer ingen afgørelser."),
        "helps": _("Er med dig i hverdagen og øver det, der er svært."),
        "not": _("Bestemmer ikke noget om dig."),
        "decides": False,
    },
    ChainRole.TEACHER: {
        "staff": _("Underviser den unge og fortæller kæden, hvordan det går i skolen – med den unges samtykke."),
        "helps": _("Underviser dig og ser, hvordan det går i skolen."),
        "not": _("Bestemmer ikke din plan."),
        "decides": False,
    },
    ChainRole.SCHOOL_COUNSELLOR: {
        "staff": _("Vejleder på uddannelsesstedet; hjælper den unge med at blive og gennemføre."),
        "helps": _("Hjælper dig med at blive på din skole."),
        "not": _("Bestemmer ikke din plan."),
        "decides": False,
    },
    ChainRole.PSYCHOLOGIST: {
        "staff": _("Behandler den unge under tavshedspligt og deler kun det, den unge har sagt ja til."),
        "helps": _("Taler med dig om tanker og følelser."),
        "not": _("Fortæller ikke andre, hvad I taler om, uden at du ved det."),
        "decides": False,
    },
    ChainRole.ADDICTION: {
        "staff": _("Hjælper den unge med rusmidler og deler kun det, den unge har sagt ja til."),
        "helps": _("Hjælper, hvis rusmidler fylder for meget."),
        "not": _("Melder dig ikke til politiet."),
        "decides": False,
    },
    ChainRole.SOCIAL_WORKER: {
        "staff": _("Myndighedsperson i socialforvaltningen: træffer afgørelser om foranstaltninger og hjælp og er "
                   "ofte også den unges støtte. Sig åbent til den unge, at samme person både hjælper og bestemmer."),
        "helps": _("Støtter dig og hjælper med bolig, familie og hjælp fra kommunen. Det er også den samme "
                   "person, der bestemmer, hvilken hjælp du får."),
        "not": _("Kan ikke love dig hjælp, før der er truffet en afgørelse."),
        "decides": True,
    },
    ChainRole.VOLUNTEER: {
        "staff": _("Frivillig fra civilsamfundet; er sammen med den unge i fritiden og ser ingen sagsakter."),
        "helps": _("Er en frivillig, der kan være med til ting i fritiden."),
        "not": _("Ser ikke dine papirer."),
        "decides": False,
    },
    ChainRole.OTHER: {
        "staff": _("En anden rolle i den unges kæde."),
        "helps": _("Er med i din kæde."),
        "not": "",
        "decides": False,
    },
}


def default_methods() -> list[tuple[str, str]]:
    """The methods activities drew on before the list became the municipality's (plans' old fixed list)."""
    from ungeforlob.plans.models import Method

    return [(code, str(label)) for code, label in Method.choices]
