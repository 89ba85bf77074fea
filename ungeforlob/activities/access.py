"""Who may do what with a fællesskab: the one predicate this app adds to the access policy.

* Every professional of a municipality sees its activities with their counts (no young person in them) and may
  create one.
* The one who runs an activity, and the one who created it, manage it: change, cancel, see who signed up and
  record attendance. Who signed up is shown to them as the minimum the activity needs (names), and every
  showing is logged with the purpose "fællesskab", so the young person sees it on "Hvem har kigget".
* A young person reaches the activities of her own municipality on Min side, and only her own sign-ups.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from ungeforlob import policy
from ungeforlob.accounts.models import Role
from ungeforlob.activities.models import Activity

PURPOSE = "fællesskab"


def may_run(user: Any) -> bool:
    """A professional of a municipality (leaders see aggregates only; administrators run the system)."""
    return bool(policy.is_staff_user(user) and user.municipality_id is not None and user.role == Role.PROFESSIONAL)


def require_may_run(user: Any) -> None:
    if not may_run(user):
        raise PermissionDenied


def activities_for(user: Any) -> QuerySet[Activity]:
    """The activities of the user's municipality (none for leaders and administrators)."""
    if not may_run(user):
        return Activity.objects.none()
    return Activity.objects.filter(municipality_id=user.municipality_id)


def managed_by(user: Any) -> QuerySet[Activity]:
    """The activities this user runs or created."""
    return activities_for(user).filter(Q(runner=user) | Q(created_by=user))


def may_manage(user: Any, activity: Activity) -> bool:
    return may_run(user) and activity.municipality_id == user.municipality_id and user.pk in {
        activity.runner_id, activity.created_by_id}


def _get(queryset: QuerySet[Activity], pk: Any) -> Activity:
    activity = (queryset.select_related("organisation", "runner", "created_by", "municipality")
                .filter(pk=policy.pk_or_404(pk)).first())
    if activity is None:
        raise Http404
    return activity


def get_activity_for(user: Any, pk: Any) -> Activity:
    """An activity of the user's municipality, or 404 (the same for "does not exist" and "not yours")."""
    require_may_run(user)
    return _get(activities_for(user), pk)


def get_managed_activity(user: Any, pk: Any) -> Activity:
    """An activity the user runs or created, or 404 (the same for "does not exist" and "not yours")."""
    require_may_run(user)
    return _get(managed_by(user), pk)


def activities_for_youth(youth: Any) -> QuerySet[Activity]:
    return Activity.objects.filter(municipality_id=youth.municipality_id)
