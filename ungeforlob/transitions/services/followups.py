"""Follow-ups: completing, skipping and moving one, and the machinery every schedule change shares (closing
follow-ups, queueing and withdrawing their SMS'es)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.transitions import sms
from ungeforlob.transitions.models import FollowUp, FollowUpKind, FollowUpStatus
from ungeforlob.transitions.services._checks import NOTE_MAX, _check_date, _text


def _close(followup: FollowUp, status: str, note: str, actor: Any = None) -> None:
    followup.status = status
    followup.done_on = timezone.localdate()
    followup.done_at = timezone.now()
    followup.done_by = actor if getattr(actor, "is_authenticated", False) else None
    followup.note = note[:NOTE_MAX]


def _absorb_sent_sms(followups: list[FollowUp]) -> list[FollowUp]:
    """Mark SMS follow-ups whose message has gone out as done; return the ones still open."""
    from ungeforlob.transitions.selectors import outbox_states

    states = outbox_states([f.message_id for f in followups if f.kind == FollowUpKind.SMS and f.message_id])
    still_open = []
    for f in followups:
        state = states.get(f.message_id) if f.message_id else None
        if state is not None and state.has_gone:
            f.status, f.done_on, f.done_at = FollowUpStatus.DONE, state.sent_on, state.sent_at
            f.note = _("Sendt automatisk.")
        else:
            still_open.append(f)
    return still_open


def _queue_sms(followups: list[FollowUp], *, actor: Any) -> None:
    """Queue each open SMS follow-up; one whose moment has passed is cancelled instead of sent late."""
    now = timezone.now()
    for f in followups:
        if f.kind != FollowUpKind.SMS or f.status != FollowUpStatus.OPEN:
            continue
        if f.due_at <= now:
            if f.message_id:
                sms.withdraw(followup=f, actor=actor)
            _close(f, FollowUpStatus.CANCELLED, _("Ikke sendt: tidspunktet var passeret."))
        elif f.message_id:
            f.message_id = sms.reschedule(followup=f, actor=actor)
        else:
            f.message_id = sms.queue(followup=f, actor=actor)


_SAVED_FIELDS = ["planned_date", "due_date", "due_time", "sms_body", "message_id", "status", "done_on", "done_at",
                 "done_by", "note"]


def _cancel_followups(qs: QuerySet[FollowUp], *, actor: Any, note: str) -> int:
    followups = list(qs.select_for_update(of=("self",)).filter(status=FollowUpStatus.OPEN).select_related("youth"))
    still_open = _absorb_sent_sms(followups)
    for f in still_open:
        if f.kind == FollowUpKind.SMS and f.message_id:
            sms.withdraw(followup=f, actor=actor)
        _close(f, FollowUpStatus.CANCELLED, note, actor)
    FollowUp.objects.bulk_update(followups, _SAVED_FIELDS)
    return len(still_open)



# Follow-ups ------------------------------------------------------------------------------------------------

def _open_followup(followup: FollowUp) -> FollowUp:
    followup = FollowUp.objects.select_for_update(of=("self",)).select_related("youth", "transition").get(pk=followup.pk)
    if followup.status != FollowUpStatus.OPEN:
        raise ValidationError(_("Opfølgningen er allerede %(status)s.") % {
            "status": str(followup.get_status_display()).lower()})
    return followup


@transaction.atomic
def followup_complete(*, actor: Any, followup: FollowUp, note: str = "") -> FollowUp:
    """Mark a follow-up done, with a short note that goes in the youth's timeline."""
    note = _text(note, "note", NOTE_MAX)
    followup = _open_followup(followup)
    if followup.due_date > timezone.localdate() + datetime.timedelta(days=30):
        raise ValidationError({"note": _("Opfølgningen ligger mere end en måned ude i fremtiden.")})
    if followup.kind == FollowUpKind.SMS and followup.message_id:
        sms.withdraw(followup=followup, actor=actor)
    _close(followup, FollowUpStatus.DONE, note, actor)
    followup.save(update_fields=_SAVED_FIELDS)
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=followup.youth, obj=followup,
                 detail={"status": "done", "title": followup.title})
    return followup


@transaction.atomic
def followup_skip(*, actor: Any, followup: FollowUp, reason: str) -> FollowUp:
    """Skip a follow-up; the reason is required and goes in the timeline."""
    reason = _text(reason, "reason", NOTE_MAX, required=True, message=_("Skriv hvorfor opfølgningen springes over."))
    followup = _open_followup(followup)
    if followup.kind == FollowUpKind.SMS and followup.message_id:
        sms.withdraw(followup=followup, actor=actor)
    _close(followup, FollowUpStatus.SKIPPED, reason, actor)
    followup.save(update_fields=_SAVED_FIELDS)
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=followup.youth, obj=followup,
                 detail={"status": "skipped", "title": followup.title}, purpose=reason)
    return followup


@transaction.atomic
def followup_move(*, actor: Any, followup: FollowUp, due_date: datetime.date) -> FollowUp:
    """Move one follow-up to another day (its SMS, if any, is moved with it)."""
    followup = _open_followup(followup)
    _check_date(due_date, "due_date")
    if followup.kind == FollowUpKind.SMS and due_date < timezone.localdate():
        raise ValidationError({"due_date": _("En SMS kan ikke flyttes til en dag, der er gået.")})
    old = followup.due_date
    followup.due_date = due_date
    if followup.kind == FollowUpKind.SMS:
        if _absorb_sent_sms([followup]):
            _queue_sms([followup], actor=actor)
        else:
            raise ValidationError({"due_date": _("SMS'en er allerede sendt.")})
    followup.save(update_fields=_SAVED_FIELDS)
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=followup.youth, obj=followup,
                 detail={"from": old.isoformat(), "to": due_date.isoformat(), "title": followup.title})
    return followup
