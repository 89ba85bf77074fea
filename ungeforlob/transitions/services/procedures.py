"""The municipality's follow-up procedures and their steps (administrators), and the shipped defaults."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole
from ungeforlob.transitions import schedule
from ungeforlob.transitions.models import FollowUpKind, Procedure, ProcedureStep
from ungeforlob.transitions.services._checks import _text

# Procedures (administrators) -------------------------------------------------------------------------------

def _admin_audit(actor: Any, action: str, obj: Any, detail: dict[str, Any] | None = None) -> None:
    audit_record(actor=actor, action=action, obj=obj, detail=detail or {})


def _procedure_fields(procedure: Procedure, *, name: str, description: str, is_active: bool,
                      is_default: bool) -> None:
    procedure.name = _text(name, "name", 120, required=True, message=_("Giv proceduren et navn."))
    procedure.description = _text(description, "description", 2000)
    procedure.is_active = is_active
    procedure.is_default = is_default and is_active
    clash = Procedure.objects.filter(municipality_id=procedure.municipality_id, name__iexact=procedure.name)
    if clash.exclude(pk=procedure.pk).exists():
        raise ValidationError({"name": _("Der findes allerede en procedure med det navn.")})
    if procedure.is_default:
        Procedure.objects.filter(municipality_id=procedure.municipality_id, is_default=True).exclude(
            pk=procedure.pk).update(is_default=False)


@transaction.atomic
def procedure_create(*, actor: Any, name: str, description: str = "", is_active: bool = True,
                     is_default: bool = False) -> Procedure:
    procedure = Procedure(municipality_id=actor.municipality_id)
    _procedure_fields(procedure, name=name, description=description, is_active=is_active, is_default=is_default)
    procedure.save()
    _admin_audit(actor, AuditAction.CREATE, procedure, {"name": procedure.name})
    return procedure


@transaction.atomic
def procedure_update(*, actor: Any, procedure: Procedure, name: str, description: str = "",
                     is_active: bool = True, is_default: bool = False) -> Procedure:
    """Change a procedure. Schedules already made keep their steps; changes apply to new transitions."""
    _procedure_fields(procedure, name=name, description=description, is_active=is_active, is_default=is_default)
    procedure.save()
    _admin_audit(actor, AuditAction.UPDATE, procedure, {"name": procedure.name})
    return procedure


@transaction.atomic
def procedure_delete(*, actor: Any, procedure: Procedure) -> None:
    if procedure.transitions.exists():
        raise ValidationError(_("Proceduren er brugt i overgange og kan ikke slettes. Gør den inaktiv i stedet."))
    _admin_audit(actor, AuditAction.DELETE, procedure, {"name": procedure.name})
    procedure.delete()


def _step_fields(step: ProcedureStep, data: dict[str, Any]) -> None:
    step.title = _text(data.get("title", ""), "title", 120, required=True, message=_("Giv trinnet en overskrift."))
    step.kind = data.get("kind", "")
    if step.kind not in FollowUpKind.values:
        raise ValidationError({"kind": _("Vælg hvilken form trinnet har.")})
    step.responsible_role = data.get("responsible_role") or ChainRole.CONTACT_PERSON
    if step.responsible_role not in ChainRole.values:
        raise ValidationError({"responsible_role": _("Vælg en rolle fra listen.")})
    offset = data.get("offset_days")
    if not isinstance(offset, int) or not -365 <= offset <= 730:
        raise ValidationError({"offset_days": _("Skriv et antal dage mellem -365 og 730.")})
    step.offset_days = offset
    step.working_days = bool(data.get("working_days"))
    step.at_time = data.get("at_time") or datetime.time(9, 0)
    step.description = _text(data.get("description", ""), "description", 2000)
    step.sms_template = _text(data.get("sms_template", ""), "sms_template", 480)
    if step.kind == FollowUpKind.SMS:
        if not step.sms_template:
            raise ValidationError({"sms_template": _("Skriv teksten, der skal sendes.")})
        try:
            schedule.validate_sms_template(step.sms_template)
        except ValidationError as exc:
            raise ValidationError({"sms_template": exc.messages}) from exc
        if not schedule.SMS_EARLIEST <= step.at_time <= schedule.SMS_LATEST:
            raise ValidationError({"at_time": _("En SMS sendes mellem kl. 7 og 21.")})
    else:
        step.sms_template = ""
    every, until = data.get("repeat_every_days"), data.get("repeat_until_days")
    if every or until:
        if not every or until is None:
            raise ValidationError({"repeat_every_days": _("Udfyld både hvor ofte og til hvilken dag.")})
        if until < offset:
            raise ValidationError({"repeat_until_days": _("Gentagelsen skal slutte efter første gang.")})
        if (until - offset) // every + 1 > schedule.MAX_OCCURRENCES:
            raise ValidationError({"repeat_every_days": _("Højst %(n)s gentagelser.") % {
                "n": schedule.MAX_OCCURRENCES}})
        step.repeat_every_days, step.repeat_until_days = every, until
    else:
        step.repeat_every_days = step.repeat_until_days = None


@transaction.atomic
def step_create(*, actor: Any, procedure: Procedure, **data: Any) -> ProcedureStep:
    step = ProcedureStep(procedure=procedure, position=procedure.steps.count())
    _step_fields(step, data)
    step.save()
    _admin_audit(actor, AuditAction.CREATE, step, {"procedure": procedure.name, "title": step.title})
    return step


@transaction.atomic
def step_update(*, actor: Any, step: ProcedureStep, **data: Any) -> ProcedureStep:
    _step_fields(step, data)
    step.save()
    _admin_audit(actor, AuditAction.UPDATE, step, {"procedure": step.procedure.name, "title": step.title})
    return step


@transaction.atomic
def step_delete(*, actor: Any, step: ProcedureStep) -> None:
    """Delete a step; follow-ups already made from it keep their copy of it."""
    _admin_audit(actor, AuditAction.DELETE, step, {"procedure": step.procedure.name, "title": step.title})
    step.delete()


@transaction.atomic
def procedure_defaults_install(*, actor: Any, municipality: Any = None) -> list[Procedure]:
    """Create the three shipped procedures in the municipality (each only if no procedure has its name)."""
    from ungeforlob.transitions.defaults import DEFAULT_PROCEDURES

    with translation.override("da"):  # the shipped texts are Danish whatever the administrator's language
        return _install(actor, DEFAULT_PROCEDURES, getattr(municipality, "pk", None) or actor.municipality_id)


def _install(actor: Any, specs: list[dict[str, Any]], municipality_id: int) -> list[Procedure]:
    made = []
    has_default = Procedure.objects.filter(municipality_id=municipality_id, is_default=True).exists()
    for spec in specs:
        name = str(spec["name"])
        if Procedure.objects.filter(municipality_id=municipality_id, name=name).exists():
            continue
        procedure = Procedure.objects.create(
            municipality_id=municipality_id, name=name, description=str(spec["description"]),
            is_default=bool(spec.get("is_default")) and not has_default,
        )
        has_default = has_default or procedure.is_default
        ProcedureStep.objects.bulk_create(
            ProcedureStep(procedure=procedure, position=i, **{k: str(v) if isinstance(v, Promise) else v
                                                              for k, v in step.items()})
            for i, step in enumerate(spec["steps"])
        )
        made.append(procedure)
        audit_record(actor=actor, action=AuditAction.CREATE, obj=procedure, municipality=procedure.municipality,
                     detail={"name": procedure.name, "default": True})
    return made
