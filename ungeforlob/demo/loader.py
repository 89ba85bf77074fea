"""Demo Kommune: organisations, staff and 40 young people with varied, non-linear histories.

Idempotent: running it again finds what exists (by username, organisation name and CPR hash) and adds
nothing twice. Each capability adds its own demo data in its own `demo.py`, listed in DEMO_LOADERS below
(`load(*, municipality, staff, orgs)`, idempotent too). The list lives here, not on the apps' AppConfigs,
because its order matters (offers before the plans that link to them, ...) and reads best in one place.

This app, not `core`, holds the demo: it is the one place that may import every domain app.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from ungeforlob.accounts.models import Municipality, Organisation, Role, Sector, User
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, CourseEndReason, Guardian, GuardianRelation, Youth

DEMO_PASSWORD = "ungeforlob-demo"

ORGANISATIONS = [
    ("Ungeindsatsen (UU)", Sector.UU_KUI),
    ("Jobcenter Ung", Sector.JOBCENTER),
    ("Socialforvaltningen, Ungeteamet", Sector.SOCIAL),
    ("FGU Demo", Sector.FGU),
    ("Demo Handelsskole", Sector.EUD),
    ("10. klasse-centret", Sector.TIENDE_KLASSE),
    ("Børne- og Ungdomspsykiatrien", Sector.HEALTH),
    ("Foreningen Gadeplan", Sector.CIVIL),
]

# username, first, last, organisation, profession, role
STAFF = [
    ("kontaktperson", "Mette", "Kjær", "Ungeindsatsen (UU)", "Kontaktperson+", Role.PROFESSIONAL),
    ("kollega", "Jonas", "Friis", "Jobcenter Ung", "Jobkonsulent", Role.PROFESSIONAL),
    ("udenfor", "Sara", "Holm", "FGU Demo", "Vejleder", Role.PROFESSIONAL),
    ("leder", "Lene", "Bach", "Ungeindsatsen (UU)", "Leder", Role.LEADER),
    ("admin", "Anders", "Systemsen", "Ungeindsatsen (UU)", "Systemadministrator", Role.ADMINISTRATOR),
    ("kasper", "Kasper", "Vinther", "Ungeindsatsen (UU)", "Kontaktperson+", Role.PROFESSIONAL),
    ("ahmad", "Ahmad", "Rahimi", "Foreningen Gadeplan", "Mentor", Role.PROFESSIONAL),
    ("camilla", "Camilla", "Dahl", "Børne- og Ungdomspsykiatrien", "Psykolog", Role.PROFESSIONAL),
    ("peter", "Peter", "Lund", "Demo Handelsskole", "Studievejleder", Role.PROFESSIONAL),
    ("hanne", "Hanne", "Mortensen", "Socialforvaltningen, Ungeteamet", "Socialrådgiver", Role.PROFESSIONAL),
    ("birgitte", "Birgitte", "Skov", "10. klasse-centret", "Lærer", Role.PROFESSIONAL),
]

FIRST_NAMES = [
    "Emil", "Noah", "Oliver", "William", "Lucas", "Victor", "Malthe", "Oscar", "Frederik", "Mikkel",
    "Mohammed", "Ali", "Jakob", "Tobias", "Magnus", "Sebastian", "Mathias", "Rasmus", "Alexander", "Nikolaj",
    "Emma", "Ida", "Clara", "Freja", "Sofie", "Laura", "Anna", "Josefine", "Maja", "Sara",
    "Amalie", "Mathilde", "Cecilie", "Nanna", "Fatima", "Yasmin", "Julie", "Caroline", "Signe", "Line",
]
LAST_NAMES = [
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
    "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
    "Møller", "Mortensen", "Karimi", "Hussein", "Østergaard", "Holm", "Bak", "Lauridsen", "Kjeldsen", "Dam",
]


def _fake_cpr(rng: random.Random, born: datetime.date, female: bool) -> str:
    # Well-formed but fake: a valid date, then a serial number whose last digit carries the sex.
    serial = rng.randint(100, 999)
    last = rng.choice([0, 2, 4, 6, 8]) if female else rng.choice([1, 3, 5, 7, 9])
    century_digit = 0 if born.year < 2000 else 4
    return f"{born:%d%m%y}{century_digit}{serial % 100:02d}{last}"


def _user(username: str, first: str, last: str, org: Organisation, profession: str, role: str,
          municipality: Municipality) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "organisation": org, "profession": profession,
                  "role": role, "municipality": municipality, "email": f"{username}@demo.kommune.dk"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


# In the order they run: a loader may rely on what the ones above it made.
DEMO_LOADERS: list[str] = [
    "ungeforlob.offers.demo.load",
    "ungeforlob.transitions.demo.load",
    "ungeforlob.progression.demo.load",
    "ungeforlob.plans.demo.load",
    "ungeforlob.chain.demo.load",
    "ungeforlob.offers.demo.link_activities",
    "ungeforlob.messaging.demo.load",
    "ungeforlob.insights.demo.load",  # before the leader slices that read its snapshot
    "ungeforlob.meetings.demo.load",
    "ungeforlob.voice.demo.load",
    "ungeforlob.reflection.demo.load",
    "ungeforlob.targets.demo.load",
    "ungeforlob.vocabulary.demo.load",
    "ungeforlob.portal.demo.load",  # professionals young people can choose as contact person
    "ungeforlob.youthcouncil.demo.load",
    "ungeforlob.openinfo.demo.load",
    "ungeforlob.activities.demo.load",
    "ungeforlob.education.demo.load",  # after transitions: a station points to a demo place
    "ungeforlob.serviceplatform.demo.load",  # the local CPR register knows the demo's young people
    "ungeforlob.offers.demo_factbox.load",  # after insights: the fact box's young people are its history
    "ungeforlob.integrations.demo.load",  # the demo school system's API client (token in the README)
    "ungeforlob.logreview.demo.load",  # last: the officer's sample is drawn from the log the others wrote
]


@transaction.atomic
def load_demo() -> dict[str, Any]:
    municipality, _ = Municipality.objects.get_or_create(code="demo", defaults={"name": "Demo Kommune"})
    orgs = {}
    for name, sector in ORGANISATIONS:
        orgs[name], _ = Organisation.objects.get_or_create(
            municipality=municipality, name=name, defaults={"sector": sector}
        )
    staff = {
        u: _user(u, f, last, orgs[o], p, r, municipality) for u, f, last, o, p, r in STAFF
    }
    leader = staff["leder"]
    for username in ("kontaktperson", "kasper"):
        if staff[username].leader_id is None:
            staff[username].leader = leader
            staff[username].save(update_fields=["leader"])

    today = timezone.localdate()
    created_youth = 0
    for i in range(40):
        # One generator per young person: the same demo every time, whatever already exists.
        rng = random.Random(2019_000 + i)  # noqa: S311 - demo data, not security
        first = FIRST_NAMES[i]
        last_name = LAST_NAMES[rng.randrange(len(LAST_NAMES))]
        female = i >= 20
        age_days = rng.randint(15 * 365 + 30, 29 * 365 - 30)
        born = today - datetime.timedelta(days=age_days)
        digits = _fake_cpr(rng, born, female)
        mobile = f"+45{rng.choice([2, 3, 4, 5, 6, 7])}{rng.randint(0, 9999999):07d}"
        start_days_ago = rng.randint(20, 700)
        history = rng.random()
        colleague = rng.random() < 0.35
        mentor = rng.random() < 0.25
        digest = cpr.lookup_hash(digits)
        if Youth.objects.filter(municipality=municipality, cpr_hash=digest).exists():
            continue
        created_youth += 1
        contact = staff["kontaktperson"] if i % 2 == 0 or i < 6 else staff["kasper"]
        youth = Youth.objects.create(
            municipality=municipality, first_name=first, last_name=last_name, cpr_encrypted=cpr.encrypt(digits),
            cpr_hash=digest, birth_date=born, mobile=mobile, created_by=contact,
        )
        start = today - datetime.timedelta(days=start_days_ago)
        if history < 0.2:
            # An earlier course that ended, then a new one: progression is not linear.
            first_end = start - datetime.timedelta(days=rng.randint(60, 200))
            first_start = first_end - datetime.timedelta(days=rng.randint(90, 300))
            Course.objects.create(youth=youth, start_date=first_start, end_date=first_end,
                                  end_reason=CourseEndReason.EDUCATION, created_by=contact)
        Course.objects.create(youth=youth, start_date=start, created_by=contact)
        if history > 0.8:
            # The contact person changed once: the earlier one stays in the history.
            switch = start + datetime.timedelta(days=max(1, start_days_ago // 2))
            former = staff["kasper"] if contact == staff["kontaktperson"] else staff["kontaktperson"]
            Membership.objects.create(youth=youth, professional=former, role=ChainRole.CONTACT_PERSON,
                                      start_date=start, end_date=switch, created_by=former)
            Membership.objects.create(youth=youth, professional=contact, role=ChainRole.CONTACT_PERSON,
                                      start_date=switch, created_by=contact)
        else:
            Membership.objects.create(youth=youth, professional=contact, role=ChainRole.CONTACT_PERSON,
                                      start_date=start, created_by=contact)
        if colleague or i in (0, 1, 2):
            Membership.objects.create(youth=youth, professional=staff["kollega"], role=ChainRole.JOB_CONSULTANT,
                                      start_date=start + datetime.timedelta(days=7), created_by=contact)
        if mentor:
            Membership.objects.create(youth=youth, professional=staff["ahmad"], role=ChainRole.MENTOR,
                                      start_date=start + datetime.timedelta(days=14), created_by=contact)
        if i % 7 == 3:
            Membership.objects.create(youth=youth, professional=staff["camilla"], role=ChainRole.PSYCHOLOGIST,
                                      start_date=start, end_date=start + datetime.timedelta(days=10),
                                      created_by=contact)
        if youth.age_on(today) < 18:
            Guardian.objects.create(youth=youth, name=f"{rng.choice(['Karin', 'Helle', 'Susanne', 'Tina'])} {last_name}",
                                    relation=GuardianRelation.MOTHER, phone=f"+4540{rng.randint(0, 999999):06d}",
                                    has_custody=True)
    for path in DEMO_LOADERS:
        loader: Callable[..., Any] = import_string(path)
        loader(municipality=municipality, staff=staff, orgs=orgs)
    return {"municipality": municipality, "staff": staff, "created_youth": created_youth}
