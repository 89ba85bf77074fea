"""Stations on the young person's path and the transitions between them, with the schedule each transition's
procedure makes. The schedule is made, moved and cancelled here and nowhere else."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.transitions import schedule
from ungeforlob.transitions.models import (
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Procedure,
    Station,
    StationEndReason,
    Transition,
)
from ungeforlob.transitions.services._checks import (
    REASON_MAX,
    _check_date,
    _check_end_reason,
    _check_kind,
    _text,
)
from ungeforlob.transitions.services.followups import (
    _SAVED_FIELDS,
    _absorb_sent_sms,
    _cancel_followups,
    _queue_sms,
)
from ungeforlob.webhooks.services import event_emit
from ungeforlob.youth.models import Youth

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
    event_emit(event_type="transition.ended", municipality_id=station.youth.municipality_id, youth=station.youth,
               data={"station_id": station.pk, "kind": station.kind, "end_date": end_date.isoformat(),
                     "end_reason": end_reason})
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
    membership = (Membership.objects.active().filter(youth=youth, role=ChainRole.CONTACT_PERSON,
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
    event_emit(event_type="transition.started", municipality_id=youth.municipality_id, youth=youth,
               data={"transition_id": transition.pk, "station_id": station.pk, "kind": kind, "date": date.isoformat()})
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
    event_emit(event_type="transition.ended", municipality_id=transition.youth.municipality_id,
               youth=transition.youth, data={"transition_id": transition.pk, "station_id": transition.to_station_id,
                                             "cancelled": True})
    return transition
