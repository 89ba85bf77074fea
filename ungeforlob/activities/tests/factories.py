from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.activities.models import Activity, SignUp, SignUpStatus
from ungeforlob.testing import Personas


def make_activity(p: Personas, *, days: float = 3, seats: int = 5, runner: Any = None, title: str = "Klatring",
                  **extra: Any) -> Activity:
    runner = runner or p.contact_person
    return Activity.objects.create(
        municipality=p.municipality, title=title, place="Klatrecentret, Havnegade 4",
        starts_at=timezone.now() + datetime.timedelta(days=days), seats=seats, organisation=p.organisation,
        runner=runner, created_by=runner, **extra)


def sign_up(activity: Activity, youth: Any, *, status: str = SignUpStatus.SIGNED_UP, show: bool = False,
            attended: bool | None = None) -> SignUp:
    return SignUp.objects.create(activity=activity, youth=youth, status=status, show_first_name=show,
                                 signed_up_at=timezone.now(), attended=attended)
