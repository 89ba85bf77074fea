"""Demo data for fællesskaber, after Energi til Hinanden's shared activities: climbing with a partner
organisation, cooking together and a walk — each with a few of Mette's young people signed up, and two held
climbing sessions with attendance recorded, so the youth overview shows a mødestabilitet.

Idempotent: an activity is looked up by title and municipality before it is made; sign-ups by their pair.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.activities.models import Activity, SignUp, SignUpStatus
from ungeforlob.chain.models import ChainRole
from ungeforlob.youth.models import Youth

ACTIVITIES = [
    # title, place, days from now, hour, seats, organisation, runner, description
    ("Klatring i hallen", "Klatrehallen, Havnegade 4", 4, 17, 8, "Foreningen Gadeplan", "ahmad",
     "Vi prøver væggen sammen. Sko og sele kan lånes. Ingen erfaring nødvendig."),
    ("Vi laver mad sammen", "Køkkenet i Ungehuset", 6, 15, 6, "Ungeindsatsen (UU)", "kontaktperson",
     "Vi handler ind, laver aftensmad og spiser sammen."),
    ("Gåtur ved stranden", "Mødested: P-pladsen ved Strandvejen", 9, 10, 2, "Ungeindsatsen (UU)", "kasper",
     "En rolig gåtur på en times tid. Tag varmt tøj på."),
]
HELD = ("Klatring i hallen – sidste gang", "Klatrehallen, Havnegade 4", "Foreningen Gadeplan", "ahmad")


def _youth(contact: Any) -> list[Youth]:
    return list(Youth.objects.filter(memberships__professional=contact, memberships__role=ChainRole.CONTACT_PERSON,
                                     memberships__end_date__isnull=True).order_by("pk")[:4])


def _activity(municipality: Any, staff: dict[str, Any], orgs: dict[str, Any], title: str, place: str,
              starts_at: datetime.datetime, seats: int, org: str, runner: str, description: str = "") -> Activity:
    activity = Activity.objects.filter(municipality=municipality, title=title).first()
    if activity is None:
        activity = Activity.objects.create(
            municipality=municipality, title=title, place=place, starts_at=starts_at, seats=seats,
            organisation=orgs[org], runner=staff[runner], created_by=staff[runner], description=description)
    return activity


def _sign_up(activity: Activity, youth: Youth, *, show: bool, status: str = SignUpStatus.SIGNED_UP,
             attended: bool | None = None) -> None:
    SignUp.objects.get_or_create(activity=activity, youth=youth, defaults={
        "status": status, "show_first_name": show, "signed_up_at": timezone.now(), "attended": attended})


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    now = timezone.localtime()
    youths = _youth(staff["kontaktperson"])
    made = []
    for title, place, days, hour, seats, org, runner, description in ACTIVITIES:
        starts = (now + datetime.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
        made.append(_activity(municipality, staff, orgs, title, place, starts, seats, org, runner, description))
    climbing, cooking, walk = made
    for i, youth in enumerate(youths[:3]):
        _sign_up(climbing, youth, show=i != 1)
    for youth in youths[1:3]:
        _sign_up(cooking, youth, show=True)
    if len(youths) >= 3:  # the walk is full: the third waits
        _sign_up(walk, youths[0], show=True)
        _sign_up(walk, youths[1], show=False)
        _sign_up(walk, youths[2], show=False, status=SignUpStatus.WAITING)
    for weeks_ago in (1, 2):
        title, place, org, runner = HELD
        starts = (now - datetime.timedelta(weeks=weeks_ago)).replace(hour=17, minute=0, second=0, microsecond=0)
        held = _activity(municipality, staff, orgs, f"{title} ({weeks_ago})", place, starts, 8, org, runner)
        for i, youth in enumerate(youths[:3]):
            _sign_up(held, youth, show=False, attended=not (i == 1 and weeks_ago == 1))
