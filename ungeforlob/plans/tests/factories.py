"""Building plans for tests through the services (so history and audit rows are real)."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.utils import timezone

from ungeforlob.plans import services
from ungeforlob.plans.models import Goal

_serial = itertools.count(1)


def build_plan(youth: Any, actor: Any, *, goals: int = 1, subgoals: int = 1, activities: int = 1,
               evaluations: int = 1) -> list[Goal]:
    """A plan of the given shape: goals × sub-goals × (activities, evaluations)."""
    made = []
    today = timezone.localdate()
    for g in range(goals):
        # Goal texts are unique per youth (a repeated one is refused as a double submission).
        n = g + 1 if not youth.plan_goals.filter(text=f"Mål nummer {g + 1}").exists() else next(_serial) + 100
        goal = services.goal_create(youth=youth, actor=actor, text=f"Mål nummer {n}", written_by="ung")
        made.append(goal)
        for s in range(subgoals):
            sg = services.subgoal_create(youth=youth, goal=goal, actor=actor, text=f"Delmål {g + 1}.{s + 1}",
                                         success_criterion="Det kan vi se", status="i_gang",
                                         target_date=today + datetime.timedelta(days=30))
            for a in range(activities):
                services.activity_create(youth=youth, subgoal=sg, actor=actor, title=f"Aktivitet {a + 1}",
                                         reason="Det hjælper", responsible="fagperson",
                                         responsible_name="Mette", methods=["kl_opdage", "mestring"])
            for e in range(evaluations):
                services.evaluation_create(youth=youth, actor=actor, subgoal=sg, closeness=1 + e % 5,
                                           went_well="Godt", next_step="Videre")
    return made
