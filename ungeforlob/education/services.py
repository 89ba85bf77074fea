"""Writes of the education app: education places, a station's place, the threshold and attendance.

Each function is keyword-only, atomic, raises ValidationError with Danish messages for bad input and records its
own audit row. Changes to a place or the threshold are refused when someone saved it since the form was drawn
(`core.forms.StaleEdit`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.forms import StaleEdit
from ungeforlob.education.models import (
    AttendanceRecord,
    AttendanceSettings,
    Institution,
    InstitutionKind,
    Intake,
    Programme,
    StationPlace,
    monday_of,
)
from ungeforlob.education.permissions import may_keep_places, may_set_threshold
from ungeforlob.policy import Action

INSTITUTION_FIELDS = ("name", "institution_number", "kind", "address", "contact_name", "contact_phone",
                      "contact_email")
PROGRAMME_FIELDS = ("name", "admission_requirements", "has_quota", "quota_places")


def _clean(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _require_keeper(actor: Any) -> None:
    if not may_keep_places(actor):
        raise ValidationError(_("Kun medarbejdere i ungeindsatsen kan ændre uddannelsessteder."))


def _institution_errors(actor: Any, data: dict[str, Any], *, pk: int | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.get("name"):
        errors["name"] = _("Skriv stedets navn.")
    if data.get("kind") not in InstitutionKind.values:
        errors["kind"] = _("Vælg en type.")
    same = Institution.objects.filter(municipality_id=actor.municipality_id).exclude(pk=pk)
    if data.get("name") and same.filter(name__iexact=data["name"]).exists():
        errors["name"] = _("Der findes allerede et uddannelsessted med det navn.")
    number = data.get("institution_number") or ""
    if number and same.filter(institution_number=number).exists():
        errors["institution_number"] = _("Et andet uddannelsessted har allerede det institutionsnummer.")
    return errors


@transaction.atomic
def institution_create(*, actor: Any, name: str, kind: str, institution_number: str = "", address: str = "",
                       contact_name: str = "", contact_phone: str = "", contact_email: str = "") -> Institution:
    _require_keeper(actor)
    data = {k: _clean(v) for k, v in locals().items() if k in INSTITUTION_FIELDS}
    errors = _institution_errors(actor, data)
    if errors:
        raise ValidationError(errors)
    institution = Institution.objects.create(municipality_id=actor.municipality_id, **data)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=institution)
    return institution


@transaction.atomic
def institution_update(*, actor: Any, institution: Institution, version: int, name: str, kind: str,
                       institution_number: str = "", address: str = "", contact_name: str = "",
                       contact_phone: str = "", contact_email: str = "") -> Institution:
    """Change a place; refused (StaleEdit) when someone else saved it since the form was drawn at `version`."""
    _require_keeper(actor)
    data = {k: _clean(v) for k, v in locals().items() if k in INSTITUTION_FIELDS}
    errors = _institution_errors(actor, data, pk=institution.pk)
    if errors:
        raise ValidationError(errors)
    updated = Institution.objects.filter(pk=institution.pk, version=version).update(
        **data, version=version + 1, updated_at=timezone.now())
    if not updated:
        current = Institution.objects.filter(pk=institution.pk).values_list("version", flat=True).first() or 1
        raise StaleEdit(_("En anden har ændret uddannelsesstedet, mens du skrev. Det du skrev står stadig i "
                          "formularen; gem igen for at erstatte den andens ændring."), current_version=current)
    institution.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=institution)
    return institution


@transaction.atomic
def institution_delete(*, actor: Any, institution: Institution) -> None:
    _require_keeper(actor)
    audit_record(actor=actor, action=AuditAction.DELETE, obj=institution, detail={"name": institution.name})
    try:
        with transaction.atomic():
            institution.delete()
    except ProtectedError:
        raise ValidationError(_("Stedet kan ikke slettes: en ung har en station på en af dets uddannelser. "
                                "Fjern koblingen på stationen først.")) from None


def _programme_errors(institution: Institution, data: dict[str, Any], *, pk: int | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.get("name"):
        errors["name"] = _("Skriv uddannelsens navn.")
    elif institution.programmes.exclude(pk=pk).filter(name__iexact=data["name"]).exists():
        errors["name"] = _("Stedet har allerede en uddannelse med det navn.")
    if data.get("has_quota") and not data.get("quota_places"):
        errors["quota_places"] = _("Skriv hvor mange pladser kvoten har.")
    if not data.get("has_quota"):
        data["quota_places"] = None
    return errors


@transaction.atomic
def programme_create(*, actor: Any, institution: Institution, name: str, admission_requirements: str = "",
                     has_quota: bool = False, quota_places: int | None = None) -> Programme:
    _require_keeper(actor)
    data = {k: _clean(v) if k != "admission_requirements" else (v or "").strip()
            for k, v in locals().items() if k in PROGRAMME_FIELDS}
    errors = _programme_errors(institution, data)
    if errors:
        raise ValidationError(errors)
    programme = Programme.objects.create(institution=institution, **data)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=programme)
    return programme


@transaction.atomic
def programme_update(*, actor: Any, programme: Programme, version: int, name: str, admission_requirements: str = "",
                     has_quota: bool = False, quota_places: int | None = None) -> Programme:
    _require_keeper(actor)
    data = {k: _clean(v) if k != "admission_requirements" else (v or "").strip()
            for k, v in locals().items() if k in PROGRAMME_FIELDS}
    errors = _programme_errors(programme.institution, data, pk=programme.pk)
    if errors:
        raise ValidationError(errors)
    updated = Programme.objects.filter(pk=programme.pk, version=version).update(
        **data, version=version + 1, updated_at=timezone.now())
    if not updated:
        current = Programme.objects.filter(pk=programme.pk).values_list("version", flat=True).first() or 1
        raise StaleEdit(_("En anden har ændret uddannelsen, mens du skrev. Det du skrev står stadig i formularen; "
                          "gem igen for at erstatte den andens ændring."), current_version=current)
    programme.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=programme)
    return programme


@transaction.atomic
def programme_delete(*, actor: Any, programme: Programme) -> None:
    _require_keeper(actor)
    audit_record(actor=actor, action=AuditAction.DELETE, obj=programme, detail={"name": programme.name})
    try:
        with transaction.atomic():
            programme.delete()
    except ProtectedError:
        raise ValidationError(_("Uddannelsen kan ikke slettes: en ung har en station på den. "
                                "Fjern koblingen på stationen først.")) from None


@transaction.atomic
def intake_add(*, actor: Any, programme: Programme, starts_on: datetime.date,
               application_deadline: datetime.date | None = None) -> Intake:
    _require_keeper(actor)
    if application_deadline and application_deadline > starts_on:
        raise ValidationError({"application_deadline": _("Ansøgningsfristen skal ligge før studiestart.")})
    if programme.intakes.filter(starts_on=starts_on).exists():
        raise ValidationError({"starts_on": _("Uddannelsen har allerede et optag med den studiestart.")})
    intake = Intake.objects.create(programme=programme, starts_on=starts_on,
                                   application_deadline=application_deadline)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=intake)
    return intake


@transaction.atomic
def intake_delete(*, actor: Any, intake: Intake) -> None:
    _require_keeper(actor)
    audit_record(actor=actor, action=AuditAction.DELETE, obj=intake, detail={"starts_on": str(intake.starts_on)})
    intake.delete()


# --- A station's place ------------------------------------------------------------------------------------


@transaction.atomic
def station_place_set(*, actor: Any, station: Any, programme: Programme | None) -> StationPlace | None:
    """Point the station at a programme (or, with None, at none). The caller reached the station through
    `policy.get_youth_for(..., for_edit=True)`; the programme must be one of the actor's municipality."""
    if not policy.can(actor, Action.EDIT, station.youth):
        raise ValidationError(_("Du kan ikke ændre den unges stationer."))
    if programme is None:
        StationPlace.objects.filter(station=station).delete()
        audit_record(actor=actor, action=AuditAction.DELETE, youth=station.youth, object_type="stationplace",
                     object_id=station.pk)
        return None
    if programme.institution.municipality_id != station.youth.municipality_id:
        raise ValidationError({"programme": _("Vælg en uddannelse fra listen.")})
    place, _created = StationPlace.objects.update_or_create(
        station=station, defaults={"programme": programme, "youth": station.youth, "created_by": actor})
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=station.youth, obj=place)
    return place


