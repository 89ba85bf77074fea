"""Writes for stations, transitions, their schedules and the municipality's procedures.

Each write is atomic, validates with Danish messages (ValidationError keyed by form field) and records its own
audit row. The schedule is made, moved and cancelled here and nowhere else.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole
from ungeforlob.transitions import schedule, sms
from ungeforlob.transitions.models import (
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Procedure,
    ProcedureStep,
    Station,
    StationEndReason,
    StationKind,
    Transition,
)
from ungeforlob.youth.models import Youth

# How far from today a station or transition date may lie: a typo like 2062 must not make a schedule.
MAX_PAST_DAYS = 366 * 30
MAX_FUTURE_DAYS = 366 * 2
NOTE_MAX = 500
REASON_MAX = 300


def _check_date(value: Any, field: str) -> datetime.date:
    if not isinstance(value, datetime.date):
        raise ValidationError({field: _("Skriv en gyldig dato.")})
    today = timezone.localdate()
    if value > today + datetime.timedelta(days=MAX_FUTURE_DAYS):
        raise ValidationError({field: _("Datoen ligger mere end to år ude i fremtiden.")})
    if value < today - datetime.timedelta(days=MAX_PAST_DAYS):
        raise ValidationError({field: _("Datoen ligger for langt tilbage.")})
    return value


def _check_kind(kind: str) -> None:
    if kind not in StationKind.values:
        raise ValidationError({"kind": _("Vælg en station fra listen.")})


def _check_end_reason(reason: str, field: str = "end_reason") -> None:
    if reason not in StationEndReason.values:
        raise ValidationError({field: _("Vælg hvordan det sluttede.")})


def _text(value: str, field: str, limit: int, *, required: bool = False, message: str = "") -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: message or _("Udfyld feltet.")})
    if len(value) > limit:
        raise ValidationError({field: _("Teksten må højst være %(n)s tegn.") % {"n": limit}})
    return value


# Stations -------------------------------------------------------------------------------------------------

@transaction.atomic
def station_create(*, actor: Any, youth: Youth, kind: str, start_date: datetime.date, institution: str = "",
                   end_date: datetime.date | None = None, end_reason: str = "") -> Station:
    """Record a station on the youth's path (also past ones, to draw the whole path)."""
    _check_kind(kind)
    _check_date(start_date, "start_date")
    institution = _text(institution, "institution", 150)
    if end_date is not None:
        _check_date(end_date, "end_date")
        if end_date < start_date:
            raise ValidationError({"end_date": _("Slutdatoen kan ikke ligge før startdatoen.")})
        _check_end_reason(end_reason)
    elif end_reason:
        raise ValidationError({"end_date": _("Skriv hvornår det sluttede, eller fjern årsagen.")})
    station = Station.objects.create(youth=youth, kind=kind, institution=institution, start_date=start_date,
                                     end_date=end_date, end_reason=end_reason if end_date else "",
                                     created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=station, detail={"kind": kind})
    return station


@transaction.atomic
def station_end(*, actor: Any, station: Station, end_date: datetime.date, end_reason: str) -> Station:
    """End a station. Follow-ups of the transition into it that fall after the end are cancelled."""
    station = Station.objects.select_for_update(of=("self",)).get(pk=station.pk)
    _check_date(end_date, "end_date")
    _check_end_reason(end_reason)
    if end_date < station.start_date:
        raise ValidationError({"end_date": _("Slutdatoen kan ikke ligge før startdatoen.")})
    station.end_date, station.end_reason = end_date, end_reason
    station.save(update_fields=["end_date", "end_reason"])
    cancelled = _cancel_followups(
        FollowUp.objects.filter(transition__to_station=station, due_date__gt=end_date), actor=actor,
        note=_("Stationen sluttede %(date)s.") % {"date": end_date.strftime("%d.%m.%Y")},
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=station.youth, obj=station,
                 detail={"end_date": end_date.isoformat(), "end_reason": end_reason, "cancelled": cancelled})
    return station


@transaction.atomic
def station_delete(*, actor: Any, station: Station) -> None:
    """Delete a station registered by mistake. A station entered by a transition is cancelled with it instead."""
    if Transition.objects.filter(to_station=station).exists():
        raise ValidationError(_("Stationen hører til en overgang. Aflys overgangen i stedet."))
    audit_record(actor=actor, action=AuditAction.DELETE, youth=station.youth, obj=station,
                 detail={"kind": station.kind, "start_date": station.start_date.isoformat()})
    station.delete()


