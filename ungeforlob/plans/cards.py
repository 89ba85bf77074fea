"""The plan's card on the youth overview (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet

from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.plans.models import Goal, SubGoalStatus
from ungeforlob.youth.models import Youth


@prepared(youth_id=int)
def _goals_with_counts(*, youth_id: int) -> QuerySet[Goal]:
    return Goal.objects.filter(youth_id=youth_id).annotate(
        subgoal_total=Count("subgoals", distinct=True),
        subgoal_reached=Count("subgoals", filter=Q(subgoals__status=SubGoalStatus.REACHED), distinct=True),
    )


@reads_ahead(lambda youth, today: [_goals_with_counts.read(youth_id=youth.pk)])
def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """The goals and how many of their sub-goals are reached (one query)."""
    goals = _goals_with_counts(youth_id=youth.pk)
    for goal in goals:
        goal.youth = youth
    return {"goals": goals}
