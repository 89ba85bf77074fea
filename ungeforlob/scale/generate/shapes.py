"""The shape of the scale dataset: fixed names, word lists, the models in write order, small records and
the date helpers the generator shares."""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from ungeforlob.accounts.models import Municipality, Organisation, Sector, Team, User
from ungeforlob.audit.models import AuditEvent
from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    ConcernAction,
    Consent,
    ContactWish,
    Handover,
    Membership,
    PlanStop,
    Referral,
)
from ungeforlob.messaging.models import CheckIn, InboundMessage, OutboundMessage, SmsConsent, WakeUpSeries
from ungeforlob.notifications.models import StaffNotification, YouthNotice
from ungeforlob.plans.models import (
    Activity,
    Evaluation,
    Goal,
    JournalNote,
    PlanChange,
    PlanMeeting,
    PlanShare,
    Profile,
    SubGoal,
)
from ungeforlob.portal.models import LoginCode, ServiceFeedback, Wish
from ungeforlob.progression.levels import Level
from ungeforlob.progression.models import (
    Assessment,
    AssessmentVersion,
    Indicator,
    IndicatorSet,
    ObservedIndicator,
    ProgressionSettings,
    SelfEvaluationAnswer,
    SelfEvaluationGoal,
    SelfEvaluationRound,
    YouthPlacement,
)
from ungeforlob.transitions.models import (
    FollowUp,
    FollowUpKind,
    Procedure,
    ProcedureStep,
    Station,
    Transition,
)
from ungeforlob.youth.models import Course, Guardian, Youth

DEMO_PASSWORD = "ungeforlob-demo"
KNOWN_CONTACT_PERSON = "scale-kp"
KNOWN_LEADER = "scale-leder"
CODE_PREFIX = "scale-"
LARGEST_DEFAULT = 10_000
TZ = ZoneInfo(settings.TIME_ZONE)

# Parents before children: the order rows are written in each flush.
MODELS: list[Any] = [
    Municipality, Organisation, User, Team, Team.members.through, ProgressionSettings, IndicatorSet, Indicator,
    Procedure, ProcedureStep, Youth, Guardian, Course, Consent, Membership, ContactWish, Profile, Goal, SubGoal,
    Activity, Evaluation, PlanMeeting, PlanMeeting.participants.through, PlanChange, JournalNote, PlanShare,
    Assessment, AssessmentVersion, AssessmentVersion.participants.through, ObservedIndicator, YouthPlacement,
    SelfEvaluationRound, SelfEvaluationAnswer, SelfEvaluationGoal, Station, Transition, FollowUp, SmsConsent,
    WakeUpSeries, OutboundMessage, CheckIn, InboundMessage, Concern, Concern.notified.through, ConcernAction,
    PlanStop, Handover, Referral, StaffNotification, YouthNotice, Wish, LoginCode, ServiceFeedback, AuditEvent,
]

FIRST_NAMES = [
    "Emma", "Ida", "Clara", "Freja", "Alma", "Laura", "Sofie", "Josefine", "Anna", "Mathilde", "Ella", "Maja",
    "Karla", "Nora", "Sara", "Amalie", "Signe", "Cecilie", "Line", "Mille", "William", "Noah", "Oscar", "Lucas",
    "Victor", "Malthe", "Emil", "Alfred", "Frederik", "Magnus", "Oliver", "Mikkel", "Mads", "Jonas", "Kasper",
    "Tobias", "Mathias", "Sebastian", "Rasmus", "Ali", "Yusuf", "Sami", "Amira", "Leyla", "Ahmad", "Mustafa",
]
LAST_NAMES = [
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
    "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
    "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen", "Henriksen",
    "Lund", "Holm", "Schmidt", "Eriksen", "Kristiansen", "Nørgaard", "Clausen", "Simonsen", "Svendsen", "Ali",
    "Yilmaz", "Hussein", "Khan",
]
ORGANISATIONS = [
    ("Ungeindsatsen", Sector.UU_KUI), ("Jobcenter Ung", Sector.JOBCENTER), ("Familie og Social", Sector.SOCIAL),
    ("FGU Skolen", Sector.FGU), ("Erhvervsskolen", Sector.EUD), ("Gymnasiet", Sector.GYMNASIUM),
    ("10. klasse-centret", Sector.TIENDE_KLASSE), ("Psykiatri og sundhed", Sector.HEALTH),
    ("Ungdomsklubben", Sector.CIVIL),
]
# Colleagues: profession, organisation index, role in the circle.
COLLEAGUES = [
    ("Jobkonsulent", 1, ChainRole.JOB_CONSULTANT), ("Sagsbehandler", 2, ChainRole.CASEWORKER),
    ("Mentor", 8, ChainRole.MENTOR), ("Lærer", 3, ChainRole.TEACHER),
    ("Studievejleder", 4, ChainRole.SCHOOL_COUNSELLOR), ("Psykolog", 7, ChainRole.PSYCHOLOGIST),
    ("UU-vejleder", 0, ChainRole.UU_COUNSELLOR), ("Socialrådgiver", 2, ChainRole.SOCIAL_WORKER),
    ("Misbrugskonsulent", 7, ChainRole.ADDICTION), ("Lærer", 6, ChainRole.TEACHER),
]
LEVELS = [level.value for level in Level]
GOALS = [
    "Jeg vil i gang med en uddannelse", "Jeg vil have et fritidsjob", "Jeg vil have styr på min hverdag",
    "Jeg vil tage min kørekort", "Jeg vil bo for mig selv", "Jeg vil have en læreplads som tømrer",
    "Jeg vil have det bedre med mig selv", "Jeg vil gennemføre FGU",
]
SUBGOALS = [
    "Stå op kl. 7 tre dage om ugen", "Komme til møderne", "Søge tre praktikpladser", "Besøge to skoler",
    "Lave et CV", "Gå til lægen om søvn", "Møde op på FGU hver dag i en uge", "Åbne e-Boks hver uge",
]
ACTIVITIES = [
    ("Morgenløb med mentor", "tirsdage kl. 8"), ("Brobygning på erhvervsskolen", "uge 12"),
    ("Samtale hos psykolog", "hver anden torsdag"), ("Praktik i Netto", "mandag-fredag"),
    ("Madklub i ungdomsklubben", "onsdage kl. 17"), ("CV-værksted", "fredage kl. 10"),
]
NOTES = [
    "Samtale om hvordan det går i skolen. Den unge fortæller, at det går bedre med at komme op om morgenen.",
    "Telefonsamtale. Aftalt nyt møde i næste uge.", "Møde med mor og den unge om planen for foråret.",
    "Den unge mødte ikke op. Sendt SMS med ny tid.", "Besøg på FGU sammen med den unge. God stemning.",
    "Opfølgning efter praktik: den unge vil gerne fortsætte.",
]
SMS_OUT = [
    "Hej {n}, husk vores møde i morgen kl. 10 på kontoret.", "Hvordan gik det i dag?",
    "Godmorgen {n}! Tid til at stå op.", "Hej {n}, kan du ringe til mig i dag?",
    "Super flot at du kom i dag!", "Vi ses på torsdag kl. 13.",
]
SMS_IN = ["Ok", "Det gik fint", "Jeg kommer", "Kan vi flytte til fredag?", "Tak", "Jeg er syg i dag", "👍"]
AUDIT_OBJECTS = ["youth", "plan", "timeline", "circle", "progression", "conversation", "notes", "transitions"]


