"""The work-readiness self-evaluation: six dimensions, our own plain-Danish statements.

The six dimensions are named in *Youth in transition* (2020). Its questions and scale were never published,
so every statement here is this project's own (and none is taken from the licensed Outcomes Star). The young
person answers each statement 1–5, or "ved ikke". A statement's key never changes meaning: a new wording gets
a new key and a new QUESTIONNAIRE_VERSION, so earlier rounds still read correctly.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

QUESTIONNAIRE_VERSION = "1"


class Dimension(models.TextChoices):
    MOTIVATION = "motivation", _("Motivation")
    GOALS = "maal", _("Mål")
    FLEXIBILITY = "fleksibilitet", _("Fleksibilitet")
    RESILIENCE = "robusthed", _("Robusthed")
    SOCIAL_NORMS = "sociale_normer", _("Sociale normer")
    PROFESSIONAL = "faglighed", _("Faglighed")


DIMENSION_ORDER: list[str] = [d.value for d in Dimension]

DIMENSION_INTRO: dict[str, object] = {
    Dimension.MOTIVATION: _("Hvad driver dig, og hvor meget lyst har du til at komme videre?"),
    Dimension.GOALS: _("Ved du, hvor du gerne vil hen, og hvordan du kommer derhen?"),
    Dimension.FLEXIBILITY: _("Hvordan har du det med forandringer og nye ting?"),
    Dimension.RESILIENCE: _("Hvordan klarer du det, når noget er svært?"),
    Dimension.SOCIAL_NORMS: _("Hvordan har du det med de uskrevne regler på en skole eller arbejdsplads?"),
    Dimension.PROFESSIONAL: _("Hvad kan du, og hvad vil du gerne lære?"),
}


@dataclass(frozen=True)
class Statement:
    key: str
    dimension: str
    text: object


STATEMENTS: list[Statement] = [
    Statement("mot1", Dimension.MOTIVATION, _("Jeg har lyst til at komme i gang med noget nyt.")),
    Statement("mot2", Dimension.MOTIVATION, _("Jeg ved, hvad der giver mig energi.")),
    Statement("mot3", Dimension.MOTIVATION, _("Jeg gør også ting, der er svære eller kedelige, når jeg kan se meningen med dem.")),
    Statement("mot4", Dimension.MOTIVATION, _("Jeg tror på, at jeg kan nå det, jeg gerne vil.")),
    Statement("maal1", Dimension.GOALS, _("Jeg ved, hvad jeg gerne vil arbejde med eller uddanne mig til.")),
    Statement("maal2", Dimension.GOALS, _("Jeg kan dele et stort mål op i små skridt.")),
    Statement("maal3", Dimension.GOALS, _("Jeg ved, hvad mit næste skridt er.")),
    Statement("maal4", Dimension.GOALS, _("Jeg holder fast i et mål, også når det tager tid.")),
    Statement("flex1", Dimension.FLEXIBILITY, _("Jeg kan klare det, når en plan bliver lavet om.")),
    Statement("flex2", Dimension.FLEXIBILITY, _("Jeg tør prøve noget, jeg ikke har prøvet før.")),
    Statement("flex3", Dimension.FLEXIBILITY, _("Jeg kan arbejde sammen med mange slags mennesker.")),
    Statement("flex4", Dimension.FLEXIBILITY, _("Jeg vænner mig hurtigt til et nyt sted med nye regler.")),
    Statement("rob1", Dimension.RESILIENCE, _("Jeg kommer på benene igen, når noget er gået galt.")),
    Statement("rob2", Dimension.RESILIENCE, _("Jeg ved, hvad jeg kan gøre, når jeg bliver stresset eller urolig.")),
    Statement("rob3", Dimension.RESILIENCE, _("Jeg beder om hjælp, når jeg har brug for det.")),
    Statement("rob4", Dimension.RESILIENCE, _("Jeg passer på min søvn, min mad og min hverdag, så jeg har kræfter.")),
    Statement("soc1", Dimension.SOCIAL_NORMS, _("Jeg kommer til tiden, når jeg har en aftale.")),
    Statement("soc2", Dimension.SOCIAL_NORMS, _("Jeg giver besked, hvis jeg ikke kan komme.")),
    Statement("soc3", Dimension.SOCIAL_NORMS, _("Jeg kan tage imod en besked eller kritik fra en lærer eller chef.")),
    Statement("soc4", Dimension.SOCIAL_NORMS, _("Jeg ved, hvordan man er sammen med andre på en skole eller arbejdsplads.")),
    Statement("fag1", Dimension.PROFESSIONAL, _("Jeg kan læse og skrive det, jeg skal bruge i hverdagen.")),
    Statement("fag2", Dimension.PROFESSIONAL, _("Jeg kan regne det, jeg skal bruge i hverdagen.")),
    Statement("fag3", Dimension.PROFESSIONAL, _("Jeg ved, hvad jeg er god til.")),
    Statement("fag4", Dimension.PROFESSIONAL, _("Jeg har lyst til at lære noget, jeg kan bruge i et job.")),
]
STATEMENTS_BY_KEY: dict[str, Statement] = {s.key: s for s in STATEMENTS}


def statements_for(dimension: str) -> list[Statement]:
    return [s for s in STATEMENTS if s.dimension == dimension]


# The answer scale. None is "ved ikke": an answer, but not a number.
SCALE: list[tuple[int, object]] = [
    (1, _("Passer slet ikke")),
    (2, _("Passer lidt")),
    (3, _("Passer nogenlunde")),
    (4, _("Passer godt")),
    (5, _("Passer helt")),
]
DONT_KNOW = "ved_ikke"
DONT_KNOW_LABEL = _("Ved ikke")
