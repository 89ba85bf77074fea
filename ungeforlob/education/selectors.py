"""Reads of the education app. Each costs a fixed number of queries whatever the amount of data.

The places are read within the user's municipality. A young person's stations, places and attendance are read
for a young person the caller reached through `policy.get_youth_for`; the lists across young people (application
deadlines, I dag) start from `policy.visible_youth`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from ungeforlob import policy
from ungeforlob.core.agenda import probe_query
from ungeforlob.core.prepared import prepared
from ungeforlob.education.models import AttendanceRecord, Institution, Intake, Programme, StationPlace
from ungeforlob.education.permissions import may_read_places
from ungeforlob.transitions.models import Station
from ungeforlob.youth.models import Youth

SORTS = {"navn": ("name", "pk"), "-navn": ("-name", "-pk"), "type": ("kind", "name", "pk"),
         "optag": (F("next_intake").asc(nulls_last=True), "name", "pk"),
         "frist": (F("next_deadline").asc(nulls_last=True), "name", "pk")}
DEADLINE_DAYS = 60  # the page "Ansøgningsfrister" looks this far ahead
AGENDA_DEADLINE_DAYS = 14  # I dag shows a deadline this many days before it


def _next_intake(today: datetime.date, *, via: str, outer: str = "pk") -> Subquery:
    """The first intake starting today or later, of a programme (`via="programme"`) or an institution; `outer`
    names the programme's (or institution's) id in the outer query."""
    return Subquery(Intake.objects.filter(**{via: OuterRef(outer)}, starts_on__gte=today)
                    .order_by("starts_on").values("starts_on")[:1])


def _next_deadline(today: datetime.date, *, via: str) -> Subquery:
    return Subquery(Intake.objects.filter(**{via: OuterRef("pk")}, application_deadline__gte=today)
                    .order_by("application_deadline").values("application_deadline")[:1])


def places_for(user: Any) -> QuerySet[Institution]:
    if not may_read_places(user):
        return Institution.objects.none()
    return Institution.objects.filter(municipality_id=user.municipality_id)


@dataclass(frozen=True)
class PlaceFilter:
    q: str = ""
    kind: str = ""
    quota: bool = False
    within_days: int | None = None
    sort: str = "navn"


def search_places(user: Any, f: PlaceFilter, *, today: datetime.date) -> QuerySet[Institution]:
    """The places list: one query, each institution with its next intake and deadline, and quota count."""
    qs = places_for(user).annotate(
        next_intake=_next_intake(today, via="programme__institution"),
        next_deadline=_next_deadline(today, via="programme__institution"),
        programme_count=Count("programmes", distinct=True),
        quota_count=Count("programmes", filter=Q(programmes__has_quota=True), distinct=True),
    )
    if f.q:
        qs = qs.filter(Q(name__icontains=f.q) | Q(institution_number__icontains=f.q) | Q(address__icontains=f.q)
                       | Exists(Programme.objects.filter(institution=OuterRef("pk"), name__icontains=f.q)))
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.quota:
        qs = qs.filter(Exists(Programme.objects.filter(institution=OuterRef("pk"), has_quota=True)))
    if f.within_days is not None:
        qs = qs.filter(next_intake__lte=today + datetime.timedelta(days=f.within_days))
    return qs.order_by(*SORTS.get(f.sort, SORTS["navn"]))


def get_place_for(user: Any, pk: Any) -> Institution:
    """An institution of the user's municipality, or 404."""
    place = places_for(user).filter(pk=policy.pk_or_404(pk)).first()
    if place is None:
        raise Http404
    return place


def place_detail(place: Institution, *, today: datetime.date) -> list[Programme]:
    """The place's programmes, each with its intakes and next intake (two queries)."""
    return list(place.programmes.annotate(next_intake=_next_intake(today, via="programme"),
                                          next_deadline=_next_deadline(today, via="programme"))
                .prefetch_related(Prefetch("intakes", queryset=Intake.objects.order_by("starts_on")))
                .order_by("name", "pk"))