# Transitions and their schedule ----------------------------------------------------------------------------

def _contact_person_name(youth: Youth, actor: Any) -> str:
    membership = (youth.memberships.filter(role=ChainRole.CONTACT_PERSON, end_date__isnull=True,
                                           professional__isnull=False)
                  .select_related("professional").first())
    person = membership.professional if membership else actor
    return getattr(person, "first_name", "") or getattr(person, "username", "")


def _sms_values(transition: Transition, actor: Any) -> dict[str, str]:
    youth, station = transition.youth, transition.to_station
    return schedule.sms_values(
        first_name=youth.preferred_name or youth.first_name,
        contact_person=_contact_person_name(youth, actor),
        start=station.start_date,
        place=station.institution or str(station.get_kind_display()),
        language=youth.language,
    )


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


def schedule_make(*, transition: Transition, actor: Any) -> list[FollowUp]:
    """Create the transition's follow-ups from its procedure, once.

    Safe to call again: the unique (transition, step, occurrence) constraint drops copies, and only new rows get
    an SMS queued. Callers hold the transaction.
    """
    if transition.procedure_id is None or transition.is_cancelled:
        return []
    start = transition.to_station.start_date
    values = _sms_values(transition, actor)
    rows = []
    for step in transition.procedure.steps.all():
        for occurrence, offset in enumerate(step.offsets()):
            planned = schedule.due_date(start, offset, working_days=step.working_days)
            rows.append(FollowUp(
                transition=transition, youth_id=transition.youth_id, step=step, occurrence=occurrence,
                title=step.title, kind=step.kind, responsible_role=step.responsible_role,
                description=step.description, offset_days=offset, working_days=step.working_days,
                planned_date=planned, due_date=planned, due_time=step.at_time,
                sms_body=schedule.render_sms(step.sms_template, values) if step.kind == FollowUpKind.SMS else "",
            ))
    FollowUp.objects.bulk_create(rows, ignore_conflicts=True)
    unqueued = list(transition.followups.filter(kind=FollowUpKind.SMS, status=FollowUpStatus.OPEN,
                                                message_id__isnull=True).select_related("youth"))
    _queue_sms(unqueued, actor=actor)
    FollowUp.objects.bulk_update(unqueued, _SAVED_FIELDS)
    return list(transition.followups.all())


def _open_station_before(youth: Youth, day: datetime.date) -> Station | None:
    return (Station.objects.filter(youth=youth, end_date__isnull=True, start_date__lte=day)
            .exclude(transition__cancelled_at__isnull=False).order_by("-start_date", "-pk").first())


@transaction.atomic
def transition_create(*, actor: Any, youth: Youth, kind: str, date: datetime.date, institution: str = "",
                      procedure: Procedure | None = None, previous_end_reason: str = StationEndReason.SWITCHED,
                      token: uuid.UUID | None = None) -> Transition:
    """Move the youth into a new station on `date`, ending the open station before it, and make the schedule.

    With a `token` (the form's one-time id) a repeated submission returns the transition already made.
    """
    if token is not None:
        existing = Transition.objects.filter(youth=youth, token=token).first()
        if existing is not None:
            return existing
    _check_kind(kind)
    _check_date(date, "date")
    institution = _text(institution, "institution", 150)
    if procedure is not None and (procedure.municipality_id != youth.municipality_id or not procedure.is_active):
        raise ValidationError({"procedure": _("Vælg en aktiv procedure fra listen.")})
    duplicate = Transition.objects.filter(youth=youth, cancelled_at__isnull=True, to_station__kind=kind,
                                          to_station__start_date=date)
    if duplicate.exists():
        raise ValidationError({"date": _("Den unge har allerede en overgang til denne station på denne dato.")})
    previous = _open_station_before(youth, date)
    if previous is not None:
        _check_end_reason(previous_end_reason, "previous_end_reason")
        previous.end_date = max(previous.start_date, date - datetime.timedelta(days=1))
        previous.end_reason = previous_end_reason
        previous.save(update_fields=["end_date", "end_reason"])
    station = Station.objects.create(youth=youth, kind=kind, institution=institution, start_date=date,
                                     created_by=actor)
    try:
        with transaction.atomic():
            transition = Transition.objects.create(
                youth=youth, to_station=station, from_station=previous, ended_from_station=previous is not None,
                procedure=procedure, token=token, created_by=actor,
            )
    except IntegrityError:  # the same form submitted twice at once: the other request made it
        transaction.set_rollback(True)
        existing = Transition.objects.filter(youth=youth, token=token).first()
        if existing is None:
            raise
        return existing
    followups = schedule_make(transition=transition, actor=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=transition,
                 detail={"kind": kind, "date": date.isoformat(), "procedure": procedure.name if procedure else "",
                         "followups": len(followups)})
    return transition


