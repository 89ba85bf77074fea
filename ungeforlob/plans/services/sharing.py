"""Printing Min plan and giving it to someone outside the circle, with the young person's consent."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.plans.models import PlanShare, ShareConsent, SharePart
from ungeforlob.plans.services._base import (
    _actor_name,
    _audit,
    _check_editor,
    _check_reader,
    _choice,
    _lock_youth,
    _raise,
    _recent,
    _refuse_double,
    _text,
)
from ungeforlob.youth.models import Youth


@transaction.atomic
def plan_share(*, youth: Youth, actor: Any = None, by_youth: bool = False, recipient_name: str,
               recipient_organisation: str = "", purpose: str, parts: Iterable[str], consent: str,
               consent_confirmed: bool) -> PlanShare:
    """Record that (parts of) Min plan go to a party outside the circle, with the youth's consent."""
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    errors: dict[str, str] = {}
    recipient_name = _text(errors, "recipient_name", recipient_name, max_len=200,
                           required=_("Skriv hvem planen gives til."))
    recipient_organisation = _text(errors, "recipient_organisation", recipient_organisation, max_len=200)
    purpose = _text(errors, "purpose", purpose, max_len=300, required=_("Skriv hvad modtageren skal bruge den til."))
    chosen = list(dict.fromkeys(parts or []))
    if not chosen or any(p not in SharePart.values for p in chosen):
        errors["parts"] = _("Vælg hvad der skal deles.")
    if by_youth:
        consent = ShareConsent.YOUTH_GAVE
    _choice(errors, "consent", consent, ShareConsent.values, _("Vælg hvordan den unge har givet samtykke."))
    if not consent_confirmed and not by_youth:
        errors["consent_confirmed"] = _("Planen kan kun deles, når den unge har sagt ja til netop denne deling.")
    _raise(errors)
    _lock_youth(youth)
    ordered = [p for p in SharePart.values if p in chosen]
    _refuse_double(PlanShare.objects.filter(youth=youth, recipient_name=recipient_name, purpose=purpose, parts=ordered,
                                            created_at__gte=_recent()).exists(),
                   NON_FIELD_ERRORS, _("Delingen er allerede registreret."))
    share = PlanShare.objects.create(
        youth=youth, recipient_name=recipient_name, recipient_organisation=recipient_organisation,
        purpose=purpose, parts=[p for p in SharePart.values if p in chosen], consent=consent,
        shared_by=None if by_youth else actor,
        shared_by_name=_actor_name(youth=youth, actor=actor, by_youth=by_youth))
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.EXPORT, obj=share, purpose=purpose,
           detail={"recipient": recipient_name, "organisation": recipient_organisation, "parts": share.parts,
                   "consent": consent})
    return share


@transaction.atomic
def plan_share_withdraw(*, youth: Youth, share: PlanShare, actor: Any = None, by_youth: bool = False) -> PlanShare:
    """Withdraw the consent behind a share: from now on its PDF is not handed out. The young person does it on
    Min side (`by_youth=True`); a professional who may edit the plan may record it for them. Audited."""
    _check_editor(youth=youth, actor=actor, by_youth=by_youth)
    locked = PlanShare.objects.select_for_update().filter(pk=share.pk, youth=youth).first()
    if locked is None:
        _raise({NON_FIELD_ERRORS: _("Vi kan ikke finde den deling.")})
    assert locked is not None
    if locked.withdrawn_at is not None:
        _raise({NON_FIELD_ERRORS: _("Du har allerede trukket det tilbage.")})
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by_youth = by_youth
    locked.save(update_fields=["withdrawn_at", "withdrawn_by_youth"])
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.UPDATE, obj=locked,
           purpose=_("Samtykke trukket tilbage"), detail={"recipient": locked.recipient_name, "withdrawn": True})
    return locked


def plan_pdf(*, youth: Youth, actor: Any = None, by_youth: bool = False, share: PlanShare | None = None) -> bytes:
    """Min plan as a PDF (all parts, or exactly what a recorded share contains). The export is audited.

    A share's PDF names the recipient and the consent and speaks about the young person in the third person;
    a withdrawn share's PDF is refused (ValidationError)."""
    from ungeforlob.plans.pdf import render_plan_pdf

    _check_reader(youth=youth, actor=actor, by_youth=by_youth)
    if share is not None and share.youth_id != youth.pk:
        raise PermissionDenied
    if share is not None and share.withdrawn_at is not None:
        _raise({NON_FIELD_ERRORS: _("Den unge har trukket samtykket til denne deling tilbage.")})
    parts = share.parts if share is not None else list(SharePart.values)
    pdf = render_plan_pdf(youth, parts=parts, share=share)
    _audit(youth=youth, actor=actor, by_youth=by_youth, action=AuditAction.EXPORT, object_type="plan_pdf",
           detail={"parts": parts, "share": share.pk if share else None})
    return pdf
