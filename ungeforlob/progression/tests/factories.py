"""Small helpers for progression tests: assessments and self-evaluation rounds through the services."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.progression import services
from ungeforlob.progression.models import Assessment, SelfEvaluationRound
from ungeforlob.progression.questionnaire import STATEMENTS


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def assess(youth: Any, actor: Any, *, level: str, on: datetime.date | None = None, overlap: str = "",
           observations: dict[int, str] | None = None, placement: str = "", words: str = "") -> Assessment:
    return services.assessment_create(
        actor=actor, youth=youth, assessed_on=on or timezone.localdate(), level=level, overlap_level=overlap,
        rationale="Teamet er enige.", observations=observations or {}, participant_ids=[actor.pk],
        youth_placement_level=placement, youth_placement_words=words,
    )


def answered_round(youth: Any, actor: Any, *, value: int | None = 3, keep: bool | None = True,
                   goal: str = "") -> SelfEvaluationRound:
    round = services.self_evaluation_start(youth=youth, actor=actor)
    services.self_evaluation_answer(round=round, answers={s.key: value for s in STATEMENTS}, actor=actor,
                                    goals={"maal": goal} if goal else None)
    if keep is not None:
        services.self_evaluation_finish(round=round, keep=keep, actor=actor)
    round.refresh_from_db()
    return round
