"""The access policy: the one place that decides who may see and change what.

Every page, API endpoint and export that touches a young person's data starts here:

* A professional sees a young person only while they (or a team they belong to) have an *active*
  membership in that young person's circle (kæden), within their own municipality.
* A membership that rests on the young person's consent (a member from another sector) is active only
  while that consent is neither withdrawn nor expired: withdrawing consent removes access at once.
* Leaders and administrators see no personal data unless they are themselves members of the circle;
  leaders see aggregates (the insights app), administrators run the system.
* "Not visible" is answered exactly like "does not exist": `get_youth_for` raises Http404 in both cases.
* Reading through `get_youth_for` writes the audit row, so a view cannot read without logging.

Other apps ask this module; they never write their own membership filters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ungeforlob.accounts.models import Role
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.youth.models import Youth

if TYPE_CHECKING:
    from ungeforlob.accounts.models import User

# Roles that may change a young person's plan and record (besides the contact person, who always may).
EDITING_ROLES: frozenset[str] = frozenset(
    {
        ChainRole.CONTACT_PERSON,
        ChainRole.UU_COUNSELLOR,
        ChainRole.CASEWORKER,
        ChainRole.JOB_CONSULTANT,
        ChainRole.MENTOR,
        ChainRole.SCHOOL_COUNSELLOR,
        ChainRole.SOCIAL_WORKER,
    }
)


def _is_staff_user(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def active_memberships(user: User) -> QuerySet[Membership]:
    """The user's active memberships, personal or through a team.

    Active: started, not ended, and — when the membership rests on a consent — that consent is neither
    withdrawn nor past its expiry date (valid through `expires_on`).
    """
    today = timezone.localdate()
    return (
        Membership.objects.filter(
            Q(professional=user) | Q(team__members=user),
            start_date__lte=today,
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=today))
        .filter(Q(consent__isnull=True) | Q(consent__withdrawn_at__isnull=True, consent__expires_on__gte=today))
    )


def visible_youth(user: Any) -> QuerySet[Youth]:
    """Every young person this user may see (an empty queryset for anyone not in a circle)."""
    if not _is_staff_user(user) or user.municipality_id is None:
        return Youth.objects.none()
    in_circle = active_memberships(user).filter(youth=OuterRef("pk"))
    return Youth.objects.filter(municipality_id=user.municipality_id).filter(Exists(in_circle))


def can_view_youth(user: Any, youth: Youth) -> bool:
    return visible_youth(user).filter(pk=youth.pk).exists()


def roles_in_circle(user: Any, youth: Youth) -> set[str]:
    """The user's active roles in this youth's circle (empty when not a member)."""
    if not _is_staff_user(user) or user.municipality_id != youth.municipality_id:
        return set()
    return set(active_memberships(user).filter(youth=youth).values_list("role", flat=True))


def contact_person_youth(user: Any) -> QuerySet[Youth]:
    """The young people this user is (personally or through a team) the active contact person for."""
    contact = active_memberships(user).filter(youth=OuterRef("pk"), role=ChainRole.CONTACT_PERSON)
    return visible_youth(user).filter(Exists(contact))


def is_contact_person(user: Any, youth: Youth) -> bool:
    return ChainRole.CONTACT_PERSON in roles_in_circle(user, youth)


def can_edit_youth(user: Any, youth: Youth) -> bool:
    """May change the youth's record and plan: the contact person and members in an editing role."""
    return bool(roles_in_circle(user, youth) & EDITING_ROLES)


def get_youth_for(
    user: Any,
    youth_id: Any,
    *,
    what: str = "youth",
    purpose: str = "",
    audit: bool = True,
    for_edit: bool = False,
) -> Youth:
    """Return the young person if the user may see them, and log the read.

    Raises Http404 both when the youth does not exist and when the user may not see them (or, with
    `for_edit`, may not change them), so the answer leaks nothing. `what` names the part read
    (e.g. "plan", "profile") in the audit row.
    """
    try:
        pk = int(youth_id)
    except (TypeError, ValueError):
        raise Http404 from None
    youth = visible_youth(user).select_related("municipality").filter(pk=pk).first()
    if youth is None or (for_edit and not can_edit_youth(user, youth)):
        raise Http404
    if audit:
        audit_record(actor=user, action=AuditAction.READ, youth=youth, object_type=what, purpose=purpose)
    return youth


def is_administrator(user: Any) -> bool:
    return _is_staff_user(user) and user.role == Role.ADMINISTRATOR


def is_leader(user: Any) -> bool:
    return _is_staff_user(user) and user.role in {Role.LEADER, Role.ADMINISTRATOR}


def visible_professionals(user: Any) -> QuerySet[User]:
    """Staff of the user's own municipality (for administrator pages and pickers)."""
    from ungeforlob.accounts.models import User

    if not _is_staff_user(user) or user.municipality_id is None:
        return User.objects.none()
    return User.objects.filter(municipality_id=user.municipality_id)
