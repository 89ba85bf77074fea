"""Education status events in the shape of the national youth database's feed (Ungedatabasen).

Each event becomes a station or transition on the young person's path, through the transitions app's services
(so schedules, audit rows and whatever listens to transitions work as for a professional's change):

* admitted (optaget)  → a planned station: a transition into it on the given date;
* started (startet)   → the station started: the planned one moved to the real date, or a new transition;
* completed (fuldført) → the open station at the institution ended as completed;
* dropped out (afbrudt) → that station ended as dropped out, and a concern to the contact person through the
  chain's concern service (deadline, notification and escalation as for any concern).

An event is kept by its key — the feed's event id, or (CPR, event, institution, date) when there is none — so the
same event from a file, a second run of the file or the API is applied once.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.chain.models import ConcernCategory, Severity
from ungeforlob.imports.caseload import _choice, parse_date
from ungeforlob.imports.models import EducationEvent, EducationEventKind, EducationEventSource, ImportJob
from ungeforlob.transitions.models import Station, StationEndReason, StationKind
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Youth

_KIND_WORDS = {
    "optaget": EducationEventKind.ADMITTED, "admitted": EducationEventKind.ADMITTED,
    "startet": EducationEventKind.STARTED, "started": EducationEventKind.STARTED,
    "afbrudt": EducationEventKind.DROPPED_OUT, "dropped_out": EducationEventKind.DROPPED_OUT,
    "frafald": EducationEventKind.DROPPED_OUT,
    "fuldført": EducationEventKind.COMPLETED, "fuldfoert": EducationEventKind.COMPLETED,
    "gennemført": EducationEventKind.COMPLETED, "completed": EducationEventKind.COMPLETED,
}

# The programme's name says which kind of station it is (checked in this order).
_PROGRAMME_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("grundforløb 1", "gf1"), StationKind.EUD_GF1),
    (("grundforløb 2", "gf2"), StationKind.EUD_GF2),
    (("hovedforløb",), StationKind.EUD_MAIN),
    (("fgu", "forberedende grunduddannelse"), StationKind.FGU),
    (("stu", "særligt tilrettelagt"), StationKind.STU),
    (("hf", "vuc"), StationKind.HF_VUC),
    (("stx", "hhx", "htx", "gymnas", "eux"), StationKind.UPPER_SECONDARY),
    (("10. klasse", "10.klasse"), StationKind.TENTH_GRADE),
    (("eud", "erhvervsuddannelse"), StationKind.EUD_GF1),
)


def station_kind_for(programme: str) -> str:
    words = f" {(programme or '').lower()} "
    for needles, kind in _PROGRAMME_KINDS:
        if any(f" {n}" in words or words.strip().startswith(n) for n in needles):
            return kind
    return StationKind.OTHER


@dataclass(frozen=True)
class Event:
    """One checked event (the young person not yet looked up)."""

    digits: str
    kind: str
    date: datetime.date
    institution_number: str
    institution_name: str
    programme: str
    external_id: str

    @property
    def key(self) -> str:
        if self.external_id:
            source = f"id:{self.external_id}"
        else:
            place = self.institution_number or self.institution_name.lower()
            source = f"cpr:{cpr.lookup_hash(self.digits)}|{self.kind}|{place}|{self.date.isoformat()}"
        return hashlib.sha256(source.encode()).hexdigest()

    @property
    def institution(self) -> str:
        return (self.institution_name or self.institution_number)[:150]


def event_check(values: dict[str, Any]) -> tuple[Event | None, list[tuple[str, str]]]:
    """Check one event's values (a file row or an API body). Returns the event, or [(column key, Danish message)]."""
    errors: list[tuple[str, str]] = []
    digits = ""
    try:
        digits = cpr.normalize_cpr(str(values.get("cpr") or ""))
    except ValidationError as exc:
        errors.append(("cpr", exc.messages[0]))
    kind = _KIND_WORDS.get(str(values.get("kind") or "").strip().lower()) or _choice(str(values.get("kind") or ""),
                                                                                    EducationEventKind)
    if not kind:
        errors.append(("kind", _("Skriv hændelsen som optaget, startet, afbrudt eller fuldført.")))
    raw_date = values.get("date")
    day = raw_date if isinstance(raw_date, datetime.date) else parse_date(str(raw_date or ""))
    today = timezone.localdate()
    if day is None:
        errors.append(("date", _("Skriv datoen som dd-mm-åååå, fx 10-08-2026.")))
    elif day > today + datetime.timedelta(days=366 * 2):
        errors.append(("date", _("Datoen ligger mere end to år ude i fremtiden.")))
    elif day < today - datetime.timedelta(days=366 * 30):
        errors.append(("date", _("Datoen ligger for langt tilbage.")))
    elif kind in {EducationEventKind.STARTED, EducationEventKind.DROPPED_OUT, EducationEventKind.COMPLETED} \
            and day > today:
        errors.append(("date", _("En uddannelse kan ikke være startet, afbrudt eller fuldført i fremtiden.")))
    texts = {}
    for key, limit in (("institution_number", 20), ("institution_name", 150), ("programme", 200),
                       ("event_id", 100)):
        texts[key] = str(values.get(key) or "").strip()
        if len(texts[key]) > limit:
            errors.append((key, _("Teksten er for lang: højst %(max)s tegn.") % {"max": limit}))
    if not texts["institution_number"] and not texts["institution_name"]:
        errors.append(("institution_name", _("Skriv institutionens navn eller institutionsnummer.")))
    if errors:
        return None, errors
    return Event(digits=digits, kind=str(kind), date=day, institution_number=texts["institution_number"],  # type: ignore[arg-type]
                 institution_name=texts["institution_name"], programme=texts["programme"],
                 external_id=texts["event_id"]), []


