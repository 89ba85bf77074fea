"""Demo data for progression: non-linear histories (leaps, detours back, overlaps), the youths' own
placements beside the team's, a few corrections, and kept self-evaluation rounds for some young people.

Idempotent: a young person who already has an assessment is left alone. Registered in demo.loader.DEMO_LOADERS.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from ungeforlob.chain.models import ChainRole
from ungeforlob.progression import services
from ungeforlob.progression.levels import LEVELS_BY_ORDER
from ungeforlob.progression.models import Assessment, SelfEvaluationRound
from ungeforlob.progression.questionnaire import DIMENSION_ORDER, STATEMENTS
from ungeforlob.progression.selectors import circle_professionals, indicators_by_level
from ungeforlob.youth.models import Youth

RATIONALE = {
    "kontaktparat": "Svarer på sms efter et par dage og kom til to ud af fire aftaler. Vi holder fast i kontakten.",
    "vejledningsparat": "Kommer til de fleste samtaler og kan sætte ord på, hvad der er svært. Klar til at tale om retning.",
    "valgparat": "Har besøgt FGU og talt om tømrer. Valget har holdt i en måned; adgangskravene er gennemgået.",
    "uddannelsesparat": "Stabilt fremmøde på FGU de sidste uger, afleverer og tager imod feedback. Hverdagen hænger sammen.",
    "erhvervsparat": "Har holdt praktikken i tre måneder, møder til tiden og klarer selv kontakten med mester.",
}
EVIDENCE = [
    "Set ved de sidste tre møder", "Mentor fortæller det samme", "Sagde det selv til samtalen",
    "Skolen bekræfter det", "Har holdt i flere uger", "Vi så det i praktikken",
]
OWN_WORDS = [
    "Jeg er klar, jeg skal bare have en plads.", "Det går bedre, men jeg er stadig træt om morgenen.",
    "Jeg ved ikke helt, hvad jeg vil endnu.", "Jeg synes, jeg er længere end I tror.",
    "Det har været en hård periode.", "Jeg vil gerne være tømrer.", "",
]
CORRECTIONS = ["Datoen var skrevet forkert", "Vi glemte, at mentor også deltog", "Niveauet blev sat forkert ved en fejl"]
FOLLOW_UPS = [
    "Vi talte om robusthed. Næste skridt: prøve en dag i praktik og se, hvordan det føles.",
    "Motivationen er høj. Vi aftalte at besøge to uddannelser inden næste runde.",
]


def _path(rng: random.Random, n: int) -> list[int]:
    """Levels 1–5 for n assessments: mostly forward, with leaps and detours back."""
    level = rng.choice([1, 1, 2, 2, 3])
    out = [level]
    for _i in range(n - 1):
        delta = rng.choices([1, 0, 2, -1, -2], weights=[40, 22, 12, 20, 6])[0]
        level = min(5, max(1, level + delta))
        out.append(level)
    if n >= 3 and all(b - a in (0, 1) for a, b in zip(out, out[1:], strict=False)):
        # Keep the demo honest: most histories are not a straight staircase.
        i = rng.randrange(1, n)
        out[i] = max(1, out[i - 1] - 1)
    return out


def _history(youth: Youth, rng: random.Random, contact: Any, indicator_groups: dict[str, list[Any]],
             today: datetime.date) -> None:
    course = youth.courses.filter(end_date__isnull=True).first()
    if course is None:
        return
    first = course.start_date + datetime.timedelta(days=rng.randint(10, 35))
    dates = []
    day = first
    while day <= today - datetime.timedelta(days=3):
        dates.append(day)
        day += datetime.timedelta(days=rng.randint(70, 105))
    if not dates:
        return
    participants = [pk for pk, _name in circle_professionals(youth)]
    levels = _path(rng, len(dates))
    made = []
    for on, order in zip(dates, levels, strict=True):
        code = LEVELS_BY_ORDER[order]
        overlap = ""
        if rng.random() < 0.3:
            other = max(1, min(5, order + (1 if order < 5 and rng.random() < 0.75 else -1)))
            overlap = LEVELS_BY_ORDER[other] if other != order else ""
        observed = rng.sample(indicator_groups[code], k=min(len(indicator_groups[code]), rng.randint(1, 3)))
        placement = ""
        if rng.random() < 0.65:
            placement = LEVELS_BY_ORDER[max(1, min(5, order + rng.choice([-1, 0, 0, 1, 1])))]
        made.append(services.assessment_create(
            actor=contact, youth=youth, assessed_on=on, level=code, overlap_level=overlap,
            rationale=RATIONALE[code], observations={i.pk: rng.choice(EVIDENCE) for i in observed},
            participant_ids=rng.sample(participants, k=min(len(participants), rng.randint(1, 2))),
            youth_took_part=rng.random() < 0.7, youth_placement_level=placement,
            youth_placement_words=rng.choice(OWN_WORDS) if placement else "",
        ))
    if rng.random() < 0.2:
        assessment = rng.choice(made)
        v = assessment.versions.get(is_current=True)
        services.assessment_correct(
            actor=contact, assessment=assessment, reason=rng.choice(CORRECTIONS),
            assessed_on=v.assessed_on - datetime.timedelta(days=rng.randint(0, 3)), level=v.level,
            overlap_level=v.overlap_level, rationale=v.rationale,
            observations={o.indicator_id: o.evidence for o in v.observations.all()},
            participant_ids=[u.pk for u in v.participants.all()], youth_took_part=v.youth_took_part,
        )


def _self_evaluations(youth: Youth, rng: random.Random, contact: Any, rounds: int) -> None:
    base = {d: rng.uniform(1.8, 3.6) for d in DIMENSION_ORDER}
    for n in range(rounds):
        round = services.self_evaluation_start(youth=youth, actor=contact)
        answers: dict[str, int | None] = {}
        for s in STATEMENTS:
            if rng.random() < 0.08:
                answers[s.key] = None  # "ved ikke"
            else:
                answers[s.key] = max(1, min(5, round_half(base[s.dimension] + n * 0.5 + rng.uniform(-1, 1))))
        services.self_evaluation_answer(round=round, answers=answers, actor=contact,
                                        goals={"maal": "Finde ud af, om tømrer er noget for mig"} if n == 0 else {})
        services.self_evaluation_finish(round=round, keep=True, actor=contact)
        if n == rounds - 1:
            services.self_evaluation_follow_up(round=round, note=rng.choice(FOLLOW_UPS), actor=contact)
        # Spread the rounds out in time, as if taken a few months apart.
        when = timezone.now() - datetime.timedelta(days=(rounds - n) * 95 - 90)
        SelfEvaluationRound.objects.filter(pk=round.pk).update(started_at=when, finished_at=when)


def round_half(value: float) -> int:
    return int(value + 0.5)


@transaction.atomic
def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    today = timezone.localdate()
    indicator_set = services.indicator_set_current(municipality=municipality, actor=staff.get("admin"))
    groups = {g["code"]: g["indicators"] for g in indicators_by_level(indicator_set)}
    youths = Youth.objects.filter(municipality=municipality).order_by("pk")
    assessed = set(Assessment.objects.filter(youth__municipality=municipality).values_list("youth_id", flat=True))
    for i, youth in enumerate(youths):
        if youth.pk in assessed:
            continue
        rng = random.Random(f"progression-{youth.cpr_hash}")  # noqa: S311 - demo data, not security
        if rng.random() < 0.12:
            continue  # some young people are still waiting for their first assessment
        membership = youth.memberships.open().filter(role=ChainRole.CONTACT_PERSON).first()
        if membership is None or membership.professional is None:
            continue
        contact = membership.professional
        _history(youth, rng, contact, groups, today)
        if i % 4 == 0 and not youth.self_evaluation_rounds.exists():
            _self_evaluations(youth, rng, contact, rounds=rng.randint(1, 3))



