"""Test helpers: the shipped procedures in the personas' municipality, and a transition with its schedule."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.messaging.models import SmsConsent
from ungeforlob.transitions import services
from ungeforlob.transitions.models import Procedure, StationKind, Transition

VEJLE = "Den gode uddannelsesstart"
JOSEFINE = "Den gode uddannelsesstart – med opfølgningsmøde efter en måned"
AFTERCARE = "Eftervend og efterværn"


def procedures(p: Any) -> dict[str, Procedure]:
    services.procedure_defaults_install(actor=p.administrator)
    return {proc.name: proc for proc in Procedure.objects.filter(municipality=p.municipality)}


def consent(youth: Any, by: Any) -> None:
    SmsConsent.objects.update_or_create(youth=youth, defaults={"given_at": timezone.now(), "recorded_by": by})


def transition(p: Any, *, days: int = 10, procedure: str | None = VEJLE, youth: Any = None,
               date: datetime.date | None = None, kind: str = StationKind.EUD_GF1) -> Transition:
    procs = procedures(p)
    return services.transition_create(
        actor=p.contact_person, youth=youth or p.youth, kind=kind, institution="Syddansk Erhvervsskole",
        date=date or timezone.localdate() + datetime.timedelta(days=days),
        procedure=procs[procedure] if procedure else None,
    )