# --- The threshold and attendance --------------------------------------------------------------------------


def threshold_for(municipality_id: int) -> int:
    from ungeforlob.education.models import DEFAULT_THRESHOLD

    value = AttendanceSettings.objects.filter(municipality_id=municipality_id).values_list(
        "threshold_percent", flat=True).first()
    return value if value is not None else DEFAULT_THRESHOLD


@transaction.atomic
def attendance_settings_update(*, actor: Any, threshold_percent: int, version: int) -> AttendanceSettings:
    if not may_set_threshold(actor):
        raise ValidationError(_("Kun ledere og administratorer kan sætte tærsklen for fravær."))
    if not 1 <= threshold_percent <= 100:
        raise ValidationError({"threshold_percent": _("Skriv en procent mellem 1 og 100.")})
    current, _created = AttendanceSettings.objects.select_for_update().get_or_create(
        municipality_id=actor.municipality_id)
    if current.version != version:
        raise StaleEdit(_("En anden har ændret tærsklen, mens du skrev. Gem igen for at erstatte den."),
                        current_version=current.version)
    current.threshold_percent = threshold_percent
    current.version = version + 1
    current.updated_by = actor
    current.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=current, detail={"threshold": threshold_percent})
    return current


@transaction.atomic
def attendance_record(*, actor: Any, station: Any, week: datetime.date, absence_percent: int,
                      note: str = "") -> AttendanceRecord:
    """Record a week's share of absence on a station (the same week again replaces the figure).

    Who may: a member of the young person's circle whose role allows editing the record and its stations
    (`policy.can(actor, Action.EDIT, youth)`). Above the municipality's threshold the contact person is notified
    and the record becomes a prompt on their *I dag*, until they raise or answer a concern."""
    from ungeforlob.chain.selectors import contact_people
    from ungeforlob.notifications.services import staff_notify

    youth = station.youth
    if not policy.can(actor, Action.EDIT, youth):
        raise ValidationError(_("Du kan ikke registrere fravær for denne unge."))
    errors: dict[str, str] = {}
    if not isinstance(absence_percent, int) or not 0 <= absence_percent <= 100:
        errors["absence_percent"] = _("Skriv fraværet som en procent mellem 0 og 100.")
    week = monday_of(week) if isinstance(week, datetime.date) else week
    today = timezone.localdate()
    if not isinstance(week, datetime.date):
        errors["week"] = _("Vælg en uge.")
    elif week > today:
        errors["week"] = _("Fravær kan kun registreres for en uge, der er begyndt.")
    elif week + datetime.timedelta(days=6) < station.start_date or (
            station.end_date is not None and week > station.end_date):
        errors["week"] = _("Ugen ligger uden for stationens periode.")
    note = " ".join((note or "").split())
    if len(note) > 500:
        errors["note"] = _("Skriv højst 500 tegn.")
    if errors:
        raise ValidationError(errors)
    threshold = threshold_for(youth.municipality_id)
    over = absence_percent > threshold
    previous = AttendanceRecord.objects.select_for_update().filter(station=station, week=week).first()
    record, created = AttendanceRecord.objects.update_or_create(
        station=station, week=week,
        defaults={"youth": youth, "absence_percent": absence_percent, "note": note, "recorded_by": actor,
                  "threshold_percent": threshold, "over_threshold": over})
    audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, youth=youth, obj=record,
                 detail={"week": str(week), "absence": absence_percent})
    newly_over = over and (previous is None or not previous.over_threshold)
    if newly_over and record.answered_at is None:
        staff_notify(recipients=[p for p in contact_people(youth) if p.pk != actor.pk], kind="fravaer",
                     text=_("Fravær over tærsklen (%(week)s: %(n)s %%). Rejs eller besvar en bekymring.") % {
                         "week": record.week_label, "n": absence_percent},
                     url=reverse("education:prompt", args=[youth.pk, record.pk]),
                     email_subject=_("Ungeforløb: fravær over tærsklen"))
    return record


