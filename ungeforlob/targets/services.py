"""Writes: a leader's targets and the municipality's caseload band. Each service is atomic and audits itself."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.targets.measures import MEASURES
from ungeforlob.targets.models import CaseloadBand, Direction, Target

# Targets can be set for a few years back (to record what was decided) and ahead (to plan).
YEARS_BACK, YEARS_AHEAD = 5, 10
MAX_CASELOAD = 200


class StaleEdit(ValidationError):
    """Someone else saved in between. `current_version` lets the form offer to save over it knowingly."""

    def __init__(self, message: str, *, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version


def _require_leader(actor: Any) -> int:
    if not policy.is_leader(actor) or actor.municipality_id is None:
        raise ValidationError(_("Kun en leder i kommunen kan sætte måltal."))
    return int(actor.municipality_id)


def _validate(*, year: int, measure: str, direction: str, value: Decimal) -> None:
    this_year = timezone.localdate().year
    errors: dict[str, str] = {}
    if not this_year - YEARS_BACK <= year <= this_year + YEARS_AHEAD:
        errors["year"] = _("Vælg et år mellem %(first)s og %(last)s.") % {
            "first": this_year - YEARS_BACK, "last": this_year + YEARS_AHEAD}
    if measure not in MEASURES:
        errors["measure"] = _("Vælg et måltal fra listen.")
    if direction not in Direction.values:
        errors["direction"] = _("Vælg mindst eller højst.")
    if value < 0:
        errors["value"] = _("Målværdien kan ikke være negativ.")
    elif measure in MEASURES and MEASURES[measure].unit == "pct" and value > 100:
        errors["value"] = _("En andel er højst 100 %.")
    elif value > 10000:
        errors["value"] = _("Målværdien er for stor.")
    if errors:
        raise ValidationError(errors)


def _taken() -> ValidationError:
    return ValidationError({"measure": _("Der er allerede et måltal for dette år. Ret det i stedet.")})


@transaction.atomic
def target_create(*, actor: Any, year: int, measure: str, direction: str, value: Decimal, note: str = "") -> Target:
    """Set a target for the actor's municipality. One target per measure and year."""
    municipality_id = _require_leader(actor)
    _validate(year=year, measure=measure, direction=direction, value=value)
    if Target.objects.filter(municipality_id=municipality_id, year=year, measure=measure).exists():
        raise _taken()
    try:
        with transaction.atomic():
            target = Target.objects.create(municipality_id=municipality_id, year=year, measure=measure,
                                           direction=direction, value=value, note=note.strip(),
                                           created_by=actor, updated_by=actor)
    except IntegrityError:  # the same target saved at the same moment by someone else
        raise _taken() from None
    audit_record(actor=actor, action=AuditAction.CREATE, obj=target,
                 detail={"year": year, "measure": measure, "direction": direction, "value": str(value)})
    return target


@transaction.atomic
def target_update(*, actor: Any, target: Target, version: int, direction: str, value: Decimal,
                  note: str = "") -> Target:
    """Change a target's value, direction or note. A save based on an older version is refused (StaleEdit)."""
    municipality_id = _require_leader(actor)
    if target.municipality_id != municipality_id:
        raise ValidationError(_("Måltallet findes ikke."))
    _validate(year=target.year, measure=target.measure, direction=direction, value=value)
    updated = Target.objects.filter(pk=target.pk, version=version).update(
        direction=direction, value=value, note=note.strip(), updated_by=actor, updated_at=timezone.now(),
        version=F("version") + 1)
    if not updated:
        current = Target.objects.filter(pk=target.pk).values_list("version", flat=True).first()
        if current is None:
            raise ValidationError(_("Måltallet er slettet af en anden i mellemtiden."))
        raise StaleEdit(_("En anden har ændret måltallet, mens du skrev. Se den nye værdi; gem igen for at "
                          "erstatte den med din."), current_version=current)
    old = {"direction": target.direction, "value": str(target.value)}
    target.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=target,
                 detail={"old": old, "new": {"direction": direction, "value": str(value)}})
    return target


@transaction.atomic
def target_delete(*, actor: Any, target: Target) -> None:
    municipality_id = _require_leader(actor)
    if target.municipality_id != municipality_id:
        raise ValidationError(_("Måltallet findes ikke."))
    detail = {"year": target.year, "measure": target.measure, "value": str(target.value)}
    pk = target.pk
    Target.objects.filter(pk=pk).delete()
    audit_record(actor=actor, action=AuditAction.DELETE, object_type="target", object_id=pk, detail=detail)


@transaction.atomic
def caseload_band_set(*, actor: Any, low: int, high: int, version: int) -> CaseloadBand:
    """Set the municipality's band of young people per contact person (version 0: there was none)."""
    municipality_id = _require_leader(actor)
    errors: dict[str, str] = {}
    if not 1 <= low <= MAX_CASELOAD:
        errors["low"] = _("Skriv et tal mellem 1 og %(max)s.") % {"max": MAX_CASELOAD}
    if not 1 <= high <= MAX_CASELOAD:
        errors["high"] = _("Skriv et tal mellem 1 og %(max)s.") % {"max": MAX_CASELOAD}
    elif not errors and high < low:
        errors["high"] = _("Øvre grænse kan ikke være lavere end nedre grænse.")
    if errors:
        raise ValidationError(errors)
    band = CaseloadBand.objects.select_for_update().filter(municipality_id=municipality_id).first()
    current = band.version if band else 0
    if version != current:
        raise StaleEdit(_("En anden har ændret spændet, mens du skrev. Se det nye spænd; gem igen for at "
                          "erstatte det med dit."), current_version=current)
    old = {"low": band.low, "high": band.high} if band else None
    if band is None:
        try:
            with transaction.atomic():
                band = CaseloadBand.objects.create(municipality_id=municipality_id, low=low, high=high,
                                                   updated_by=actor)
        except IntegrityError:
            raise StaleEdit(_("En anden har sat spændet i mellemtiden. Gem igen for at erstatte det med dit."),
                            current_version=1) from None
    else:
        band.low, band.high, band.updated_by, band.version = low, high, actor, band.version + 1
        band.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=band, detail={"old": old, "new": {"low": low, "high": high}})
    return band