def _moved(f: FollowUp, start: datetime.date) -> None:
    """Recompute an open follow-up from a new transition date, keeping any shift someone made by hand."""
    planned = schedule.due_date(start, f.offset_days, working_days=f.working_days)
    f.due_date = planned if f.due_date == f.planned_date else f.due_date + (planned - f.planned_date)
    f.planned_date = planned


@transaction.atomic
def transition_move(*, actor: Any, transition: Transition, date: datetime.date) -> Transition:
    """Move the transition date: the new station's start, the previous station's end, and every follow-up not yet
    done move with it (an SMS whose new moment has passed is cancelled, not sent late)."""
    transition = Transition.objects.select_for_update(of=("self",)).select_related("to_station", "from_station", "youth").get(
        pk=transition.pk)
    if transition.is_cancelled:
        raise ValidationError({"date": _("Overgangen er aflyst og kan ikke flyttes.")})
    _check_date(date, "date")
    station, old = transition.to_station, transition.to_station.start_date
    if date == old:
        return transition
    if station.end_date is not None and date > station.end_date:
        raise ValidationError({"date": _("Datoen ligger efter, at stationen sluttede.")})
    previous = transition.from_station
    if previous is not None and transition.ended_from_station:
        if date < previous.start_date:
            raise ValidationError({"date": _("Datoen ligger før den forrige station begyndte (%(d)s).")
                                   % {"d": previous.start_date.strftime("%d.%m.%Y")}})
        previous.end_date = max(previous.start_date, date - datetime.timedelta(days=1))
        previous.save(update_fields=["end_date"])
    station.start_date = date
    station.save(update_fields=["start_date"])
    followups = list(transition.followups.select_for_update(of=("self",)).filter(status=FollowUpStatus.OPEN)
                     .select_related("youth", "step"))
    still_open = _absorb_sent_sms(followups)
    values = _sms_values(transition, actor)
    for f in still_open:
        _moved(f, date)
        if f.kind == FollowUpKind.SMS and f.step is not None:
            f.sms_body = schedule.render_sms(f.step.sms_template, values)
    _queue_sms(still_open, actor=actor)
    FollowUp.objects.bulk_update(followups, _SAVED_FIELDS)
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=transition.youth, obj=transition,
                 detail={"from": old.isoformat(), "to": date.isoformat(), "moved": len(still_open)})
    return transition


def _cancel_followups(qs: QuerySet[FollowUp], *, actor: Any, note: str) -> int:
    followups = list(qs.select_for_update(of=("self",)).filter(status=FollowUpStatus.OPEN).select_related("youth"))
    still_open = _absorb_sent_sms(followups)
    for f in still_open:
        if f.kind == FollowUpKind.SMS and f.message_id:
            sms.withdraw(followup=f, actor=actor)
        _close(f, FollowUpStatus.CANCELLED, note, actor)
    FollowUp.objects.bulk_update(followups, _SAVED_FIELDS)
    return len(still_open)


@transaction.atomic
def transition_cancel(*, actor: Any, transition: Transition, reason: str) -> Transition:
    """Cancel a transition that did not happen: its open follow-ups (and queued SMS'es) are cancelled, the
    previous station it ended is open again, and the station it entered leaves the path."""
    transition = Transition.objects.select_for_update(of=("self",)).select_related("to_station", "from_station", "youth").get(
        pk=transition.pk)
    reason = _text(reason, "reason", REASON_MAX, required=True, message=_("Skriv hvorfor overgangen aflyses."))
    if transition.is_cancelled:
        return transition
    transition.cancelled_at, transition.cancelled_by, transition.cancel_reason = timezone.now(), actor, reason
    transition.save(update_fields=["cancelled_at", "cancelled_by", "cancel_reason"])
    cancelled = _cancel_followups(transition.followups.all(), actor=actor,
                                  note=_("Overgangen blev aflyst: %(reason)s") % {"reason": reason})
    previous = transition.from_station
    if previous is not None and transition.ended_from_station:
        previous.end_date, previous.end_reason = None, ""
        previous.save(update_fields=["end_date", "end_reason"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=transition.youth, obj=transition,
                 detail={"cancelled": True, "followups_cancelled": cancelled}, purpose=reason)
    return transition


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