def _require_contact_person(actor: Any, youth: Any) -> None:
    if not policy.can(actor, Action.CONTACT_PERSON, youth):
        raise ValidationError(_("Kun kontaktpersonen besvarer fravær over tærsklen."))


@transaction.atomic
def attendance_answer(*, actor: Any, record: AttendanceRecord, answer: str) -> AttendanceRecord:
    """The contact person answers a prompt without raising a concern, saying why (e.g. "aftalt sygdom")."""
    _require_contact_person(actor, record.youth)
    answer = " ".join((answer or "").split())
    if not answer:
        raise ValidationError({"answer": _("Skriv kort, hvorfor der ikke skal rejses en bekymring.")})
    if len(answer) > 500:
        raise ValidationError({"answer": _("Skriv højst 500 tegn.")})
    if record.answered_at is not None:
        raise ValidationError(_("Fraværet er allerede besvaret."))
    record.answer, record.answered_at, record.answered_by = answer, timezone.now(), actor
    record.save(update_fields=["answer", "answered_at", "answered_by"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=record.youth, obj=record, detail={"answered": True})
    return record


@transaction.atomic
def attendance_concern_raise(*, actor: Any, record: AttendanceRecord, category: str, severity: str,
                             description: str, notify: Iterable[Any] = ()) -> Any:
    """Raise a concern about the absence (chain's `concern_raise`) and mark the prompt answered by it."""
    from ungeforlob.chain.services import concern_raise

    _require_contact_person(actor, record.youth)
    if record.answered_at is not None:
        raise ValidationError(_("Fraværet er allerede besvaret."))
    concern = concern_raise(actor=actor, youth=record.youth, category=category, severity=severity,
                            description=description, notify=notify)
    record.concern, record.answered_at, record.answered_by = concern, timezone.now(), actor
    record.save(update_fields=["concern", "answered_at", "answered_by"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=record.youth, obj=record,
                 detail={"concern": concern.pk})
    return concern
