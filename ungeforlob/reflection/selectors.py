"""Reads for "Modellen hos os". Every page reads a fixed number of queries, whatever the number of elements,
questions, reflections, members or ratings."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Prefetch, Q, QuerySet

from ungeforlob.accounts.models import Team, User
from ungeforlob.reflection.models import (
    AgreedAction,
    Competence,
    DevelopmentItem,
    Element,
    Question,
    Rating,
    Reflection,
    ReflectionGroup,
    SelfRating,
)
from ungeforlob.reflection.services import default_data

STRONG = 3  # a self-rating of 3 ("Stærk") or 4 counts as strong in the team's coverage


def maturity_scale() -> list[dict[str, Any]]:
    return default_data()["maturity"]


def competence_scale() -> list[dict[str, Any]]:
    return default_data()["competence_scale"]


def elements_of(municipality_id: int, *, with_retired: bool = False) -> list[Element]:
    """The municipality's elements with their questions (2 queries); retired questions only when asked."""
    questions = Question.objects.all() if with_retired else Question.objects.filter(retired_at__isnull=True)
    return list(Element.objects.filter(municipality_id=municipality_id)
                .prefetch_related(Prefetch("questions", queryset=questions)))


def groups_overview(groups: QuerySet[ReflectionGroup]) -> list[ReflectionGroup]:
    """Groups with their member and reflection counts and latest reflection date (1 query)."""
    # Re-selected by id: `groups` may already join the members (a professional's own groups), which would
    # make the member count count only the user.
    return list(ReflectionGroup.objects.filter(pk__in=groups.values("pk")).annotate(
        n_members=Count("members", distinct=True), n_reflections=Count("reflections", distinct=True),
        last_held=Max("reflections__held_on")).order_by("name", "pk"))


@dataclass
class Chart:
    """Maturity per element across a group's reflections, as an SVG's geometry and as a table."""

    reflections: list[Reflection]
    rows: list[dict[str, Any]] = field(default_factory=list)
    width: int = 400
    height: int = 0
    grid: list[dict[str, int]] = field(default_factory=list)


CHART_COLOURS = ("#b7d3e8", "#6fa3c9", "#2f6f9f", "#00385f", "#5b3f8c", "#7c9a2d")
CHART_LAST = 6  # the chart shows the latest six reflections; the table beside it the same


def maturity_chart(group: ReflectionGroup, elements: list[Element]) -> Chart:
    """A grouped horizontal bar chart: one row per element, one bar per reflection (oldest first) (2 queries)."""
    reflections = list(Reflection.objects.filter(group=group).order_by("-held_on", "-pk")[:CHART_LAST])[::-1]
    levels: dict[tuple[int, int], int] = {
        (r.reflection_id, r.element_id): r.level
        for r in Rating.objects.filter(reflection__in=[r.pk for r in reflections])}
    chart = Chart(reflections=reflections)
    # Each element's name above its bars (readable on a phone, where the chart is scaled down).
    bar_h, gap, top, label_h = 12, 12, 18, 16
    bar_area = chart.width - 8
    y = top
    for element in elements:
        bars = []
        for i, reflection in enumerate(reflections):
            level = levels.get((reflection.pk, element.pk))
            bars.append({"level": level, "y": y + label_h + i * bar_h, "width": round(bar_area * (level or 0) / 4),
                         "colour": CHART_COLOURS[i % len(CHART_COLOURS)], "reflection": reflection})
        chart.rows.append({"element": element, "y": y, "label_y": y + 12, "bars": bars})
        y += label_h + max(1, len(reflections)) * bar_h + gap
    chart.height = y
    chart.grid = [{"x": 4 + round(bar_area * n / 4), "n": n} for n in range(5)]
    return chart


