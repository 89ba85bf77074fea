"""Journal notes: visible to the young person unless hidden for a stated legal reason."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.plans.models import HiddenReason, JournalNote
from ungeforlob.plans.services._base import (
    _actor_name,
    _audit,
    _check_staff_editor,
    _choice,
    _lock_youth,
    _raise,
    _recent,
    _refuse_double,
    _text,
)
from ungeforlob.youth.models import Youth


@transaction.atomic
def note_create(*, youth: Youth, actor: Any, text: str) -> JournalNote:
    """A note is visible to the youth: "alt vi skriver er tilgængeligt for den unge"."""
    _check_staff_editor(youth=youth, actor=actor)
    errors: dict[str, str] = {}
    text = _text(errors, "text", text, max_len=5000, required=_("Skriv notatet."))
    _raise(errors)
    _lock_youth(youth)
    _refuse_double(JournalNote.objects.filter(youth=youth, author=actor, text=text, created_at__gte=_recent()).exists(),
                   "text", _("Notatet er allerede gemt."))
    note = JournalNote.objects.create(youth=youth, text=text, author=actor,
                                      author_name=_actor_name(youth=youth, actor=actor, by_youth=False))
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.CREATE, obj=note)
    return note


@transaction.atomic
def note_hide(*, youth: Youth, note: JournalNote, actor: Any, reason: str, explanation: str = "") -> JournalNote:
    """Keep a note from the youth. Only for a legal reason, which is stored and written to the audit log."""
    _check_staff_editor(youth=youth, actor=actor)
    if note.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Notatet hører ikke til denne unge.")]})
    errors: dict[str, str] = {}
    _choice(errors, "reason", reason, HiddenReason.values,
            _("Vælg den lovhjemmel, der gør, at den unge ikke må se notatet."))
    explanation = _text(errors, "explanation", explanation, max_len=300)
    _raise(errors)
    note.visible_to_youth = False
    note.hidden_reason = reason
    note.hidden_explanation = explanation
    note.hidden_by_name = _actor_name(youth=youth, actor=actor, by_youth=False)
    note.hidden_at = timezone.now()
    note.save(update_fields=["visible_to_youth", "hidden_reason", "hidden_explanation", "hidden_by_name",
                             "hidden_at"])
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.UPDATE, obj=note,
           purpose=str(HiddenReason(reason).label),
           detail={"visible_to_youth": False, "reason": reason, "explanation": explanation})
    return note


@transaction.atomic
def note_show(*, youth: Youth, note: JournalNote, actor: Any) -> JournalNote:
    """Make a hidden note visible to the youth again (audited)."""
    _check_staff_editor(youth=youth, actor=actor)
    if note.youth_id != youth.pk:
        raise ValidationError({NON_FIELD_ERRORS: [_("Notatet hører ikke til denne unge.")]})
    note.visible_to_youth = True
    note.hidden_reason = ""
    note.hidden_explanation = ""
    note.hidden_by_name = ""
    note.hidden_at = None
    note.save(update_fields=["visible_to_youth", "hidden_reason", "hidden_explanation", "hidden_by_name",
                             "hidden_at"])
    _audit(youth=youth, actor=actor, by_youth=False, action=AuditAction.UPDATE, obj=note,
           detail={"visible_to_youth": True})
    return note
