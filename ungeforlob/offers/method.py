"""Method and effect of an offer: writes (method, staffing, price and targets; the fidelity checklist and its
rounds; the evaluation log) and the read for the method page.

Who writes is decided by the views: the same rule as editing the offer itself (administrators). None of this
is personal data about a young person; it describes the offer and the staff's own practice.
"""

from __future__ import annotations

import datetime
import zlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.forms import StaleEdit
from ungeforlob.offers.models import (
    EvaluationEntry,
    FidelityAnswer,
    FidelityAnswerValue,
    FidelityItem,
    FidelityRound,
    Offer,
    OfferMethod,
)

METHOD_FIELDS = (
    "method", "change", "change_signs", "advisers", "cost_amount", "cost_unit", "target_served",
    "target_education_share", "target_job_share", "target_median_days", "target_retention_3", "target_retention_6",
    "target_retention_12", "target_per_adviser",
)
MAX_ITEMS = 30


@transaction.atomic
def offer_method_save(*, actor: Any, offer: Offer, values: dict[str, Any], version: int) -> OfferMethod:
    """Save the offer's method, staffing, price and targets.

    `version` is the version the form was drawn with (0 when there was no row yet): if someone saved in
    between, StaleEdit is raised with the current version and nothing is saved.
    """
    method, _created = OfferMethod.objects.select_for_update().get_or_create(offer=offer, defaults={"version": 0})
    if method.version != version:
        raise StaleEdit(_("En anden har gemt metode og effekt for tilbuddet, mens du skrev. Se deres ændringer "
                          "nedenfor; gem igen for at erstatte dem med dine."), current_version=method.version)
    changed = [name for name in METHOD_FIELDS if name in values and getattr(method, name) != values[name]]
    for name in changed:
        setattr(method, name, values[name])
    method.version += 1
    method.updated_by = actor
    method.full_clean(exclude=["offer"])
    method.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=method, detail={"tilbud": offer.pk, "felter": changed})
    return method


def checklist_version(texts: list[str]) -> int:
    """A number that changes whenever the active checklist changes (the form's version for a stale edit)."""
    return zlib.crc32("\n".join(texts).encode())


@transaction.atomic
def fidelity_items_set(*, actor: Any, offer: Offer, texts: list[str], version: int | None = None
                       ) -> list[FidelityItem]:
    """Make the checklist exactly `texts`, in that order.

    An item whose text is kept keeps its answers; an item left out is made inactive (not deleted), so the
    rounds already answered still show what was asked. `version` is `checklist_version` of the list the form
    was drawn with: if the list has changed since, StaleEdit is raised and nothing is saved.
    """
    Offer.objects.select_for_update().filter(pk=offer.pk).first()
    current = list(FidelityItem.objects.filter(offer=offer, is_active=True).values_list("text", flat=True))
    if version is not None and checklist_version(current) != version:
        raise StaleEdit(_("En anden har ændret tjeklisten, mens du skrev. Se deres punkter nedenfor; gem igen for "
                          "at erstatte dem med dine."), current_version=checklist_version(current))
    clean: list[str] = []
    for text in texts:
        text = " ".join(text.split())
        if len(text) > 300:
            raise ValidationError({"items": _("Et punkt må højst være 300 tegn.")})
        if text and text.lower() not in {t.lower() for t in clean}:
            clean.append(text)
    if len(clean) > MAX_ITEMS:
        raise ValidationError({"items": _("Tjeklisten kan højst have %(n)d punkter.") % {"n": MAX_ITEMS}})
    existing = {item.text.lower(): item for item in FidelityItem.objects.select_for_update().filter(offer=offer)}
    kept = []
    for position, text in enumerate(clean, start=1):
        item = existing.pop(text.lower(), None)
        if item is None:
            item = FidelityItem.objects.create(offer=offer, text=text, position=position)
        else:
            item.text, item.position, item.is_active = text, position, True
            item.save(update_fields=["text", "position", "is_active"])
        kept.append(item)
    FidelityItem.objects.filter(pk__in=[i.pk for i in existing.values()]).update(is_active=False)
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=offer, object_type="fidelitychecklist",
                 detail={"punkter": len(kept)})
    return kept


@transaction.atomic
def fidelity_round_create(*, actor: Any, offer: Offer, held_on: datetime.date, note: str,
                          answers: dict[int, tuple[str, str]]) -> FidelityRound:
    """Record one round of the checklist: an answer (ja/delvist/nej) and a comment for every active item."""
    items = list(FidelityItem.objects.filter(offer=offer, is_active=True))
    if not items:
        raise ValidationError(_("Tjeklisten har ingen punkter endnu. Skriv punkterne først."))
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Datoen kan ikke ligge i fremtiden.")})
    valid = set(FidelityAnswerValue.values)
    missing = [item.text for item in items if answers.get(item.pk, ("", ""))[0] not in valid]
    if missing:
        raise ValidationError(_("Svar på alle punkter: %(items)s") % {"items": "; ".join(missing)})
    round_ = FidelityRound.objects.create(offer=offer, held_on=held_on, note=note, created_by=actor)
    FidelityAnswer.objects.bulk_create([
        FidelityAnswer(round=round_, item=item, answer=answers[item.pk][0], comment=answers[item.pk][1][:500])
        for item in items
    ])
    audit_record(actor=actor, action=AuditAction.CREATE, obj=round_, detail={"tilbud": offer.pk})
    return round_


@transaction.atomic
def evaluation_entry_create(*, actor: Any, offer: Offer, entry_date: datetime.date, text: str) -> EvaluationEntry:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Skriv, hvad evalueringen viste.")})
    if entry_date > timezone.localdate():
        raise ValidationError({"entry_date": _("Datoen kan ikke ligge i fremtiden.")})
    entry = EvaluationEntry.objects.create(offer=offer, entry_date=entry_date, text=text, created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=entry, detail={"tilbud": offer.pk})
    return entry


# ------------------------------------------------------------------------------------------------- reads


@dataclass
class MethodPage:
    method: OfferMethod | None
    items: list[FidelityItem]
    rounds: list[FidelityRound]
    entries: list[EvaluationEntry]


def method_page(offer: Offer) -> MethodPage:
    """Everything on the method page in four queries, whatever the number of rounds and entries."""
    rounds = (FidelityRound.objects.filter(offer=offer).select_related("created_by")
              .prefetch_related(Prefetch("answers", FidelityAnswer.objects.select_related("item"))))
    return MethodPage(
        method=OfferMethod.objects.filter(offer=offer).first(),
        items=list(FidelityItem.objects.filter(offer=offer, is_active=True)),
        rounds=list(rounds),
        entries=list(EvaluationEntry.objects.filter(offer=offer).select_related("created_by")),
    )