def get_programme_for(user: Any, pk: Any) -> Programme:
    programme = (Programme.objects.filter(institution__in=places_for(user), pk=policy.pk_or_404(pk))
                 .select_related("institution").first())
    if programme is None:
        raise Http404
    return programme


def get_intake_for(user: Any, pk: Any) -> Intake:
    intake = (Intake.objects.filter(programme__institution__in=places_for(user), pk=policy.pk_or_404(pk))
              .select_related("programme__institution").first())
    if intake is None:
        raise Http404
    return intake


def programme_choices(user: Any, *, today: datetime.date) -> QuerySet[Programme]:
    """The programmes a station may point to, with their next intake (for the picker)."""
    return (Programme.objects.filter(institution__in=places_for(user)).select_related("institution")
            .annotate(next_intake=_next_intake(today, via="programme"))
            .order_by("institution__name", "name", "pk"))


def next_intake_of(programme_id: int, *, today: datetime.date) -> Intake | None:
    return Intake.objects.filter(programme_id=programme_id, starts_on__gte=today).order_by("starts_on").first()


# --- A young person's stations, places and attendance ----------------------------------------------------


def youth_stations(youth: Youth, *, today: datetime.date) -> list[Station]:
    """The young person's stations, newest first, each with `place` (StationPlace or None, with the programme's
    next intake and deadline) and `weeks` (the attendance records, oldest first). Three queries."""
    stations = list(Station.objects.filter(youth=youth).order_by("-start_date", "-pk"))
    places = {p.station_id: p for p in StationPlace.objects.filter(youth=youth).select_related(
        "programme__institution").annotate(
        next_intake=_next_intake(today, via="programme", outer="programme_id"),
        next_deadline=Subquery(Intake.objects.filter(programme=OuterRef("programme_id"),
                                                     application_deadline__gte=today)
                               .order_by("application_deadline").values("application_deadline")[:1]))}
    weeks: dict[int, list[AttendanceRecord]] = {}
    for record in AttendanceRecord.objects.filter(youth=youth).order_by("week", "pk"):
        weeks.setdefault(record.station_id, []).append(record)
    for station in stations:
        station.place = places.get(station.pk)  # type: ignore[attr-defined]
        station.weeks = weeks.get(station.pk, [])  # type: ignore[attr-defined]
    return stations


def get_station_of(youth: Youth, pk: Any) -> Station:
    station = Station.objects.filter(youth=youth, pk=policy.pk_or_404(pk)).first()
    if station is None:
        raise Http404
    return station


def get_record_of(youth: Youth, pk: Any) -> AttendanceRecord:
    record = (AttendanceRecord.objects.filter(youth=youth, pk=policy.pk_or_404(pk))
              .select_related("station", "recorded_by", "answered_by", "youth").first())
    if record is None:
        raise Http404
    return record


@prepared(youth_id=int)
def _last_weeks(*, youth_id: int) -> QuerySet[AttendanceRecord]:
    return AttendanceRecord.objects.filter(youth_id=youth_id).select_related("station").order_by("-week", "-pk")[:8]


def attendance_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """The youth overview's card: the last eight weeks of attendance across stations (one query)."""
    weeks = _last_weeks(youth_id=youth.pk)
    weeks.reverse()
    for week in weeks:
        week.youth = youth
    return {"attendance_weeks": weeks, "attendance_open": [w for w in weeks if w.is_prompt_open]}


# --- Across the user's young people ---------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    youth_id: int
    youth_name: str
    station_id: int
    programme: str
    institution: str
    starts_on: datetime.date
    deadline: datetime.date


