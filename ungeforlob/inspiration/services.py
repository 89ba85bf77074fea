"""Writes of the inspiration app: "Brug som inspiration" makes a draft local offer linked to the practice."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.inspiration.models import Area, Practice, PracticeUse
from ungeforlob.offers import services as offer_services
from ungeforlob.offers.models import Offer, Phase

AREA_PHASE = {
    Area.GRUNDSKOLE: Phase.GRUNDSKOLE,
    Area.EFTER_GRUNDSKOLE: Phase.EFTER_GRUNDSKOLE,
    Area.FASTHOLDELSE: Phase.FASTHOLDELSE,
}


def may_use(actor: Any) -> bool:
    """Who may turn a practice into a local offer: whoever may manage the municipality's offers."""
    return policy.is_administrator(actor) and getattr(actor, "municipality_id", None) is not None


def _draft_values(practice: Practice, municipality_name: str, name: str) -> dict[str, Any]:
    inspired = _("Inspireret af %(name)s (%(where)s) i biblioteket Lovende praksis.") % {
        "name": practice.name, "where": practice.municipality}
    description = "\n\n".join(part for part in (practice.summary or practice.description, inspired) if part)
    return {
        "name": name[:200],
        "context": municipality_name[:300],
        "phase": AREA_PHASE.get(practice.area, Phase.ANDET),
        "focus": practice.focus[:2000],
        "target_group": practice.target_group[:2000],
        "description": description[:4000],
        # A draft: not suggested to anyone until the municipality has made it its own and made it active.
        "is_active": False,
    }


@transaction.atomic
def practice_use_as_offer(*, actor: Any, practice: Practice) -> tuple[Offer, bool]:
    """Create a draft (inactive) offer in the actor's municipality, linked back to the practice.

    Returns (offer, created). A municipality that has a draft from this practice gets that one back: using
    the same inspiration twice opens the same draft instead of making a copy.
    """
    if not may_use(actor):
        raise PermissionDenied
    existing = (PracticeUse.objects.select_for_update().filter(practice=practice, municipality_id=actor.municipality_id)
                .select_related("offer").order_by("pk").first())
    if existing is not None:
        return existing.offer, False
    municipality_name = actor.municipality.name
    offer = None
    for name in (practice.name, _("%(name)s – lokal udgave") % {"name": practice.name}):
        try:
            with transaction.atomic():
                offer = offer_services.offer_create(
                    actor=actor, values=_draft_values(practice, municipality_name, name), needs=[])
            break
        except ValidationError as exc:
            if "name" not in getattr(exc, "error_dict", {}):
                raise
    if offer is None:
        raise ValidationError(_("Kommunen har allerede tilbud med dette navn. Omdøb dem, og prøv igen."))
    use = PracticeUse.objects.create(practice=practice, offer=offer, municipality_id=actor.municipality_id,
                                     created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=use,
                 detail={"lovende_praksis": practice.name, "tilbud": offer.name})
    return offer, True
