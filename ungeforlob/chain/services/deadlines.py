"""KUI legal deadlines: a 15–17-year-old who stops following their education plan must be contacted within
5 working days and offered a new activity within 30 days (plan stops)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import (
    PlanStop,
)
from ungeforlob.chain.services.circle import _contact_people, _today
from ungeforlob.core.text import default_language
from ungeforlob.core.workdays import add_working_days
from ungeforlob.notifications.services import staff_notify
from ungeforlob.youth.models import Youth

KUI_MIN_AGE, KUI_MAX_AGE = 15, 17


def kui_deadlines(stopped_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Contact within 5 working days; a new activity offered within 30 days (configurable)."""
    contact_days = int(getattr(settings, "CHAIN_KUI_CONTACT_WORKING_DAYS", 5))
    offer_days = int(getattr(settings, "CHAIN_KUI_OFFER_DAYS", 30))
    return add_working_days(stopped_on, contact_days), stopped_on + datetime.timedelta(days=offer_days)


@transaction.atomic
def plan_stop_record(*, actor: Any, youth: Youth, stopped_on: datetime.date, note: str = "") -> PlanStop:
    """Record that a 15–17-year-old has stopped following their education plan; both deadlines start."""
    today = _today()
    if stopped_on is None or stopped_on > today:
        raise ValidationError({"stopped_on": _("Datoen kan ikke ligge i fremtiden.")})
    if stopped_on < today - datetime.timedelta(days=365):
        raise ValidationError({"stopped_on": _("Datoen ligger mere end et år tilbage.")})
    age = youth.age_on(stopped_on)
    if not KUI_MIN_AGE <= age <= KUI_MAX_AGE:
        raise ValidationError({"stopped_on": _("KUI-fristerne gælder for unge på 15–17 år. Den unge var %(age)s år.")
                               % {"age": age}})
    same = PlanStop.objects.filter(youth=youth, stopped_on=stopped_on).first()
    if same is not None:
        return same
    if PlanStop.objects.filter(youth=youth).filter(
            contacted_on__isnull=True).exists() or PlanStop.objects.filter(youth=youth, offered_on__isnull=True).exists():
        raise ValidationError({"stopped_on": _("Der er allerede et åbent stop i uddannelsesplanen. Afslut det først.")})
    contact_due, offer_due = kui_deadlines(stopped_on)
    stop = PlanStop.objects.create(youth=youth, stopped_on=stopped_on, note=(note or "").strip()[:500],
                                   recorded_by=actor, contact_due=contact_due, offer_due=offer_due)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=stop,
                 detail={"contact_due": str(contact_due), "offer_due": str(offer_due)})
    with default_language():
        staff_notify(recipients=[p for p in _contact_people(youth) if p.pk != actor.pk], kind="frist",
                     text=_("En ung er stoppet i sin uddannelsesplan. Kontakt senest %(date)s (KUI).")
                     % {"date": contact_due.strftime("%d.%m.%Y")}, url=reverse("chain:circle", args=[youth.pk]))
    return stop


@transaction.atomic
def plan_stop_contact(*, actor: Any, stop: PlanStop, contacted_on: datetime.date) -> PlanStop:
    if contacted_on is None or contacted_on > _today() or contacted_on < stop.stopped_on:
        raise ValidationError({"day": _("Datoen skal ligge mellem stoppet og i dag.")})
    if stop.contacted_on is not None:
        return stop
    stop.contacted_on = contacted_on
    stop.save(update_fields=["contacted_on"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=stop.youth, obj=stop, detail={"contacted_on": str(contacted_on)})
    return stop


@transaction.atomic
def plan_stop_offer(*, actor: Any, stop: PlanStop, offered_on: datetime.date, offer: str) -> PlanStop:
    offer = (offer or "").strip()
    if offered_on is None or offered_on > _today() or offered_on < stop.stopped_on:
        raise ValidationError({"day": _("Datoen skal ligge mellem stoppet og i dag.")})
    if not offer:
        raise ValidationError({"offer": _("Skriv hvilket tilbud den unge har fået.")})
    if stop.offered_on is not None:
        return stop
    stop.offered_on, stop.offer = offered_on, offer[:300]
    if stop.contacted_on is None:
        stop.contacted_on = offered_on  # an offer made to the youth is also contact
    stop.save(update_fields=["offered_on", "offer", "contacted_on"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=stop.youth, obj=stop, detail={"offered_on": str(offered_on)})
    return stop