@dataclass
class Person:
    id: int
    name: str
    organisation: str
    organisation_id: int
    sector: str
    profession: str
    role_in_circle: str = ChainRole.CONTACT_PERSON


@dataclass
class Muni:
    id: int
    index: int
    size: int
    organisations: list[tuple[int, str, str]] = field(default_factory=list)
    contact_persons: list[Person] = field(default_factory=list)
    colleagues: list[Person] = field(default_factory=list)
    leaders: list[Person] = field(default_factory=list)
    teams: list[int] = field(default_factory=list)
    team_of_kp: dict[int, int] = field(default_factory=dict)
    indicators: dict[str, list[int]] = field(default_factory=dict)
    indicator_set: int = 0
    procedure: int = 0
    steps: list[tuple[int, ProcedureStepInfo]] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ProcedureStepInfo:
    title: str
    kind: str
    offset: int
    working_days: bool
    every: int | None = None
    until: int | None = None
    sms: str = ""


STEPS = [
    ProcedureStepInfo("Ring før start", FollowUpKind.CALL, -5, True),
    ProcedureStepInfo("SMS på første dag", FollowUpKind.SMS, 0, False,
                      sms="Held og lykke på første dag, {fornavn}! Hilsen {kontaktperson}"),
    ProcedureStepInfo("Opkald efter tre dage", FollowUpKind.CALL, 3, False),
    ProcedureStepInfo("Opfølgningsmøde", FollowUpKind.MEETING, 14, False),
    ProcedureStepInfo("Eftervend: opkald", FollowUpKind.CALL, 30, False, every=30, until=150),
]


def municipality_sizes(youth: int, municipalities: int, largest: int = LARGEST_DEFAULT) -> list[int]:
    """Youth per municipality: the first is the largest (an eighth of all, at most `largest`), then a long tail."""
    if municipalities <= 1:
        return [youth]
    first = min(largest, youth - (municipalities - 1), max(math.ceil(youth / municipalities), youth // 8))
    rest = youth - first
    weights = [1 / (i ** 0.8) for i in range(1, municipalities)]
    total = sum(weights)
    sizes = [max(1, int(rest * w / total)) for w in weights]
    cap = first
    sizes = [min(s, cap) for s in sizes]
    i = 0
    while sum(sizes) < rest:  # hand out what rounding left, smallest first
        j = len(sizes) - 1 - (i % len(sizes))
        if sizes[j] < cap:
            sizes[j] += 1
        i += 1
    while sum(sizes) > rest:
        j = sizes.index(max(sizes))
        sizes[j] -= 1
    return [first, *sizes]


def _aware(day: datetime.date, rng: random.Random, lo: int = 8, hi: int = 16) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, rng.randint(lo, hi - 1), rng.randint(0, 59),
                             rng.randint(0, 59), tzinfo=TZ)


def _add_working_days(day: datetime.date, n: int) -> datetime.date:
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        day += datetime.timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    return day