def _open_station(youth: Youth, event: Event, kind: str) -> Station | None:
    """The open station this event is about: at the same institution (by name), not cancelled, newest first."""
    stations = (Station.objects.filter(youth=youth, end_date__isnull=True)
                .exclude(transition__cancelled_at__isnull=False).order_by("-start_date", "-pk"))
    name = event.institution.lower()
    same_place = [s for s in stations if s.institution.lower() == name]
    return next((s for s in same_place if s.kind == kind), same_place[0] if same_place else None)


def _concern_text(event: Event) -> str:
    return _("Ungedatabasen melder, at den unge har afbrudt %(programme)s på %(institution)s den %(date)s. "
             "Tag kontakt til den unge.") % {"programme": event.programme or _("sin uddannelse"),
                                             "institution": event.institution,
                                             "date": event.date.strftime("%d.%m.%Y")}


@transaction.atomic
def education_event_record(*, actor: Any, youth: Youth, event: Event, source: str = EducationEventSource.FILE,
                           job: ImportJob | None = None, client_name: str = "") -> tuple[EducationEvent, bool]:
    """Apply one education status event to the young person's path. Returns (the event, True when applied now).

    The same key again returns the event already applied and changes nothing. Raises ValidationError with a
    Danish message when the event does not fit the path (completing a station that is not there).
    """
    from ungeforlob.chain.services import concerns as concern_services
    from ungeforlob.transitions import services as transitions

    key = event.key
    existing = EducationEvent.objects.filter(municipality_id=youth.municipality_id, key=key).first()
    if existing is not None:
        return existing, False
    kind = station_kind_for(event.programme)
    station = _open_station(youth, event, kind)
    concern = None
    if event.kind == EducationEventKind.ADMITTED:
        if station is None:
            station = transitions.transition_create(actor=actor, youth=youth, kind=kind, date=event.date,
                                                    institution=event.institution).to_station
    elif event.kind == EducationEventKind.STARTED:
        if station is None:
            station = transitions.transition_create(actor=actor, youth=youth, kind=kind, date=event.date,
                                                    institution=event.institution).to_station
        elif station.start_date != event.date:
            transition = getattr(station, "transition", None)
            if transition is not None:
                transitions.transition_move(actor=actor, transition=transition, date=event.date)
                station.refresh_from_db()
    else:
        if station is None:
            raise ValidationError({"institution_name": _(
                "Den unge har ingen åben station på %(institution)s at afslutte.") % {"institution": event.institution}})
        reason = (StationEndReason.COMPLETED if event.kind == EducationEventKind.COMPLETED
                  else StationEndReason.DROPPED_OUT)
        station = transitions.station_end(actor=actor, station=station, end_date=event.date, end_reason=reason)
        if event.kind == EducationEventKind.DROPPED_OUT:
            concern = concern_services.concern_raise(actor=actor, youth=youth, category=ConcernCategory.OTHER,
                                                     severity=Severity.MEDIUM, description=_concern_text(event))
    try:
        with transaction.atomic():
            record = EducationEvent.objects.create(
                municipality_id=youth.municipality_id, youth=youth, key=key, external_id=event.external_id,
                kind=event.kind, date=event.date, institution_number=event.institution_number,
                institution_name=event.institution_name, programme=event.programme, station=station,
                concern=concern, source=source, job=job, client_name=client_name[:150],
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
    except IntegrityError:  # the same event applied at the same moment by another request: theirs stands
        transaction.set_rollback(True)
        return EducationEvent.objects.get(municipality_id=youth.municipality_id, key=key), False
    return record, True