def _deadline_rows(user: Any, *, today: datetime.date, days: int) -> QuerySet[Any]:
    """Intakes with an application deadline in [today, today + days] of a programme that a station of one of the
    user's young people points to (the station not ended)."""
    return _deadlines_between(StationPlace.objects.filter(policy.youth_in(user)), today,
                              today + datetime.timedelta(days=days))


def _deadlines_between(places: QuerySet[StationPlace], first: datetime.date,
                       last: datetime.date) -> QuerySet[StationPlace]:
    return (places.filter(Q(station__end_date__isnull=True) | Q(station__end_date__gte=first))
            .filter(programme__intakes__application_deadline__gte=first,
                    programme__intakes__application_deadline__lte=last))


def deadlines_for(user: Any, *, today: datetime.date, days: int = DEADLINE_DAYS) -> list[Deadline]:
    """The page "Ansøgningsfrister": one query."""
    rows = (_deadline_rows(user, today=today, days=days)
            .values_list("youth_id", "youth__first_name", "youth__last_name", "station_id", "programme__name",
                         "programme__institution__name", "programme__intakes__starts_on",
                         "programme__intakes__application_deadline")
            .order_by("programme__intakes__application_deadline", "youth__first_name", "youth_id")[:500])
    return [Deadline(y, f"{first} {last}".strip(), s, p, i, start, deadline)
            for y, first, last, s, p, i, start, deadline in rows]


def _prompts_waiting(user: Any) -> QuerySet[AttendanceRecord]:
    return AttendanceRecord.objects.filter(policy.youth_in(user, policy.Action.CONTACT_PERSON), over_threshold=True,
                                           answered_at__isnull=True)


def agenda_probe(user: Any, *, today: datetime.date) -> list[Any]:
    """What `agenda_rows` would read, for *I dag*'s one probe query (core.agenda.probed); inside a request,
    compiled once per process with the young people named by id."""
    seen, own = policy.youth_ids(user), policy.youth_ids(user, policy.Action.CONTACT_PERSON)
    if seen is None or own is None:
        return [_deadline_rows(user, today=today, days=AGENDA_DEADLINE_DAYS), _prompts_waiting(user)]
    return [_deadlines_probe(ids=seen, first=today, last=today + datetime.timedelta(days=AGENDA_DEADLINE_DAYS)),
            _prompts_probe(ids=own)]


@probe_query(ids=list, first=datetime.date, last=datetime.date)
def _deadlines_probe(*, ids: list[int], first: datetime.date, last: datetime.date) -> QuerySet[StationPlace]:
    return _deadlines_between(StationPlace.objects.filter(youth_id__any_of=ids), first, last)


@probe_query(ids=list)
def _prompts_probe(*, ids: list[int]) -> QuerySet[AttendanceRecord]:
    return AttendanceRecord.objects.filter(youth_id__any_of=ids, over_threshold=True, answered_at__isnull=True)


def agenda_rows(user: Any, *, today: datetime.date) -> list[tuple[Any, ...]]:
    """I dag: the deadlines coming up and the absence prompts waiting, in ONE query (a UNION of the two).

    Each row: (kind, youth id, first name, last name, station id, record id, date, figure, programme name)."""
    deadlines = (_deadline_rows(user, today=today, days=AGENDA_DEADLINE_DAYS)
                 .annotate(kind=Value("frist"), record_id=Value(0), figure=Value(0),
                           day=F("programme__intakes__application_deadline"), label=F("programme__name"))
                 .values_list("kind", "youth_id", "youth__first_name", "youth__last_name", "station_id",
                              "record_id", "day", "figure", "label").order_by())
    prompts = (_prompts_waiting(user)
               .annotate(kind=Value("fravaer"), record_id=F("pk"), figure=F("absence_percent"), day=F("week"),
                         label=Coalesce(F("station__institution"), Value("")))
               .values_list("kind", "youth_id", "youth__first_name", "youth__last_name", "station_id",
                            "record_id", "day", "figure", "label").order_by())
    return list(deadlines.union(prompts, all=True)[:200])

