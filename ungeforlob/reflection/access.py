"""Who may see and do what in "Modellen hos os". No young person is involved, so these rules rest on the
policy's predicates about the user (staff, leader, municipality) and on group membership, not on circles.

* A reflection group and its reflections: its members see and write them; the municipality's leaders see all
  (read only, unless they are members). Everyone else gets the same 404 as for a group that does not exist.
* The model's texts and the competences: every member of staff reads their own municipality's; leaders edit.
* A competence profile: the person and their own leader see it; only the person rates themselves; the person
  and their leader plan development. A team's coverage: its members and the municipality's leaders, and only
  as counts.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from ungeforlob import policy
from ungeforlob.accounts.models import Team, User
from ungeforlob.reflection.models import AgreedAction, Reflection, ReflectionGroup


def is_staff_in_municipality(user: Any) -> bool:
    return policy.is_staff_user(user) and user.municipality_id is not None


def may_edit_model(user: Any) -> bool:
    """Leaders (and administrators) adapt the municipality's model texts and competences."""
    return is_staff_in_municipality(user) and policy.is_leader(user)


def require_model_editor(user: Any) -> None:
    if not may_edit_model(user):
        raise PermissionDenied


def require_staff(user: Any) -> None:
    if not is_staff_in_municipality(user):
        raise PermissionDenied


def visible_groups(user: Any) -> QuerySet[ReflectionGroup]:
    """Groups the user may read: their own, or every group of the municipality for a leader."""
    if not is_staff_in_municipality(user):
        return ReflectionGroup.objects.none()
    groups = ReflectionGroup.objects.filter(municipality_id=user.municipality_id)
    if policy.is_leader(user):
        return groups
    return groups.filter(members=user)


def writable_groups(user: Any) -> QuerySet[ReflectionGroup]:
    """Groups the user may write in: only those they are a member of."""
    if not is_staff_in_municipality(user):
        return ReflectionGroup.objects.none()
    return ReflectionGroup.objects.filter(municipality_id=user.municipality_id, members=user)


def get_group(user: Any, pk: Any, *, write: bool = False) -> ReflectionGroup:
    key = policy.pk_or_404(pk)
    group = (writable_groups(user) if write else visible_groups(user)).filter(pk=key).first()
    if group is None:
        raise Http404
    return group


def get_reflection(user: Any, pk: Any, *, write: bool = False) -> Reflection:
    key = policy.pk_or_404(pk)
    groups = writable_groups(user) if write else visible_groups(user)
    reflection = (Reflection.objects.select_related("group").filter(pk=key, group__in=groups.values("pk"))
                  .first())
    if reflection is None:
        raise Http404
    return reflection


def get_action(user: Any, pk: Any) -> AgreedAction:
    """An agreed action the user may mark done: its owner, or a member of the group that agreed it."""
    key = policy.pk_or_404(pk)
    action = (AgreedAction.objects.select_related("reflection__group")
              .filter(pk=key, reflection__group__in=writable_groups(user).values("pk")).first())
    if action is None and is_staff_in_municipality(user):
        action = AgreedAction.objects.select_related("reflection__group").filter(
            pk=key, owner=user, reflection__group__municipality_id=user.municipality_id).first()
    if action is None:
        raise Http404
    return action


def may_see_profile(user: Any, person: User) -> bool:
    return is_staff_in_municipality(user) and person.municipality_id == user.municipality_id and (
        person.pk == user.pk or person.leader_id == user.pk)


def get_person(user: Any, pk: Any, *, rate: bool = False) -> User:
    """The professional whose profile this is: the user themselves, or (to read and plan) one they lead."""
    key = policy.pk_or_404(pk)
    person = User.objects.filter(pk=key, is_active=True).first()
    if person is None or not may_see_profile(user, person) or (rate and person.pk != user.pk):
        raise Http404
    return person


def visible_teams(user: Any) -> QuerySet[Team]:
    """Teams whose coverage the user may see: their own, or every team of the municipality for a leader."""
    if not is_staff_in_municipality(user):
        return Team.objects.none()
    teams = Team.objects.filter(municipality_id=user.municipality_id)
    return teams if policy.is_leader(user) else teams.filter(members=user)


def get_team(user: Any, pk: Any) -> Team:
    key = policy.pk_or_404(pk)
    team = visible_teams(user).filter(pk=key).first()
    if team is None:
        raise Http404
    return team
