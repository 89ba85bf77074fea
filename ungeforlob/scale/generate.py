"""A realistic synthetic installation of a given size, for measuring pages at national scale (issue 14).

`build(youth=80_000, municipalities=98)` is Denmark: the largest municipality 10,000 young people, the others
smaller in a long tail. Each municipality gets organisations in every sector, contact persons with 12–25 young
people each (grouped in teams), colleagues from other sectors, leaders and an administrator, an indicator set
and a follow-up procedure. Each young person gets what years of work leave behind: courses, a circle with
history (earlier contact persons, colleagues on a consent or a legal basis, a team), Min plan (profile, goals,
sub-goals, activities, evaluations, meetings, changes, notes), team assessments every third month (some
corrected), self-evaluations, stations with transitions and their follow-ups, SMS both ways, concerns, plan
stops, handovers, notices, wishes and login codes — and the audit rows all that reading and writing produces.

Rows are written with the writer (COPY on PostgreSQL), never through the services (far too slow at 25
million rows), but they are the rows the services write: every constraint holds, CPR numbers are encrypted
and hashed with the youth app's own helpers. The same seed and size give the same dataset (ids depend on what
the database held before; ciphertexts differ because Fernet draws a fresh IV). Dates are relative to the day
of the build, so *I dag* always has overdue and upcoming follow-ups.
"""

# ruff: noqa: S311, S608 - seeded synthetic data (not secrets); SQL names come from model metadata, values are bound

from __future__ import annotations

import datetime
import math
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from ungeforlob.accounts.models import Municipality, Organisation, Role, Sector, Team, User
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    ConcernAction,
    ConcernCategory,
    Consent,
    ContactWish,
    Handover,
    HandoverStatus,
    LegalBasis,
    Membership,
    PlanStop,
    Referral,
    Severity,
)
from ungeforlob.messaging.models import (
    CheckIn,
    CheckInStatus,
    InboundMessage,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
)
from ungeforlob.notifications.models import StaffNotification, YouthNotice
from ungeforlob.plans.models import (
    Activity,
    ActivityStatus,
    Evaluation,
    Goal,
    HiddenReason,
    JournalNote,
    PlanChange,
    PlanMeeting,
    PlanShare,
    Profile,
    Responsible,
    SubGoal,
    SubGoalStatus,
    WrittenBy,
)
from ungeforlob.portal.models import LoginCode, ServiceFeedback, Wish, WishKind, WishStatus
from ungeforlob.progression.levels import Level
from ungeforlob.progression.models import (
    Assessment,
    AssessmentVersion,
    Indicator,
    IndicatorSet,
    IndicatorSource,
    ObservedIndicator,
    ProgressionSettings,
    RoundStatus,
    SelfEvaluationAnswer,
    SelfEvaluationGoal,
    SelfEvaluationRound,
    YouthPlacement,
)
from ungeforlob.progression.questionnaire import QUESTIONNAIRE_VERSION, STATEMENTS, Dimension
from ungeforlob.scale.models import ScaleDataset
from ungeforlob.scale.writer import Writer
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
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, CourseEndReason, Guardian, Youth

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


