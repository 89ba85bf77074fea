"""Writes of the open door: the municipality saves its public page."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core import forms as core_forms
from ungeforlob.openinfo.models import PublicPage

TEXT_FIELDS = ("intro", "contact_youth", "contact_parent", "contact_professional", "procedures_intro")
FLAG_FIELDS = ("published", "show_procedures", "show_offers", "hsds_public")


class StalePage(core_forms.StaleEdit):
    def __init__(self, current_version: int) -> None:
        super().__init__(_("En anden har gemt siden imens. Se den nye udgave, og ret igen, hvis det stadig er "
                           "nødvendigt."), current_version=current_version)


@transaction.atomic
def public_page_save(*, actor: Any, version: int | None, **values: Any) -> PublicPage:
    """Create or change the actor's municipality's public page. `version` is the version the editor saw (0 for a
    page not yet saved); when someone saved in the meantime nothing is saved and a Danish message says so."""
    unknown = set(values) - set(TEXT_FIELDS) - set(FLAG_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    texts = {f: str(values.get(f, "")).strip() for f in TEXT_FIELDS}
    errors = {f: _("Skriv noget her.") for f in TEXT_FIELDS if f != "procedures_intro" and not texts[f]}
    if errors:
        raise ValidationError(errors)
    page = PublicPage.objects.select_for_update().filter(municipality_id=actor.municipality_id).first()
    current = page.version if page is not None else 0
    if version is not None and version != current:
        raise StalePage(current)
    if page is None:
        page = PublicPage(municipality_id=actor.municipality_id, version=0)
    for f in TEXT_FIELDS:
        setattr(page, f, texts[f])
    for f in FLAG_FIELDS:
        setattr(page, f, bool(values.get(f, False)))
    page.version += 1
    page.updated_by = actor
    page.save()
    audit_record(actor=actor, action=AuditAction.UPDATE if current else AuditAction.CREATE, obj=page,
                 municipality=actor.municipality,
                 detail={"published": page.published, "hsds_public": page.hsds_public})
    return page
