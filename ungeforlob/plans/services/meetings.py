"""Plan meetings (planmøder): who took part, what was agreed, and the changes made while one is going on."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.plans.models import TEXT_MAX, PlanMeeting
from ungeforlob.plans.services._base import (
    _audit,
    _check_staff_editor,
    _lock_youth,
    _raise,
    _recent,
    _refuse_double,
    _text,
)
from ungeforlob.youth.models import Youth

MANY_PARTICIPANTS = 3


@transaction.atomic
def meeting_create(*, youth: Youth, actor: Any, held_on: Any, participants: Iterable[Any] = (),
                   other_participants: str = "", youth_present: bool = True, agreed: str = "",
                   keep_open: bool = False) -> PlanMeeting:
    """Record a plan meeting. With `keep_open` (only for a meeting today) later changes are linked to it.

    Participants must be professionals active in the youth's circle.
    """
    from ungeforlob.plans.selectors import circle_professionals

    _check_staff_editor(youth=youth, actor=actor)
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if not isinstance(held_on, datetime.date):
        errors["held_on"] = _("Skriv mødets dato.")
    elif held_on > today + datetime.timedelta(days=365) or held_on.year < 2000:
        errors["held_on"] = _("Datoen ligger uden for det mulige.")
    elif keep_open and held_on != today:
        errors["keep_open"] = _("Kun et møde i dag kan være i gang.")
    allowed = {u.pk: u for u in circle_professionals(youth)}
    chosen = []
    for person in participants:
        pk = getattr(person, "pk", person)
        if pk not in allowed:
            errors["participants"] = _("Vælg deltagere blandt dem, der er i den unges kæde.")
            break
        chosen.append(allowed[pk])
    values = {
        "other_participants": _text(errors, "other_participants", other_participants, max_len=300),
        "agreed": _text(errors, "agreed", agreed, max_len=TEXT_MAX),
    }
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(PlanMeeting.objects.filter(youth=youth, held_on=held_on, created_by=actor,
                                              created_at__gte=_recent()).exists(),
                   NON_FIELD_ERRORS, _("Planmødet er allerede gemt."))
    if keep_open:
        PlanMeeting.objects.filter(youth=youth, is_open=True).update(is_open=False)
    meeting = PlanMeeting.objects.create(youth=youth, held_on=held_on, youth_present=bool(youth_present),
                                         is_open=bool(keep_open), created_by=actor, **values)
    meeting.participants.set(chosen)
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.CREATE, obj=meeting,
           detail={"participants": len(chosen), "youth_present": bool(youth_present)})
    return meeting


@transaction.atomic
def meeting_close(*, youth: Youth, meeting: PlanMeeting, actor: Any, agreed: str) -> PlanMeeting:
    """End the meeting and write down what was agreed."""
    _check_staff_editor(youth=youth, actor=actor)
    if meeting.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Mødet hører ikke til denne unges plan.")]})
    errors: dict[str, str] = {}
    text = _text(errors, "agreed", agreed, max_len=TEXT_MAX, required=_("Skriv hvad I aftalte."))
    _raise(errors)
    meeting.agreed = text
    meeting.is_open = False
    meeting.save(update_fields=["agreed", "is_open"])
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.UPDATE, obj=meeting)
    return meeting