class Generator:
    def __init__(self, *, youth: int, municipalities: int, seed: int, largest: int = LARGEST_DEFAULT,
                 log: Callable[[str], None] = lambda s: None) -> None:
        self.total = youth
        self.municipalities = municipalities
        self.seed = seed
        self.largest = largest
        self.log = log
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.w = Writer(MODELS, now=self.now)
        # Fixed salts: the same password hash on every build (the known users log in with DEMO_PASSWORD).
        self.demo_hash = make_password(DEMO_PASSWORD, salt="scalebenchmarksalt")
        self.unusable = "!scale-no-login"

    # --- staff and municipality ---------------------------------------------------------------------------

    def user(self, m: Muni, username: str, first: str, last: str, org: tuple[int, str, str], profession: str,
             role: str = Role.PROFESSIONAL, leader: int | None = None, password: str | None = None) -> Person:
        joined = _aware(self.today - datetime.timedelta(days=1500), random.Random(username))
        pk = self.w.add(
            User, username=username, password=password or self.unusable, first_name=first, last_name=last,
            email=f"{username}@example.dk", is_staff=False, is_active=True, is_superuser=False,
            date_joined=joined, last_login=None, municipality_id=m.id, organisation_id=org[0],
            profession=profession, role=role, phone="", leader_id=leader,
        )
        return Person(pk, f"{first} {last}", org[1], org[0], org[2], profession)

    def municipality(self, index: int, size: int) -> Muni:
        rng = random.Random(f"{self.seed}:m:{index}")
        code = f"{CODE_PREFIX}{index:03d}"
        mid = self.w.add(Municipality, name=f"Skalakommune {index:03d}", code=code,
                         show_staff_names_to_youth=index % 3 == 0, created_at=self.now)
        m = Muni(mid, index, size)
        for name, sector in ORGANISATIONS:
            oid = self.w.add(Organisation, municipality_id=mid, name=name, sector=sector, is_active=True,
                             created_at=self.now, updated_at=self.now)
            m.organisations.append((oid, name, sector))
        uu = m.organisations[0]
        # Contact persons: 12–25 young people each (the known one has 18).
        groups: list[int] = []
        left = size
        while left > 0:
            n = 18 if (index == 1 and not groups) else rng.randint(12, 25)
            groups.append(min(n, left))
            left -= n
        m.groups = groups
        n_leaders = max(1, len(groups) // 10)
        for i in range(n_leaders):
            known = index == 1 and i == 0
            m.leaders.append(self.user(
                m, KNOWN_LEADER if known else f"{code}-leder-{i + 1:03d}", rng.choice(FIRST_NAMES),
                rng.choice(LAST_NAMES), uu, "Leder", Role.LEADER, password=self.demo_hash if known else None))
        for i, _n in enumerate(groups):
            known = index == 1 and i == 0
            kp = self.user(m, KNOWN_CONTACT_PERSON if known else f"{code}-kp-{i + 1:04d}", rng.choice(FIRST_NAMES),
                           rng.choice(LAST_NAMES), uu, "Kontaktperson+", leader=m.leaders[i % n_leaders].id,
                           password=self.demo_hash if known else None)
            m.contact_persons.append(kp)
        for i in range(max(len(COLLEAGUES), size // 20)):
            profession, org_index, role = COLLEAGUES[i % len(COLLEAGUES)]
            person = self.user(m, f"{code}-fag-{i + 1:04d}", rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES),
                               m.organisations[org_index], profession)
            person.role_in_circle = role
            m.colleagues.append(person)
        self.user(m, f"{code}-admin", "Anne", "Admin", uu, "Administrator", Role.ADMINISTRATOR)
        # Teams of about eight contact persons, with a UU counsellor in each.
        for t in range(math.ceil(len(m.contact_persons) / 8)):
            tid = self.w.add(Team, municipality_id=mid, organisation_id=uu[0], name=f"Ungeteam {t + 1}")
            m.teams.append(tid)
            members = m.contact_persons[t * 8:(t + 1) * 8]
            for kp in members:
                self.w.add(Team.members.through, team_id=tid, user_id=kp.id)
                m.team_of_kp[kp.id] = tid
            counsellors = [c for c in m.colleagues if c.role_in_circle == ChainRole.UU_COUNSELLOR]
            if counsellors:
                self.w.add(Team.members.through, team_id=tid, user_id=counsellors[t % len(counsellors)].id)
        # Progression: settings and an indicator set (five levels, four indicators each).
        self.w.add(ProgressionSettings, municipality_id=mid, reassessment_months=3, first_assessment_days=30,
                   due_soon_days=14, updated_at=self.now, updated_by_id=None)
        m.indicator_set = self.w.add(IndicatorSet, municipality_id=mid, version=1, change_note="",
                                     created_at=self.now, created_by_id=None)
        for li, level in enumerate(LEVELS):
            m.indicators[level] = [
                self.w.add(Indicator, indicator_set_id=m.indicator_set, lineage=uuid.UUID(int=rng.getrandbits(128)),
                           level=level, text=f"Indikator {k + 1} for {level}", source=IndicatorSource.SOURCE,
                           position=li * 4 + k)
                for k in range(4)
            ]
        # The follow-up procedure every transition uses.
        m.procedure = self.w.add(Procedure, municipality_id=mid, name="Den gode uddannelsesstart",
                                 description="Opfølgning før, på og efter startdagen.", is_active=True,
                                 is_default=True, created_at=self.now, updated_at=self.now)
        for pos, step in enumerate(STEPS):
            sid = self.w.add(ProcedureStep, procedure_id=m.procedure, title=step.title, kind=step.kind,
                             offset_days=step.offset, working_days=step.working_days,
                             at_time=datetime.time(9, 0), responsible_role=ChainRole.CONTACT_PERSON,
                             description="", sms_template=step.sms, repeat_every_days=step.every,
                             repeat_until_days=step.until, position=pos)
            m.steps.append((sid, step))
        self.staff_rows(m, rng)
        return m

    def staff_rows(self, m: Muni, rng: random.Random) -> None:
        """Referrals, service feedback, notifications and login audit rows: per municipality and per member."""
        for i in range(max(1, m.size // 40)):
            partner = m.colleagues[i % len(m.colleagues)]
            born = self.today - datetime.timedelta(days=rng.randint(16 * 365, 24 * 365))
            pending = i % 3 != 0
            self.w.add(Referral, municipality_id=m.id, submitted_by_id=partner.id,
                       submitted_at=_aware(self.today - datetime.timedelta(days=rng.randint(0, 60)), rng),
                       organisation_name=partner.organisation, idempotency_key=uuid.UUID(int=rng.getrandbits(128)),
                       first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES), cpr_encrypted="",
                       cpr_hash="", birth_date=born, mobile="", email="", how_to_reach="Via skolen",
                       problem="Har ikke været i skole i en måned.", youth_accepted=True,
                       accepted_asked_by=partner.name, accepted_on=self.today - datetime.timedelta(days=3),
                       status="afventer" if pending else "afvist",
                       decided_at=None if pending else self.now, decided_by_id=None,
                       decline_reason="" if pending else "Allerede kendt af Ungeindsatsen", youth_id=None)
        for _ in range(max(1, m.size // 8)):
            self.w.add(ServiceFeedback, municipality_id=m.id, heard=rng.randint(2, 5), useful=rng.randint(1, 5),
                       comment="", created_at=_aware(self.today - datetime.timedelta(days=rng.randint(0, 365)), rng))
        for person in [*m.contact_persons, *m.colleagues, *m.leaders]:
            for k in range(15):
                day = self.today - datetime.timedelta(days=rng.randint(0, 200))
                self.w.add(StaffNotification, recipient_id=person.id, kind="concern", url="/bekymringer/",
                           text="En bekymring venter på dig", created_at=_aware(day, rng),
                           read_at=None if k < 2 else _aware(day, rng, 16, 20))
            for _ in range(120):  # logins over the last year
                day = self.today - datetime.timedelta(days=rng.randint(0, 365))
                self.audit(m.id, person, AuditAction.LOGIN, None, "user", str(person.id), _aware(day, rng, 7, 10))

    def audit(self, mid: int, actor: Person | None, action: str, youth_id: int | None, object_type: str,
              object_id: str, at: datetime.datetime, detail: dict[str, Any] | None = None) -> None:
        self.w.add(AuditEvent, created_at=at, municipality_id=mid, actor_id=actor.id if actor else None,
                   actor_name=actor.name if actor else "", actor_organisation=actor.organisation if actor else "",
                   actor_role=actor.profession if actor else "", actor_youth_id=None, action=action,
                   youth_id=youth_id, object_type=object_type, object_id=object_id, purpose="",
                   detail=detail or {}, ip_address="10.0.0.1")

    # --- one young person ---------------------------------------------------------------------------------

    def young_person(self, m: Muni, kp: Person, rng: random.Random, cprs: set[str], serial: int) -> None:
        w, today = self.w, self.today
        tenure = int(rng.triangular(0, 1100, 150))
        start = today - datetime.timedelta(days=tenure)
        age = int(rng.triangular(15, 30, 18))
        born = today - datetime.timedelta(days=age * 365 + rng.randint(30, 330))
        while True:
            century = "4" if born.year >= 2000 else str(rng.randint(0, 3))
            digits = f"{born:%d%m%y}{century}{rng.randint(0, 999):03d}"
            if digits not in cprs:
                cprs.add(digits)
                break
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        mobile = "" if rng.random() < 0.05 else f"+45{rng.randint(20, 31)}{serial % 1_000_000:06d}"
        created = _aware(start, rng)
        yid = w.add(Youth, municipality_id=m.id, first_name=first, last_name=last, preferred_name="",
                    cpr_encrypted=cpr.encrypt(digits), cpr_hash=cpr.lookup_hash(digits), birth_date=born,
                    mobile=mobile, email="", language="en" if rng.random() < 0.05 else "da",
                    created_at=created, updated_at=created, created_by_id=kp.id)
        circle: list[Person] = [kp]

        # Courses: the open one, and for some an earlier ended one.
        w.add(Course, youth_id=yid, start_date=start, end_date=None, end_reason="", created_at=created,
              created_by_id=kp.id)
        if rng.random() < 0.15:
            prev_start = start - datetime.timedelta(days=rng.randint(200, 700))
            prev_end = start - datetime.timedelta(days=rng.randint(1, 100))
            w.add(Course, youth_id=yid, start_date=prev_start, end_date=prev_end,
                  end_reason=rng.choice(CourseEndReason.values), created_at=_aware(prev_start, rng),
                  created_by_id=kp.id)
        # Guardians: both parents under 18, sometimes one after.
        for k in range(2 if age < 18 else (1 if rng.random() < 0.15 else 0)):
            w.add(Guardian, youth_id=yid, name=f"{rng.choice(FIRST_NAMES)} {last}", relation=("mor", "far")[k],
                  phone="+4540000000", email="", has_custody=age < 18, created_at=created)

        # The circle: the contact person (sometimes after an earlier one), colleagues, a team.
        kp_from = start
        if tenure > 90 and rng.random() < 0.25 and len(m.contact_persons) > 1:
            earlier = rng.choice([p for p in m.contact_persons if p.id != kp.id])
            kp_from = start + datetime.timedelta(days=rng.randint(30, tenure - 1))
            w.add(Membership, youth_id=yid, professional_id=earlier.id, team_id=None, role=ChainRole.CONTACT_PERSON,
                  start_date=start, end_date=kp_from, note="", created_at=created, created_by_id=earlier.id,
                  consent_id=None, legal_basis="", legal_basis_note="", previous_id=None)
            w.add(Handover, youth_id=yid, sender_id=earlier.id, receiver_id=kp.id, role=ChainRole.CONTACT_PERSON,
                  what_works="Korte møder, gerne en gåtur.", watch_out="", agreements="", plan="",
                  consent_id=None, legal_basis="", status=HandoverStatus.ACCEPTED,
                  created_at=_aware(kp_from, rng), decided_at=_aware(kp_from, rng, 16, 18), decided_by_id=kp.id,
                  decline_reason="", is_reassignment=False)
        w.add(Membership, youth_id=yid, professional_id=kp.id, team_id=None, role=ChainRole.CONTACT_PERSON,
              start_date=kp_from, end_date=None, note="", created_at=_aware(kp_from, rng), created_by_id=kp.id,
              consent_id=None, legal_basis="", legal_basis_note="", previous_id=None)
        for colleague in rng.sample(m.colleagues, rng.choice([0, 1, 1, 2, 2, 3])):
            m_start = start + datetime.timedelta(days=rng.randint(0, tenure))
            m_end = None
            if tenure and rng.random() < 0.2 and m_start < today:
                m_end = m_start + datetime.timedelta(days=rng.randint(1, max(1, (today - m_start).days)))
            consent_id, basis, note = None, "", ""
            if colleague.sector != Sector.UU_KUI:
                if rng.random() < 0.6:
                    withdrawn = rng.random() < 0.05
                    consent_id = w.add(
                        Consent, youth_id=yid, purpose="Samarbejde om den unges plan",
                        receiving_organisation_id=colleague.organisation_id, scope="Plan, mål og aftaler",
                        expires_on=today + datetime.timedelta(days=rng.randint(30, 700)),
                        given_at=_aware(m_start, rng), recorded_by_id=kp.id,
                        withdrawn_at=_aware(today - datetime.timedelta(days=1), rng) if withdrawn else None,
                        withdrawn_by_youth=withdrawn, withdrawn_by_id=None)
                    if withdrawn:
                        m_end = max(m_start + datetime.timedelta(days=1), today - datetime.timedelta(days=1))
                else:
                    basis, note = rng.choice([LegalBasis.KUI, LegalBasis.RETSSIKKERHED_11C]), "Tværfagligt samarbejde"
            w.add(Membership, youth_id=yid, professional_id=colleague.id, team_id=None, role=colleague.role_in_circle,
                  start_date=m_start, end_date=m_end, note="", created_at=_aware(m_start, rng), created_by_id=kp.id,
                  consent_id=consent_id, legal_basis=basis, legal_basis_note=note, previous_id=None)
            if m_end is None or m_end > today:
                circle.append(colleague)
        if rng.random() < 0.10 and kp.id in m.team_of_kp:
            w.add(Membership, youth_id=yid, professional_id=None, team_id=m.team_of_kp[kp.id],
                  role=ChainRole.UU_COUNSELLOR, start_date=start, end_date=None, note="", created_at=created,
                  created_by_id=kp.id, consent_id=None, legal_basis="", legal_basis_note="", previous_id=None)
        if rng.random() < 0.10:
            w.add(ContactWish, youth_id=yid, wished_professional_id=kp.id, wish_text="Gerne en jeg kender",
                  recorded_at=created, recorded_by_id=kp.id)

        def when(lo: int = 0) -> datetime.date:
            return start + datetime.timedelta(days=rng.randint(min(lo, tenure), tenure))

        self.plan(yid, kp, rng, when, tenure, start)
        self.progression(m, yid, kp, circle, rng, tenure, start)
        self.path(m, yid, kp, rng, tenure, start, first)
        self.sms(yid, kp, rng, tenure, start, mobile, first)
        self.chain_events(m, yid, kp, circle, rng, tenure, start, age, when)
        # Audit: what all that reading and writing logged (about 0.3 rows a day in the course).
        audit_rows = max(3, int(tenure * rng.uniform(0.2, 0.4)))
        self.audit(m.id, kp, AuditAction.CREATE, yid, "youth", str(yid), created)
        for _ in range(audit_rows):
            actor = kp if rng.random() < 0.7 else rng.choice(circle)
            r = rng.random()
            if r < 0.55:
                action, obj = AuditAction.LIST, "youth"
            elif r < 0.88:
                action, obj = AuditAction.READ, rng.choice(AUDIT_OBJECTS)
            elif r < 0.94:
                action, obj = AuditAction.UPDATE, rng.choice(AUDIT_OBJECTS[1:])
            elif r < 0.98:
                action, obj = AuditAction.CREATE, rng.choice(AUDIT_OBJECTS[1:])
            elif r < 0.99:
                action, obj = AuditAction.SEARCH, "notes"
            elif r < 0.995:
                action, obj = AuditAction.EXPORT, "plan"
            else:
                action, obj = AuditAction.REVEAL, "youth"
            self.audit(m.id, actor, action, yid, obj, str(yid), _aware(when(), rng, 7, 19))

    def plan(self, yid: int, kp: Person, rng: random.Random, when: Callable[..., datetime.date], tenure: int,
             start: datetime.date) -> None:
        w = self.w
        changes: list[tuple[str, int | None, str, str, datetime.date]] = []
        if rng.random() < 0.9:
            day = when()
            pid = w.add(Profile, youth_id=yid, own_story="Jeg er glad for at spille fodbold og være sammen med venner.",
                        own_story_written_by=WrittenBy.YOUTH, professional_description="Stille, men vil gerne.",
                        challenges="Søvn og fravær", potentials="God med hænderne", needs="Struktur",
                        dreams="At blive tømrer", learning_preferences="Praktisk", motivation_practice="Vil se det virke",
                        version=2, updated_at=_aware(day, rng))
            changes.append(("profile", pid, "Ungeprofil", "update", day))
        for position in range(1, rng.choice([1, 2, 2, 3, 3]) + 1):
            day = when()
            gid = w.add(Goal, youth_id=yid, position=position, text=rng.choice(GOALS),
                        written_by=rng.choice(WrittenBy.values), version=1, created_at=_aware(day, rng),
                        updated_at=_aware(day, rng))
            changes.append(("goal", gid, "Mål", "create", day))
            for _ in range(rng.randint(1, 3)):
                sday = when((day - start).days)
                status = rng.choice(SubGoalStatus.values)
                sid = w.add(SubGoal, goal_id=gid, text=rng.choice(SUBGOALS),
                            target_date=sday + datetime.timedelta(days=rng.randint(14, 120)), status=status,
                            success_criterion="Når jeg har gjort det tre gange", version=1,
                            created_at=_aware(sday, rng), updated_at=_aware(sday, rng))
                changes.append(("subgoal", sid, "Delmål", "create", sday))
                for _ in range(rng.randint(0, 3)):
                    title, when_text = rng.choice(ACTIVITIES)
                    aday = when((sday - start).days)
                    aid = w.add(Activity, subgoal_id=sid, offer_id=None, title=title, reason="Giver struktur",
                                responsible=rng.choice(Responsible.values), responsible_name="",
                                start_date=aday, end_date=aday + datetime.timedelta(days=rng.randint(7, 90)),
                                when_text=when_text, place="", status=rng.choice(ActivityStatus.values),
                                methods=["motivation"], version=1, created_at=_aware(aday, rng),
                                updated_at=_aware(aday, rng))
                    changes.append(("activity", aid, title, "create", aday))
                if rng.random() < 0.5:
                    w.add(Evaluation, youth_id=yid, goal_id=None, subgoal_id=sid, went_well="At komme afsted",
                          was_hard="At stå op", next_step="Fortsætte", closeness=rng.randint(1, 5),
                          by_youth=rng.random() < 0.4, author_id=kp.id, author_name=kp.name,
                          created_at=_aware(when((sday - start).days), rng))
            for _ in range(rng.randint(0, 2)):
                w.add(Evaluation, youth_id=yid, goal_id=gid, subgoal_id=None, went_well="Mere overskud", was_hard="",
                      next_step="", closeness=rng.randint(1, 5), by_youth=rng.random() < 0.5, author_id=kp.id,
                      author_name=kp.name, created_at=_aware(when((day - start).days), rng))
        meetings = []
        for _ in range(rng.randint(0, min(4, 1 + tenure // 120))):
            day = when()
            mid = w.add(PlanMeeting, youth_id=yid, held_on=day, other_participants="", youth_present=True,
                        agreed="Vi aftalte næste skridt.", is_open=False, created_by_id=kp.id,
                        created_at=_aware(day, rng))
            w.add(PlanMeeting.participants.through, planmeeting_id=mid, user_id=kp.id)
            meetings.append((mid, day))
        for object_type, object_id, label, action, day in changes:
            for k in range(1 if rng.random() < 0.7 else rng.randint(2, 4)):
                w.add(PlanChange, youth_id=yid, created_at=_aware(day + datetime.timedelta(days=k * 14), rng),
                      actor_id=kp.id, actor_name=kp.name, by_youth=False, object_type=object_type,
                      object_id=object_id, object_label=label, action=action if k == 0 else "update",
                      changes={"Tekst": {"old": "", "new": label}}, reason="",
                      meeting_id=meetings[0][0] if meetings and rng.random() < 0.2 else None)
        for _ in range(max(1, min(40, tenure // 30 + rng.randint(-2, 3)))):
            hidden = rng.random() < 0.08
            day = when()
            w.add(JournalNote, youth_id=yid, text=rng.choice(NOTES), author_id=kp.id, author_name=kp.name,
                  created_at=_aware(day, rng), visible_to_youth=not hidden,
                  hidden_reason=HiddenReason.INTERNAL if hidden else "",
                  hidden_explanation="Arbejdsnotat" if hidden else "", hidden_by_name=kp.name if hidden else "",
                  hidden_at=_aware(day, rng) if hidden else None)
        if rng.random() < 0.05:
            w.add(PlanShare, youth_id=yid, recipient_name="Studievejleder", recipient_organisation="Erhvervsskolen",
                  purpose="Optagelse", parts=["maal"], consent="mundtligt", shared_by_id=kp.id,
                  shared_by_name=kp.name, created_at=_aware(when(), rng))

    def progression(self, m: Muni, yid: int, kp: Person, circle: list[Person], rng: random.Random, tenure: int,
                    start: datetime.date) -> None:
        w = self.w
        level = rng.randint(0, 2)
        day = start + datetime.timedelta(days=30)
        while day <= self.today:
            aid = w.add(Assessment, youth_id=yid, created_at=_aware(day, rng), created_by_id=kp.id,
                        submission_key=uuid.UUID(int=rng.getrandbits(128)))
            corrected = rng.random() < 0.1
            overlap = LEVELS[level + 1] if level < 4 and rng.random() < 0.3 else ""
            for version in (1, 2) if corrected else (1,):
                vid = w.add(AssessmentVersion, assessment_id=aid, version=version,
                            is_current=version == (2 if corrected else 1), assessed_on=day, level=LEVELS[level],
                            overlap_level=overlap, indicator_set_id=m.indicator_set,
                            rationale="Den unge møder stabilt op og tager selv kontakt.",
                            youth_took_part=rng.random() < 0.6, other_participants="",
                            correction_reason="Forkert niveau valgt" if version == 2 else "",
                            created_at=_aware(day, rng), created_by_id=kp.id)
                for indicator in rng.sample(m.indicators[LEVELS[level]], rng.randint(2, 4)):
                    w.add(ObservedIndicator, version_id=vid, indicator_id=indicator, evidence="Set i praksis")
                for person in {p.id: p for p in circle[:2]}.values():
                    w.add(AssessmentVersion.participants.through, assessmentversion_id=vid, user_id=person.id)
            if rng.random() < 0.4:
                w.add(YouthPlacement, youth_id=yid, placed_on=day, level=LEVELS[min(4, level + rng.randint(0, 1))],
                      own_words="Jeg synes det går fremad", assessment_id=aid, by_youth=True, recorded_by_id=None,
                      created_at=_aware(day, rng))
            if level < 4 and rng.random() < 0.4:
                level += 1
            day += datetime.timedelta(days=rng.randint(80, 100))
        if tenure > 20 and rng.random() < 0.35:
            day = start + datetime.timedelta(days=rng.randint(10, tenure))
            rid = w.add(SelfEvaluationRound, youth_id=yid, questionnaire_version=QUESTIONNAIRE_VERSION,
                        status=RoundStatus.KEPT, by_youth=rng.random() < 0.5, started_at=_aware(day, rng),
                        started_by_id=kp.id, finished_at=_aware(day, rng, 16, 18), follow_up_note="",
                        follow_up_at=None, follow_up_by_id=None)
            for statement in STATEMENTS:
                w.add(SelfEvaluationAnswer, round_id=rid, statement=statement.key,
                      value=None if rng.random() < 0.05 else rng.randint(1, 5))
            for dimension in rng.sample(list(Dimension.values), rng.randint(1, 2)):
                w.add(SelfEvaluationGoal, round_id=rid, dimension=dimension, text="Komme til tiden")

    def path(self, m: Muni, yid: int, kp: Person, rng: random.Random, tenure: int, start: datetime.date,
             first_name: str) -> None:
        w, today = self.w, self.today
        kinds = [StationKind.TENTH_GRADE, StationKind.FGU, StationKind.EUD_GF1, StationKind.EUD_GF2,
                 StationKind.APPRENTICESHIP, StationKind.JOB, StationKind.HF_VUC]
        n = 1 + (tenure > 200) + (tenure > 500) + (rng.random() < 0.3)
        day = start - datetime.timedelta(days=rng.randint(30, 300))
        previous: int | None = None
        for i in range(n):
            last = i == n - 1
            if last and rng.random() < 0.15:  # a planned move, still ahead
                begin = today + datetime.timedelta(days=rng.randint(3, 40))
            else:
                begin = day
            end = None if last else min(today, begin + datetime.timedelta(days=rng.randint(60, 300)))
            if end is not None and end < begin:
                end = begin
            sid = w.add(Station, youth_id=yid, kind=kinds[(i + rng.randint(0, 2)) % len(kinds)],
                        institution=rng.choice(["FGU Øst", "Erhvervsskolen", "Netto", "VUC", ""]), start_date=begin,
                        end_date=end, end_reason=rng.choice(StationEndReason.values) if end else "",
                        created_at=_aware(min(begin, today), rng), created_by_id=kp.id)
            if i > 0:
                tid = w.add(Transition, youth_id=yid, to_station_id=sid, from_station_id=previous,
                            ended_from_station=True, procedure_id=m.procedure, token=None, cancelled_at=None,
                            cancelled_by_id=None, cancel_reason="", created_at=_aware(min(begin, today), rng),
                            created_by_id=kp.id)
                for step_id, step in m.steps:
                    offsets = [step.offset] if not step.every else list(range(step.offset, step.until + 1, step.every))
                    for occurrence, offset in enumerate(offsets):
                        planned = (_add_working_days(begin, offset) if step.working_days
                                   else begin + datetime.timedelta(days=offset))
                        due = planned + datetime.timedelta(days=rng.randint(1, 5)) if rng.random() < 0.1 else planned
                        status, done_on = FollowUpStatus.OPEN, None
                        if due < today:
                            r = rng.random()
                            if r < 0.85:
                                status, done_on = FollowUpStatus.DONE, due
                            elif r < 0.90:
                                status, done_on = FollowUpStatus.SKIPPED, due
                        w.add(FollowUp, transition_id=tid, youth_id=yid, step_id=step_id, occurrence=occurrence,
                              title=step.title, kind=step.kind, responsible_role=ChainRole.CONTACT_PERSON,
                              description="", offset_days=offset, working_days=step.working_days,
                              planned_date=planned, due_date=due, due_time=datetime.time(9, 0),
                              sms_body=step.sms.format(fornavn=first_name, kontaktperson=kp.name) if step.sms else "",
                              message_id=None, status=status, done_on=done_on,
                              done_at=_aware(done_on, rng) if done_on else None,
                              done_by_id=kp.id if done_on else None, note="",
                              created_at=_aware(min(begin, today), rng))
            previous = sid
            day = (end or today) + datetime.timedelta(days=rng.randint(0, 20))
            if day > today:
                day = today

    def sms(self, yid: int, kp: Person, rng: random.Random, tenure: int, start: datetime.date, mobile: str,
            first_name: str) -> None:
        w, today = self.w, self.today
        if not mobile or rng.random() < 0.15:
            return
        withdrawn = rng.random() < 0.05
        w.add(SmsConsent, youth_id=yid, given_at=_aware(start, rng), recorded_by_id=kp.id, note="Mundtligt",
              withdrawn_at=_aware(today, rng) if withdrawn else None, withdrawn_via="staff" if withdrawn else "",
              updated_at=_aware(start, rng))
        series = None
        if rng.random() < 0.08:
            series = w.add(WakeUpSeries, youth_id=yid, time_of_day=datetime.time(7, 30), weekdays="0,1,2,3,4",
                           start_date=start, stop_date=None, body="Godmorgen! Tid til at stå op.",
                           created_at=_aware(start, rng), created_by_id=kp.id, stopped_at=None, stopped_reason="",
                           stopped_by_id=None)
        count = max(2, min(120, tenure // 12 + rng.randint(-3, 6)))
        for k in range(count):
            future = k == count - 1 and rng.random() < 0.3
            day = (today + datetime.timedelta(days=rng.randint(1, 5))) if future else (
                start + datetime.timedelta(days=rng.randint(0, tenure)))
            at = _aware(day, rng)
            r = rng.random()
            kind = (MessageKind.WAKEUP if series and r < 0.3 else MessageKind.CONVERSATION if r < 0.55
                    else MessageKind.REMINDER if r < 0.8 else MessageKind.NOTICE if r < 0.9 else MessageKind.CHECKIN)
            status = MessageStatus.QUEUED if future else (MessageStatus.FAILED if rng.random() < 0.03
                                                         else MessageStatus.DELIVERED)
            mid = w.add(OutboundMessage, youth_id=yid, kind=kind, body=rng.choice(SMS_OUT).format(n=first_name),
                        status=status, send_at=at, due_at=at, quiet_shifted=False, attempts=0 if future else 1,
                        idempotency_key=f"scale:{yid}:{k}", claim_token="", lease_until=None, to_number=mobile,
                        gateway="" if future else "http", gateway_message_id="" if future else f"scale-{yid}-{k}",
                        last_error="", status_reason="", sent_at=None if future else at,
                        delivered_at=at if status == MessageStatus.DELIVERED else None,
                        failed_at=at if status == MessageStatus.FAILED else None, cancelled_at=None,
                        failure_acknowledged_at=None, warning_accepted=False, related_type="", related_id="",
                        series_id=series if kind == MessageKind.WAKEUP else None, created_at=at,
                        created_by_id=kp.id)
            checkin = None
            if kind == MessageKind.CHECKIN:
                answered = not future and rng.random() < 0.6
                checkin = w.add(CheckIn, youth_id=yid, question="Hvordan gik det?", message_id=mid,
                                status=CheckInStatus.ANSWERED if answered else CheckInStatus.OPEN,
                                answer="Fint" if answered else "", answered_at=at if answered else None,
                                related_type="", related_id="", created_at=at, created_by_id=kp.id)
            if not future and rng.random() < 0.45:
                reply = at + datetime.timedelta(minutes=rng.randint(1, 300))
                w.add(InboundMessage, youth_id=yid, from_number=mobile, body=rng.choice(SMS_IN), received_at=reply,
                      gateway_message_id=f"scale-in-{yid}-{k}", is_stop=False, shared_number=False,
                      checkin_id=checkin, created_at=reply)
        for k in range(rng.randint(0, 3)):
            day = start + datetime.timedelta(days=rng.randint(0, tenure))
            w.add(LoginCode, youth_id=yid, code_hash=f"{yid:x}{k}".ljust(64, "0"), created_at=_aware(day, rng),
                  expires_at=_aware(day, rng, 17, 18), used_at=_aware(day, rng), invalidated_at=None)

    def chain_events(self, m: Muni, yid: int, kp: Person, circle: list[Person], rng: random.Random, tenure: int,
                     start: datetime.date, age: int, when: Callable[..., datetime.date]) -> None:
        w, today = self.w, self.today
        n_concerns = 0 if rng.random() < 0.7 else rng.randint(1, 2)
        for _ in range(n_concerns):
            day = when()
            raiser = rng.choice(circle)
            ack_due = _add_working_days(day, 2)
            acknowledged = ack_due < today and rng.random() < 0.85 or rng.random() < 0.3
            closed = acknowledged and rng.random() < 0.8
            escalated = not acknowledged and ack_due < today
            cid = w.add(Concern, youth_id=yid, category=rng.choice(ConcernCategory.values),
                        severity=rng.choice(Severity.values), description="Har ikke været i skole i en uge.",
                        raised_at=_aware(day, rng), raised_by_id=raiser.id, ack_due=ack_due,
                        acknowledged_at=_aware(day, rng, 15, 17) if acknowledged else None,
                        acknowledged_by_id=kp.id if acknowledged else None,
                        response_minutes=rng.randint(30, 2000) if acknowledged else None,
                        escalated_at=_aware(ack_due, rng) if escalated else None,
                        escalated_to_id=m.leaders[0].id if escalated else None,
                        outcome="Aftalt møde med skolen" if closed else "",
                        closed_at=_aware(day, rng, 17, 19) if closed else None, closed_by_id=kp.id if closed else None)
            w.add(Concern.notified.through, concern_id=cid, user_id=kp.id)
            if acknowledged:
                w.add(ConcernAction, concern_id=cid, text="Ringet til den unge", created_at=_aware(day, rng, 16, 17),
                      created_by_id=kp.id)
        if age < 18 and rng.random() < 0.08:
            day = when()
            old = day < today - datetime.timedelta(days=30)
            w.add(PlanStop, youth_id=yid, stopped_on=day, note="", recorded_at=_aware(day, rng), recorded_by_id=kp.id,
                  contact_due=_add_working_days(day, 5), offer_due=day + datetime.timedelta(days=30),
                  contacted_on=day + datetime.timedelta(days=2) if old else None,
                  offered_on=day + datetime.timedelta(days=20) if old else None, offer="FGU" if old else "")
        for _ in range(rng.randint(1, 5)):
            day = when()
            w.add(YouthNotice, youth_id=yid, kind="circle", text="En ny person er kommet med i din kæde.",
                  created_at=_aware(day, rng), read_at=_aware(day, rng, 17, 20) if rng.random() < 0.7 else None,
                  related_type="", related_id="")
        if rng.random() < 0.2:
            answered = rng.random() < 0.7
            w.add(Wish, youth_id=yid, kind=rng.choice(WishKind.values), text="Jeg vil gerne i praktik",
                  goal_id=None, subgoal_id=None, status=WishStatus.ACCEPTED if answered else WishStatus.NEW,
                  reply="Ja, det gør vi" if answered else "", handled_by_id=kp.id if answered else None,
                  handled_by_name=kp.name if answered else "",
                  handled_at=_aware(today, rng) if answered else None, created_type="", created_id=None,
                  created_at=_aware(when(), rng))

    # --- the whole build ----------------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        started = time.monotonic()
        sizes = municipality_sizes(self.total, self.municipalities, self.largest)
        done = 0
        for index, size in enumerate(sizes, start=1):
            m = self.municipality(index, size)
            rng = random.Random(f"{self.seed}:y:{index}")
            cprs: set[str] = set()
            # Each contact person's young people, registered over the years in no particular order.
            owners = [kp for kp, n in zip(m.contact_persons, m.groups, strict=True) for _ in range(n)]
            rng.shuffle(owners)
            for i, kp in enumerate(owners):
                self.young_person(m, kp, rng, cprs, serial=done + i)
                self.w.maybe_flush()
            done += size
            self.log(f"municipality {index}/{len(sizes)}: {size} young people ({done}/{self.total}, "
                     f"{time.monotonic() - started:.0f} s)")
        ranges = self.w.finish()
        return {"ranges": ranges, "counts": dict(self.w.counts), "seconds": time.monotonic() - started,
                "largest": sizes[0]}


# --- entry points ---------------------------------------------------------------------------------------------

def current() -> ScaleDataset | None:
    return ScaleDataset.objects.order_by("-pk").first()


def build(*, youth: int, municipalities: int, seed: int, largest: int = LARGEST_DEFAULT,
          log: Callable[[str], None] = lambda s: None) -> tuple[ScaleDataset, bool]:
    """Build the dataset unless the same one is already there. Returns (dataset, built_now)."""
    existing = current()
    if existing is not None:
        if (existing.status == "ready" and existing.seed == seed and existing.youth == youth
                and existing.municipalities == municipalities and existing.largest == min(largest, youth)):
            return existing, False
        log(f"removing the earlier dataset ({existing})")
        reset(log=log)
    if Municipality.objects.filter(code__startswith=CODE_PREFIX).exists() or User.objects.filter(
            username__in=[KNOWN_CONTACT_PERSON, KNOWN_LEADER]).exists():
        raise RuntimeError("scale data without a record of it is in the database; remove it by hand first")
    generator = Generator(youth=youth, municipalities=municipalities, seed=seed, largest=largest, log=log)
    marker = ScaleDataset.objects.create(
        seed=seed, youth=youth, municipalities=municipalities, largest=min(largest, youth),
        built_on=generator.today, status="building",
        id_ranges={spec.table: [generator.w.first_id[model], None] for model, spec in generator.w.specs.items()},
    )
    result = generator.run()
    marker.id_ranges = result["ranges"]
    marker.counts = result["counts"]
    marker.seconds = round(result["seconds"], 1)
    marker.status = "ready"
    marker.save()
    if connection.vendor == "postgresql":
        log("analysing the tables")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return marker, True


def _audit_unlocked_delete(cursor: Any, sql: str, params: list[Any]) -> None:
    """Delete scale audit rows: the append-only triggers are lifted for this one statement, in its transaction."""
    if connection.vendor == "postgresql":
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        return
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditevent'")
    triggers = cursor.fetchall()
    for name, _sql in triggers:
        cursor.execute(f'DROP TRIGGER "{name}"')
    cursor.execute(sql, params)
    for _name, trigger_sql in triggers:
        cursor.execute(trigger_sql)


def reset(*, log: Callable[[str], None] = lambda s: None) -> int:
    """Remove the scale dataset: every id range it wrote, children first, and the audit rows of its people."""
    marker = current()
    if marker is None:
        return 0
    deleted = 0
    tables = [model._meta.db_table for model in MODELS]
    with transaction.atomic(), connection.cursor() as cursor:
        municipality_ids = list(Municipality.objects.filter(code__startswith=CODE_PREFIX).values_list("pk", flat=True))
        if municipality_ids:
            marks = ", ".join(["%s"] * len(municipality_ids))
            # Rows written later in the scale municipalities (the benchmark's own reads) go too.
            _audit_unlocked_delete(
                cursor, f"DELETE FROM audit_auditevent WHERE municipality_id IN ({marks}) OR actor_id IN "
                        f"(SELECT id FROM accounts_user WHERE municipality_id IN ({marks}))",
                municipality_ids + municipality_ids)
            deleted += cursor.rowcount
        for table in reversed(tables):
            first, last = (marker.id_ranges.get(table) or [None, None])
            if first is None:
                continue
            if last is None:  # an unfinished build: everything from its first id
                sql, params = f"DELETE FROM {connection.ops.quote_name(table)} WHERE id >= %s", [first]
            else:
                sql, params = f"DELETE FROM {connection.ops.quote_name(table)} WHERE id BETWEEN %s AND %s", [first, last]
            if table == AuditEvent._meta.db_table:
                _audit_unlocked_delete(cursor, sql, params)
            else:
                cursor.execute(sql, params)
            deleted += max(cursor.rowcount, 0)
        ScaleDataset.objects.all().delete()
    log(f"removed {deleted} rows")
    return deleted
