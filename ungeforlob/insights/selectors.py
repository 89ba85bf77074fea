"""Aggregates for leaders: counts and shares, never a young person's name or id.

The topics have their own modules: `flow` (levels), `outcomes` (courses and retention); this one holds the
figures for "now" at the top of the leader's home.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from ungeforlob.insights import suppression as s
from ungeforlob.insights.filters import LeaderFilters
from ungeforlob.insights.models import CourseState


def now_figures(filters: LeaderFilters) -> dict[str, Any]:
    """Young people in a course at the end of the last selected quarter, and courses ended in it (one query)."""
    last = filters.quarters[-1].start
    counts = filters.snapshots().filter(quarter=last).aggregate(
        open=Count("id", filter=Q(course_state=CourseState.OPEN)),
        ended=Count("id", filter=Q(course_state=CourseState.ENDED)))
    cells = [s.count(counts["open"]), s.count(counts["ended"])]
    if filters.active:
        cells = s.suppress_for_filter(cells, base=filters.base(), parent_bases=filters.parent_bases())
    return {"quarter": filters.quarters[-1], "open": cells[0], "ended": cells[1]}
