"""Writes: withholding one item from the young person's own view, and lifting that decision. Both audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.disclosure.access import may_withhold
from ungeforlob.disclosure.models import Ground, Withholding
from ungeforlob.disclosure.selectors import items_for_staff, written_items
from ungeforlob.youth.models import Youth


def _actor_name(actor: Any) -> str:
    return actor.get_full_name() or actor.username


@transaction.atomic
def withholding_create(*, actor: Any, youth: Youth, item: str, ground: str, explanation: str = "") -> Withholding:
    """Withhold one item ("<kind>:<id>", one of `items_for_staff`) from the young person's view, on a legal
    ground, with an optional explanation the young person reads. Raises PermissionDenied unless the actor is
    the contact person or the caseworker; ValidationError (Danish) for an unknown item, a missing ground, an
    over-long explanation or an item already withheld."""
    if actor is None or not may_withhold(actor, youth):
        raise PermissionDenied(_("Kun kontaktpersonen og sagsbehandleren kan undtage noget fra den unges indsigt."))
    errors: dict[str, str] = {}
    items = {f"{i.kind}:{i.pk}": i for i in items_for_staff(written_items(youth))}
    chosen = items.get(str(item or ""))
    if chosen is None:
        errors["item"] = _("Vælg det, der skal undtages.")
    if ground not in Ground.values:
        errors["ground"] = _("Vælg den lovhjemmel, der gør, at den unge ikke må se det.")
    explanation = str(explanation or "").strip()
    if len(explanation) > 300:
        errors["explanation"] = _("Teksten er for lang: højst 300 tegn.")
    if errors:
        raise ValidationError(errors)
    assert chosen is not None
    Youth.objects.select_for_update().filter(pk=youth.pk).first()  # one decision at a time per young person
    try:
        with transaction.atomic():
            withholding = Withholding.objects.create(
                youth=youth, kind=chosen.kind, item_id=chosen.pk, item_label=chosen.label[:200], ground=ground,
                explanation=explanation, decided_by=actor, decided_by_name=_actor_name(actor))
    except IntegrityError:
        raise ValidationError({NON_FIELD_ERRORS: [_("Det er allerede undtaget.")]}) from None
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=withholding,
                 purpose=str(Ground(ground).label),
                 detail={"withheld": chosen.kind, "item": chosen.pk, "explanation": explanation})
    return withholding


@transaction.atomic
def withholding_lift(*, actor: Any, youth: Youth, withholding: Withholding) -> Withholding:
    """Show the item to the young person again. The decision's row stays, marked as lifted (audited)."""
    if actor is None or not may_withhold(actor, youth):
        raise PermissionDenied(_("Kun kontaktpersonen og sagsbehandleren kan undtage noget fra den unges indsigt."))
    locked = Withholding.objects.select_for_update().filter(pk=withholding.pk, youth=youth).first()
    if locked is None or locked.lifted_at is not None:
        raise ValidationError({NON_FIELD_ERRORS: [_("Den unge kan allerede se det.")]})
    locked.lifted_at = timezone.now()
    locked.lifted_by_name = _actor_name(actor)
    locked.save(update_fields=["lifted_at", "lifted_by_name"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=locked,
                 detail={"withheld": locked.kind, "item": locked.item_id, "lifted": True})
    return locked
