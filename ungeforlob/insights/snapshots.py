"""Writing the quarterly snapshot (`QuarterSnapshot`): the worker job and the backfill command call this.

A young person has a row for a quarter when one of their courses (forløb) overlapped it. The row says what was
true at the quarter's last day (or today, for the running quarter): the level of the newest team assessment
(its current version), the sector of the station they were in, their contact person's organisation and first
team, their age band and whether their course was open or ended in the quarter. Rows are upserted, so running
it twice changes nothing.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from ungeforlob.accounts.models import Municipality, Team
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.insights.models import AgeBand, CourseState, QuarterSnapshot, StationSector
from ungeforlob.insights.quarters import Quarter, quarters_back
from ungeforlob.progression.models import AssessmentVersion
from ungeforlob.targets.contact import recent_contact_in
from ungeforlob.transitions.models import Station, StationKind
from ungeforlob.youth.models import Course, Youth

SECTOR_OF_KIND: dict[str, str] = {
    StationKind.NINTH_GRADE: StationSector.SCHOOL,
    StationKind.TENTH_GRADE: StationSector.SCHOOL,
    StationKind.FGU: StationSector.FGU,
    StationKind.EUD_GF1: StationSector.VOCATIONAL,
    StationKind.EUD_GF2: StationSector.VOCATIONAL,
    StationKind.EUD_MAIN: StationSector.VOCATIONAL,
    StationKind.APPRENTICESHIP: StationSector.VOCATIONAL,
    StationKind.UPPER_SECONDARY: StationSector.UPPER_SECONDARY,
    StationKind.HF_VUC: StationSector.UPPER_SECONDARY,
    StationKind.STU: StationSector.STU,
    StationKind.JOB: StationSector.JOB,
    StationKind.JOBCENTRE: StationSector.JOBCENTRE,
    StationKind.OTHER: StationSector.OTHER,
}

# How many quarters the worker keeps filled (two years and the running quarter, and one to spare).
KEEP_QUARTERS = 10


def age_band(born: datetime.date, day: datetime.date) -> str:
    age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if 15 <= age <= 17:
        return AgeBand.YOUNG
    if 18 <= age <= 24:
        return AgeBand.MIDDLE
    if 25 <= age <= 29:
        return AgeBand.OLDER
    return ""


def _spells(assessments: list[tuple[datetime.date, str]]) -> list[tuple[str, datetime.date, datetime.date | None]]:
    """(level, since, until) runs of the same level, oldest first; `until` is the next run's first day."""
    spells: list[list[Any]] = []
    for day, level in assessments:
        if spells and spells[-1][0] == level:
            continue
        if spells:
            spells[-1][2] = day
        spells.append([level, day, None])
    return [tuple(s) for s in spells]  # type: ignore[misc]


def _spell_at(spells: list[tuple[str, datetime.date, datetime.date | None]], day: datetime.date) -> int:
    """Index of the spell running on `day`, or -1 before the first assessment."""
    return bisect_right([s[1] for s in spells], day) - 1


# How far back a snapshot looks for the latest contact: the leaders' contact rhythm asks about 7 and 14 days.
CONTACT_DAYS = 31


def _contacts(quarters: list[Quarter], today: datetime.date, municipality_id: int | None
              ) -> dict[datetime.date, dict[int, datetime.date]]:
    """{quarter start: {youth id: latest contact in the CONTACT_DAYS days up to its last day}} — one query a quarter."""
    return {q.start: recent_contact_in(municipality_id, days=CONTACT_DAYS, today=min(q.end, today))
            for q in quarters if q.start <= today}


