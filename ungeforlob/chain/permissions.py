"""Chain predicates, thin wrappers over `ungeforlob.policy` (which stays the one place for membership)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from ungeforlob import policy
from ungeforlob.accounts.models import Role, Sector
from ungeforlob.chain.models import ChainRole, Concern, Handover
from ungeforlob.youth.models import Youth


def intake_sectors() -> set[str]:
    return set(getattr(settings, "CHAIN_INTAKE_SECTORS", (Sector.UU_KUI,)))


def is_intake(user: Any) -> bool:
    """Reviews the referral queue: a professional (not a leader) of the municipal youth effort (UU/KUI)."""
    return bool(
        policy._is_staff_user(user)
        and user.municipality_id is not None
        and user.role == Role.PROFESSIONAL
        and user.organisation_id is not None
        and user.organisation.sector in intake_sectors()
    )


def may_refer(user: Any) -> bool:
    """Any member of staff in a municipality may refer a young person, except system administrators."""
    return bool(policy._is_staff_user(user) and user.municipality_id is not None
                and not policy.is_administrator(user))


def may_manage_circle(user: Any, youth: Youth) -> bool:
    """Add, change and end memberships, record consent: the contact person and editing roles."""
    return policy.can_edit_youth(user, youth)


def may_raise_concern(user: Any, youth: Youth) -> bool:
    """Any member of the circle, whatever their role."""
    return bool(policy.roles_in_circle(user, youth))


def may_handle_concern(user: Any, concern: Concern) -> bool:
    """Acknowledge, act, close: the contact person and the members who were notified (while in the circle)."""
    roles = policy.roles_in_circle(user, concern.youth)
    if not roles:
        return False
    return ChainRole.CONTACT_PERSON in roles or concern.notified.filter(pk=user.pk).exists()


def concerns_visible(user: Any) -> QuerySet[Concern]:
    return Concern.objects.filter(youth__in=policy.visible_youth(user))


def handovers_visible(user: Any) -> QuerySet[Handover]:
    """Handovers for youth in the user's circles, and those addressed to the user (the named receiver reads
    the handover before joining the circle — that is its purpose, and the sender checked the consent)."""
    if not policy._is_staff_user(user) or user.municipality_id is None:
        return Handover.objects.none()
    return Handover.objects.filter(youth__municipality_id=user.municipality_id).filter(
        Q(youth__in=policy.visible_youth(user)) | Q(receiver=user)
    )
