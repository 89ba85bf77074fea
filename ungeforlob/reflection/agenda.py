"""Reflection's items on *I dag* (declared in `ReflectionConfig.agenda_sources`): the agreed actions a person
owns and the steps of their development plan, when due. Neither is about a young person."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from ungeforlob.core.agenda import AgendaItem, probe_query, probed
from ungeforlob.reflection import selectors


def _actions_due(user: Any, *, today: datetime.date) -> list[Any]:
    return [_actions_of(user_id=user.pk, today=today)] if getattr(user, "is_authenticated", False) else []


def _development_due(user: Any, *, today: datetime.date) -> list[Any]:
    return [_development_of(user_id=user.pk, today=today)] if getattr(user, "is_authenticated", False) else []


@probe_query(user_id=int, today=datetime.date)
def _actions_of(*, user_id: int, today: datetime.date) -> QuerySet[Any]:
    return selectors.open_actions_due_qs(user_id, today=today)


@probe_query(user_id=int, today=datetime.date)
def _development_of(*, user_id: int, today: datetime.date) -> QuerySet[Any]:
    return selectors.development_items_due_qs(user_id, today=today)


@probed(_actions_due)
def actions_due(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Open agreed actions the user owns, due today or overdue (1 query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [AgendaItem(
        due=a.due, kind="handling", title=a.text, overdue=a.due < today,
        detail=_("Aftalt i %(group)s") % {"group": a.reflection.group.name},
        url=reverse("reflection:reflection", args=[a.reflection_id]) + f"#handling-{a.pk}",
    ) for a in selectors.open_actions_due(user, today=today)]


@probed(_development_due)
def development_due(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Steps of the user's own development plan, due today or overdue (1 query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    url = reverse("reflection:profile", args=[user.pk]) if user.pk else ""
    return [AgendaItem(
        due=item.due, kind="udviklingsplan", title=item.text, overdue=item.due < today,
        detail=item.competence.title if item.competence_id else "", url=f"{url}#udvikling-{item.pk}",
    ) for item in selectors.development_items_due(user, today=today)]
