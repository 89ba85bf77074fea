"""Demo data: the three procedures, and a path with a transition for most demo youths.

Idempotent: a youth who already has a station is left alone; the procedures are made once by name. Dates are
relative to today, so the contact person `kontaktperson` always has follow-ups due today and some overdue,
and the leaders' retention and compliance tables have enough transitions behind them to show shares.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.utils import timezone

from ungeforlob.chain.models import ChainRole
from ungeforlob.core.workdays import add_working_days
from ungeforlob.transitions import services
from ungeforlob.transitions.models import (
    FollowUpKind,
    FollowUpStatus,
    Procedure,
    StationEndReason,
    StationKind,
)
from ungeforlob.youth.models import Youth

VEJLE, JOSEFINE, AFTERCARE = (
    "Den gode uddannelsesstart",
    "Den gode uddannelsesstart – med opfølgningsmøde efter en måned",
    "Eftervend og efterværn",
)
# (days from today to the transition, new station, institution, procedure, how the station went)
PLANS: list[tuple[int | str, str, str, str | None, str]] = [
    (0, StationKind.EUD_GF1, "Demo Handelsskole", VEJLE, ""),                # welcome visit today
    ("pre", StationKind.FGU, "FGU Demo", VEJLE, ""),                          # pre-meeting today
    (-49, StationKind.EUD_GF1, "Syddansk Erhvervsskole", VEJLE, ""),          # 7-week talk today
    (-14, StationKind.JOB, "Netto, Vestergade", AFTERCARE, ""),               # first aftercare call today
    (-30, StationKind.EUD_GF2, "Demo Handelsskole", JOSEFINE, ""),            # one-month meeting today
    (-52, StationKind.EUD_GF1, "Demo Handelsskole", VEJLE, ""),               # 7-week talk 3 days overdue
    (-9, StationKind.HF_VUC, "VUC Demo", VEJLE, ""),                          # day-1 steps long past
    (-35, StationKind.APPRENTICESHIP, "Tømrerfirmaet Holm & Søn", JOSEFINE, ""),
    (12, StationKind.EUD_GF1, "Demo Handelsskole", VEJLE, ""),
    (26, StationKind.STU, "STU Demo", None, ""),
    (-120, StationKind.EUD_GF1, "Demo Handelsskole", VEJLE, ""),
    (-150, StationKind.FGU, "FGU Demo", VEJLE, StationEndReason.DROPPED_OUT),
    (-200, StationKind.EUD_GF2, "Syddansk Erhvervsskole", JOSEFINE, ""),
    (-230, StationKind.JOB, "Lager og Logistik A/S", AFTERCARE, ""),
    (-260, StationKind.EUD_GF1, "Demo Handelsskole", VEJLE, StationEndReason.DROPPED_OUT),
    (-300, StationKind.FGU, "FGU Demo", VEJLE, StationEndReason.COMPLETED),
    (-330, StationKind.UPPER_SECONDARY, "Demo Gymnasium", None, StationEndReason.SWITCHED),
    (-380, StationKind.EUD_GF1, "Syddansk Erhvervsskole", VEJLE, ""),
    (-400, StationKind.JOB, "Byggemarkedet", AFTERCARE, StationEndReason.DROPPED_OUT),
    (-420, StationKind.EUD_GF2, "Demo Handelsskole", JOSEFINE, ""),
    (-100, StationKind.FGU, "FGU Demo", VEJLE, ""),
    (-190, StationKind.EUD_GF1, "Demo Handelsskole", VEJLE, ""),
    (-95, StationKind.JOB, "Café Solsiden", AFTERCARE, ""),
    (-160, StationKind.HF_VUC, "VUC Demo", None, StationEndReason.DROPPED_OUT),
    (-240, StationKind.EUD_GF1, "Syddansk Erhvervsskole", VEJLE, ""),
    (-210, StationKind.FGU, "FGU Demo", JOSEFINE, StationEndReason.COMPLETED),
    (-280, StationKind.EUD_GF1, "Demo Handelsskole", VEJLE, ""),
    (-130, StationKind.APPRENTICESHIP, "Auto-Centret", AFTERCARE, ""),
]
NOTES = [
    "Godt møde. Den unge var forberedt og glad.",
    "Kort snak – alt går fint.",
    "Den unge er lidt presset af fremmødet; aftalte ny snak om en uge.",
    "Talte med studievejlederen om SPS-støtte.",
    "",
]
EARLIER = [StationKind.NINTH_GRADE, StationKind.TENTH_GRADE, StationKind.FGU]


def _history(followups: list[Any], *, rng: random.Random, contact: Any, today: datetime.date,
             overdue: bool) -> None:
    """Make the schedule look lived: past steps done (a few late or skipped); keep one overdue if asked."""
    past = [f for f in followups if f.due_date < today and f.status in (FollowUpStatus.OPEN,
                                                                          FollowUpStatus.CANCELLED)]
    people = [f for f in past if f.kind != FollowUpKind.SMS]
    keep_open = people[-1] if overdue and people else None
    for f in past:
        if f is keep_open:
            continue
        roll = rng.random()
        f.status = FollowUpStatus.SKIPPED if roll < 0.07 else FollowUpStatus.DONE
        late = roll > 0.85 and f.kind != FollowUpKind.SMS
        f.done_on = f.due_date + datetime.timedelta(days=rng.randint(1, 6) if late else 0)
        f.done_on = min(f.done_on, today)
        f.done_at = timezone.make_aware(datetime.datetime.combine(f.done_on, f.due_time))
        f.done_by = None if f.kind == FollowUpKind.SMS else contact
        if f.kind == FollowUpKind.SMS:
            f.note = "Sendt."
        elif f.status == FollowUpStatus.SKIPPED:
            f.note = "Den unge var syg; vi tog snakken i telefonen i stedet."
        else:
            f.note = rng.choice(NOTES)
        f.save(update_fields=["status", "done_on", "done_at", "done_by", "note"])


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    services.procedure_defaults_install(actor=staff["admin"], municipality=municipality)
    procedures = {p.name: p for p in Procedure.objects.filter(municipality=municipality)}
    today = timezone.localdate()
    youths = list(Youth.objects.filter(municipality=municipality).order_by("pk"))
    # Mette (kontaktperson) gets the first plans, which put follow-ups on her day.
    youths.sort(key=lambda y: (not y.memberships.filter(professional=staff["kontaktperson"],
                                                        role=ChainRole.CONTACT_PERSON).exists(), y.pk))
    for youth, (offset, kind, institution, procedure_name, ending) in zip(youths, PLANS, strict=False):
        if youth.stations.exists():
            continue
        rng = random.Random(f"transitions-{youth.pk}")  # noqa: S311 - demo data, not secrets
        membership = youth.memberships.open().filter(role=ChainRole.CONTACT_PERSON).first()
        contact = membership.professional if membership and membership.professional else staff["kontaktperson"]
        date = add_working_days(today, 5) if offset == "pre" else today + datetime.timedelta(days=int(offset))
        earlier_start = date - datetime.timedelta(days=rng.randint(300, 700))
        services.station_create(actor=contact, youth=youth, kind=rng.choice(EARLIER), start_date=earlier_start,
                                institution=rng.choice(["Demo Skole", "10. klasse-centret", "FGU Demo"]))
        transition = services.transition_create(
            actor=contact, youth=youth, kind=kind, date=date, institution=institution,
            procedure=procedures.get(procedure_name) if procedure_name else None,
            previous_end_reason=StationEndReason.COMPLETED,
        )
        followups = list(transition.followups.order_by("due_date", "due_time"))
        _history(followups, rng=rng, contact=contact, today=today, overdue=offset in (-52, -9, -35, -120))
        if ending:
            end = min(today, date + datetime.timedelta(days=rng.randint(40, 170)))
            services.station_end(actor=contact, station=transition.to_station, end_date=end, end_reason=ending)