def _rows_for_municipality(municipality_id: int, quarters: list[Quarter], today: datetime.date,
                           recent: dict[datetime.date, dict[int, datetime.date]]) -> list[QuarterSnapshot]:
    first_day = quarters[0].start
    courses: dict[int, list[tuple[datetime.date, datetime.date | None]]] = defaultdict(list)
    for youth_id, start, end in Course.objects.filter(
            youth__municipality_id=municipality_id).values_list("youth_id", "start_date", "end_date"):
        if end is None or end >= first_day:
            courses[youth_id].append((start, end))
    if not courses:
        return []
    births = dict(Youth.objects.filter(municipality_id=municipality_id).values_list("id", "birth_date"))
    assessments: dict[int, list[tuple[datetime.date, str]]] = defaultdict(list)
    for youth_id, day, level in (AssessmentVersion.objects
                                 .filter(is_current=True, assessment__youth__municipality_id=municipality_id)
                                 .order_by("assessed_on", "assessment__created_at", "pk")
                                 .values_list("assessment__youth_id", "assessed_on", "level")):
        assessments[youth_id].append((day, level))
    stations: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = defaultdict(list)
    for youth_id, start, end, kind in (Station.objects.filter(youth__municipality_id=municipality_id)
                                       .order_by("start_date", "pk")
                                       .values_list("youth_id", "start_date", "end_date", "kind")):
        stations[youth_id].append((start, end, kind))
    contacts: dict[int, list[tuple[datetime.date, datetime.date | None, int, int | None]]] = defaultdict(list)
    for youth_id, start, end, professional_id, org_id in (
            Membership.objects.filter(youth__municipality_id=municipality_id, role=ChainRole.CONTACT_PERSON)
            .order_by("start_date", "pk")
            .values_list("youth_id", "start_date", "end_date", "professional_id", "professional__organisation_id")):
        contacts[youth_id].append((start, end, professional_id, org_id))
    team_of: dict[int, int] = {}
    for team_id, user_id in (Team.members.through.objects.filter(team__municipality_id=municipality_id)
                             .order_by("team_id").values_list("team_id", "user_id")):
        team_of.setdefault(user_id, team_id)

    rows = []
    for youth_id, spans in courses.items():
        spells = _spells(assessments.get(youth_id, []))
        for q in quarters:
            if q.start > today:
                continue
            day = min(q.end, today)
            overlapping = [(s, e) for s, e in spans if s <= day and (e is None or e >= q.start)]
            if not overlapping:
                continue
            state = (CourseState.OPEN if any(e is None or e > day for _, e in overlapping) else CourseState.ENDED)
            now_i = _spell_at(spells, day)
            before_i = _spell_at(spells, q.start - datetime.timedelta(days=1))
            level = spells[now_i][0] if now_i >= 0 else ""
            previous = spells[before_i][0] if before_i >= 0 else ""
            days_at_previous = None
            if before_i >= 0 and now_i > before_i:
                _, since, until = spells[before_i]
                days_at_previous = (until - since).days if until else None
            station = next((kind for start, end, kind in reversed(stations.get(youth_id, []))
                            if start <= day and (end is None or end >= day)), None)
            contact = next(((prof, org) for start, end, prof, org in reversed(contacts.get(youth_id, []))
                            if start <= day and (end is None or end > day)), (None, None))
            rows.append(QuarterSnapshot(
                municipality_id=municipality_id, youth_id=youth_id, quarter=q.start, level=level,
                previous_level=previous, days_at_previous_level=days_at_previous, course_state=state,
                sector=SECTOR_OF_KIND.get(station, StationSector.OTHER) if station else StationSector.NONE,
                organisation_id=contact[1], team_id=team_of.get(contact[0]) if contact[0] else None,
                age_band=age_band(births[youth_id], day),
                last_contact=recent.get(q.start, {}).get(youth_id),
            ))
    return rows


@transaction.atomic
def snapshots_write(*, quarters: list[Quarter], municipality: Municipality | None = None,
                    today: datetime.date | None = None) -> int:
    """Compute and upsert the rows of `quarters` (of one municipality, or all). Returns how many rows."""
    today = today or timezone.localdate()
    municipalities = [municipality.pk] if municipality else list(Municipality.objects.values_list("pk", flat=True))
    written = 0
    quarters = sorted(quarters)
    recent = _contacts(quarters, today, municipality.pk if municipality else None)
    for municipality_id in municipalities:
        rows = _rows_for_municipality(municipality_id, quarters, today, recent)
        QuarterSnapshot.objects.bulk_create(
            rows, batch_size=2000, update_conflicts=True, unique_fields=["youth", "quarter"],
            update_fields=["level", "previous_level", "days_at_previous_level", "course_state", "sector",
                           "organisation", "team", "age_band", "last_contact", "computed_at"])
        # A youth whose course no longer overlaps a recomputed quarter (a corrected date) loses that row.
        keep = {(r.youth_id, r.quarter) for r in rows}
        stale = [pk for pk, youth_id, quarter in QuarterSnapshot.objects.filter(
            municipality_id=municipality_id, quarter__in=[q.start for q in quarters]).values_list(
                "pk", "youth_id", "quarter") if (youth_id, quarter) not in keep]
        QuarterSnapshot.objects.filter(pk__in=stale).delete()
        written += len(rows)
    return written


def snapshots_refresh(*, keep: int = KEEP_QUARTERS, today: datetime.date | None = None) -> int:
    """The worker job: recompute the running and the previous quarter, fill any missing quarter of the last `keep`.

    The previous quarter is recomputed too, so its last days (between the job's last run and the turn of the
    quarter) are counted. Idempotent.
    """
    today = today or timezone.localdate()
    wanted = quarters_back(today, keep)
    present = set(QuarterSnapshot.objects.filter(quarter__gte=wanted[0].start)
                  .values_list("quarter", flat=True).distinct())
    todo = [q for q in wanted[:-2] if q.start not in present] + wanted[-2:]
    return snapshots_write(quarters=todo, today=today)