def reflection_detail(reflection: Reflection) -> dict[str, Any]:
    """Everything one reflection shows: elements with questions (incl. retired ones answered here), answers,
    ratings and actions (5 queries)."""
    municipality_id = reflection.group.municipality_id
    answers = {a.question_id: a.text for a in reflection.answers.all()}
    ratings = {r.element_id: r.level for r in reflection.ratings.all()}
    questions = Question.objects.filter(Q(retired_at__isnull=True) | Q(pk__in=list(answers)))
    elements = list(Element.objects.filter(municipality_id=municipality_id)
                    .prefetch_related(Prefetch("questions", queryset=questions)))
    scale = {s["level"]: s for s in maturity_scale()}
    sections = []
    for element in elements:
        level = ratings.get(element.pk)
        sections.append({
            "element": element, "level": level, "step": scale.get(level) if level else None,
            "questions": [{"question": q, "answer": answers.get(q.pk, "")} for q in element.questions.all()],
        })
    actions = list(reflection.actions.select_related("owner").order_by("due", "pk"))
    return {"sections": sections, "actions": actions, "answered": len(answers), "rated": len(ratings)}


def open_actions_due_qs(user: Any, *, today: datetime.date) -> QuerySet[AgreedAction]:
    return AgreedAction.objects.filter(owner=user, done_at__isnull=True, due__lte=today)


def open_actions_due(user: Any, *, today: datetime.date) -> list[AgreedAction]:
    """The user's open agreed actions due today or earlier (1 query)."""
    return list(open_actions_due_qs(user, today=today).select_related("reflection__group").order_by("due", "pk"))


def development_items_due_qs(user: Any, *, today: datetime.date) -> QuerySet[DevelopmentItem]:
    return DevelopmentItem.objects.filter(person=user, done_at__isnull=True, due__lte=today)


def development_items_due(user: Any, *, today: datetime.date) -> list[DevelopmentItem]:
    return list(development_items_due_qs(user, today=today).select_related("competence").order_by("due", "pk"))


# --- Competence profile -----------------------------------------------------------------------------------

def competences_of(municipality_id: int, *, with_retired: bool = False) -> list[Competence]:
    competences = Competence.objects.filter(municipality_id=municipality_id)
    if not with_retired:
        competences = competences.filter(retired_at__isnull=True)
    return list(competences.annotate(n_ratings=Count("self_ratings", distinct=True),
                                     n_items=Count("development_items", distinct=True)))


def profile_of(person: User) -> dict[str, Any]:
    """One professional's self-ratings per active competence, gaps (rated 1–2 or not rated) and
    development plan (3 queries)."""
    competences = competences_of(person.municipality_id) if person.municipality_id else []
    ratings = {r.competence_id: r for r in SelfRating.objects.filter(person=person)}
    scale = {s["level"]: s for s in competence_scale()}
    rows = []
    for c in competences:
        rating = ratings.get(c.pk)
        level = rating.level if rating else None
        rows.append({"competence": c, "level": level, "step": scale.get(level) if level else None,
                     "gap": level is None or level < STRONG, "rated_at": rating.rated_at if rating else None})
    items = list(DevelopmentItem.objects.filter(person=person).select_related("competence")
                 .order_by("done_at", "due", "pk"))
    return {"rows": rows, "rated": sum(1 for r in rows if r["level"]),
            "gaps": [r for r in rows if r["gap"]], "items": items}


def team_coverage(team: Team) -> dict[str, Any]:
    """How many of the team's members are strong in each competence, and how many have rated it — counts
    only, never who (2 queries)."""
    member_ids = list(team.members.filter(is_active=True).values_list("pk", flat=True))
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"strong": 0, "rated": 0})
    for row in (SelfRating.objects.filter(person_id__in=member_ids, competence__retired_at__isnull=True,
                                          competence__municipality_id=team.municipality_id)
                .values("competence_id").annotate(rated=Count("pk"), strong=Count("pk", filter=Q(level__gte=STRONG)))):
        counts[row["competence_id"]] = {"strong": row["strong"], "rated": row["rated"]}
    competences = list(Competence.objects.filter(municipality_id=team.municipality_id, retired_at__isnull=True))
    return {"members": len(member_ids), "rows": [
        {"competence": c, "strong": counts[c.pk]["strong"], "rated": counts[c.pk]["rated"]} for c in competences]}
