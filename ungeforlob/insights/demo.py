"""Demo data for the leader's pages: two years of history in Demo Kommune, so every figure has a story.

Ninety young people who came and went over the last two years: registered by their contact person (Mette
or Kasper, each on a team), assessed about every quarter with movement both ways, most of their courses
ended (in education, in a job or otherwise), and many started an education — some stayed, some dropped out.
Written through the owning apps' services (registration, assessments, course end, stations and transitions).
Two shortcuts, each because the history lies in the past: the procedure a transition followed is recorded
without making its (long past) schedule, and the contact person's membership ends with the course.
Then the quarterly snapshot is backfilled. Idempotent: a young person who exists (by CPR) is left alone.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from ungeforlob.accounts.models import Team
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.insights.quarters import quarters_back
from ungeforlob.insights.snapshots import KEEP_QUARTERS, snapshots_write
from ungeforlob.progression.levels import LEVELS_BY_ORDER
from ungeforlob.progression.services import assessment_create
from ungeforlob.transitions.models import Procedure, StationEndReason, StationKind, Transition
from ungeforlob.transitions.services import station_create, station_end, transition_create
from ungeforlob.youth import cpr
from ungeforlob.youth.models import CourseEndReason, Youth
from ungeforlob.youth.services import course_end, youth_create

HISTORY = 90
FIRST = ["Asger", "Bertram", "Carl", "Daniel", "Elias", "Felix", "Gustav", "Hugo", "Isak", "Johan",
         "Karl", "Liam", "Marius", "Nohr", "Otto", "Storm", "Theo", "Valdemar", "Walther", "Aksel",
         "Aya", "Bella", "Dagmar", "Ella", "Frida", "Gry", "Hannah", "Ingrid", "Karla", "Lea",
         "Liva", "Marie", "Nora", "Olivia", "Rosa", "Selma", "Thea", "Vera", "Alma", "Agnes"]
LAST = ["Brandt", "Buch", "Dalgaard", "Eriksen", "Fisker", "Gregersen", "Hald", "Iversen", "Juhl", "Krogh"]
EDUCATIONS = [(StationKind.EUD_GF1, "Demo Tekniske Skole"), (StationKind.UPPER_SECONDARY, "Demo Gymnasium"),
              (StationKind.FGU, "FGU Demo"), (StationKind.EUD_GF2, "Demo Handelsskole"),
              (StationKind.HF_VUC, "VUC Demo")]
RATIONALE = "Vurderet på teammødet ud fra det, vi har set de seneste måneder."


def _teams(municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    uu = orgs["Ungeindsatsen (UU)"]
    for name, username in (("Team Nord", "kontaktperson"), ("Team Syd", "kasper")):
        team, _created = Team.objects.get_or_create(municipality=municipality, name=name,
                                                    defaults={"organisation": uu})
        team.members.add(staff[username])


def _cpr(rng: random.Random, born: datetime.date) -> str:
    century = 0 if born.year < 2000 else 4
    return f"{born:%d%m%y}{century}{rng.randint(0, 99):02d}{rng.randint(0, 9)}"


def _levels(rng: random.Random, n: int) -> list[int]:
    level = rng.choice([1, 1, 2, 2, 3])
    out = [level]
    for _i in range(n - 1):
        level = min(5, max(1, level + rng.choices([1, 0, -1, 2], weights=[45, 25, 22, 8])[0]))
        out.append(level)
    return out


def _one(i: int, *, municipality: Any, staff: dict[str, Any], procedures: list[Procedure],
         today: datetime.date) -> bool:
    rng = random.Random(2030_000 + i)  # noqa: S311 - demo data, not security
    born = today - datetime.timedelta(days=rng.randint(16 * 365, 28 * 365))
    digits = _cpr(rng, born)
    if Youth.objects.filter(municipality=municipality, cpr_hash=cpr.lookup_hash(digits)).exists():
        return False
    contact = staff["kontaktperson"] if i % 2 else staff["kasper"]
    start = today - datetime.timedelta(days=rng.randint(180, 820))
    youth = youth_create(actor=contact, first_name=FIRST[i % len(FIRST)], last_name=LAST[rng.randrange(len(LAST))],
                         cpr_number=digits, mobile=f"+4571{rng.randint(0, 999999):06d}", course_start=start)
    ends = rng.random() < 0.7
    end = min(today - datetime.timedelta(days=3), start + datetime.timedelta(days=rng.randint(90, 420)))
    last_day = end if ends else today - datetime.timedelta(days=3)
    days, day = [], start + datetime.timedelta(days=rng.randint(10, 30))
    while day <= last_day:
        days.append(day)
        day += datetime.timedelta(days=rng.randint(75, 110))
    for on, order in zip(days, _levels(rng, len(days)), strict=True):
        assessment_create(actor=contact, youth=youth, assessed_on=on, level=LEVELS_BY_ORDER[order],
                          rationale=RATIONALE, participant_ids=[contact.pk])
    reason = rng.choices([CourseEndReason.EDUCATION, CourseEndReason.JOB, CourseEndReason.MOVED,
                          CourseEndReason.OTHER_SUPPORT, CourseEndReason.DECLINED],
                         weights=[50, 22, 10, 10, 8])[0]
    starts_education = (ends and reason == CourseEndReason.EDUCATION) or (not ends and rng.random() < 0.3)
    station_create(actor=contact, youth=youth, kind=rng.choice([StationKind.NINTH_GRADE, StationKind.TENTH_GRADE,
                                                                 StationKind.JOBCENTRE, StationKind.OTHER]),
                   start_date=start - datetime.timedelta(days=rng.randint(30, 300)))
    if starts_education:
        kind, place = rng.choice(EDUCATIONS)
        begin = (end if ends else start + datetime.timedelta(days=rng.randint(60, 200))) - datetime.timedelta(days=7)
        begin = min(begin, today - datetime.timedelta(days=1))
        t = transition_create(actor=contact, youth=youth, kind=kind, date=begin, institution=place,
                              previous_end_reason=StationEndReason.COMPLETED)
        if procedures and rng.random() < 0.8:
            # The schedule of a start this far back is long past: record only which procedure was followed.
            Transition.objects.filter(pk=t.pk).update(procedure=rng.choice(procedures))
        if rng.random() < 0.25:
            dropped = begin + datetime.timedelta(days=rng.randint(20, 330))
            if dropped < today:
                station_end(actor=contact, station=t.to_station, end_date=dropped,
                            end_reason=StationEndReason.DROPPED_OUT)
    if ends:
        course = youth.courses.get(end_date__isnull=True)
        course_end(actor=contact, course=course, end_date=end, end_reason=reason)
        # The course is over, so is the contact person's part (a history, not something to do today).
        Membership.objects.filter(youth=youth, role=ChainRole.CONTACT_PERSON, end_date__isnull=True).update(
            end_date=end)
    return True


@transaction.atomic
def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    today = timezone.localdate()
    _teams(municipality, staff, orgs)
    procedures = list(Procedure.objects.filter(municipality=municipality).order_by("name"))
    for i in range(HISTORY):
        _one(i, municipality=municipality, staff=staff, procedures=procedures, today=today)
    snapshots_write(quarters=quarters_back(today, KEEP_QUARTERS), municipality=municipality, today=today)
