"""The plan's card on the youth overview (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q

from ungeforlob.plans.models import Goal, SubGoalStatus
from ungeforlob.youth.models import Youth


def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """The goals and how many of their sub-goals are reached (one query)."""
    goals = list(Goal.objects.filter(youth=youth).annotate(
        subgoal_total=Count("subgoals", distinct=True),
        subgoal_reached=Count("subgoals", filter=Q(subgoals__status=SubGoalStatus.REACHED), distinct=True),
    ))
    return {"goals": goals}
