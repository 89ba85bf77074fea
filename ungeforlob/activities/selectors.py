"""Reads for fællesskaber, each in a fixed number of queries whatever the number of activities or sign-ups."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Now
from django.utils import timezone

from ungeforlob.activities.access import activities_for, activities_for_youth
from ungeforlob.activities.models import ACTIVE_STATUSES, Activity, SignUp, SignUpStatus
from ungeforlob.core.prepared import prepared
from ungeforlob.youth.models import Youth

SORTS = {"tid": ("starts_at", "pk"), "-tid": ("-starts_at", "-pk"), "titel": ("title", "pk")}
LIST_LIMIT = 200


def _counted(qs: QuerySet[Activity]) -> QuerySet[Activity]:
    return qs.annotate(
        signed_count=Count("signups", filter=Q(signups__status=SignUpStatus.SIGNED_UP)),
        waiting_count=Count("signups", filter=Q(signups__status=SignUpStatus.WAITING)),
        attended_count=Count("signups", filter=Q(signups__status=SignUpStatus.SIGNED_UP, signups__attended=True)),
    )


def activity_list(user: Any, *, q: str = "", when: str = "kommende", sort: str = "tid") -> list[Activity]:
    """The municipality's activities with their counts (no young person): one query."""
    now = timezone.now()
    qs = activities_for(user).select_related("organisation", "runner")
    qs = qs.filter(starts_at__gte=now) if when != "tidligere" else qs.filter(starts_at__lt=now)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(place__icontains=q) | Q(organisation__name__icontains=q))
    default = "tid" if when != "tidligere" else "-tid"
    return list(_counted(qs).order_by(*SORTS.get(sort, SORTS[default]))[:LIST_LIMIT])


def activity_counts(activity: Activity) -> dict[str, int]:
    row = _counted(Activity.objects.filter(pk=activity.pk)).values("signed_count", "waiting_count",
                                                                    "attended_count").first() or {}
    return {"signed": row.get("signed_count", 0), "waiting": row.get("waiting_count", 0),
            "attended": row.get("attended_count", 0), "free": max(activity.seats - row.get("signed_count", 0), 0)}


def participants(activity: Activity) -> dict[str, list[SignUp]]:
    """Who is signed up and who waits, for the one who runs it: one query."""
    rows = list(activity.signups.filter(status__in=ACTIVE_STATUSES).select_related("youth__municipality")
                .order_by("signed_up_at", "pk"))
    return {"signed": [s for s in rows if s.status == SignUpStatus.SIGNED_UP],
            "waiting": [s for s in rows if s.status == SignUpStatus.WAITING]}


# --- Min side ----------------------------------------------------------------------------------------------

@dataclass
class YouthActivity:
    activity: Activity
    mine: SignUp | None
    free: int
    names: list[str]  # first names the others chose to show
    others: int  # signed up besides her, named or not


def youth_activities(youth: Youth, *, now: datetime.datetime | None = None) -> list[YouthActivity]:
    """The coming activities of her municipality, her own sign-ups, free seats, and of the others only a count
    and the first names they chose to show: three queries."""
    now = now or timezone.now()
    activities = list(_counted(activities_for_youth(youth).filter(starts_at__gte=now, cancelled_at__isnull=True))
                      .select_related("organisation").order_by("starts_at", "pk")[:50])
    ids = [a.pk for a in activities]
    mine = {s.activity_id: s for s in SignUp.objects.filter(youth=youth, activity_id__in=ids)}
    names: dict[int, list[str]] = {}
    shown = (SignUp.objects.filter(activity_id__in=ids, status=SignUpStatus.SIGNED_UP, show_first_name=True)
             .exclude(youth=youth).order_by("signed_up_at", "pk")
             .values_list("activity_id", "youth__preferred_name", "youth__first_name"))
    for activity_id, preferred, first in shown:
        names.setdefault(activity_id, []).append(preferred or first)
    out = []
    for a in activities:
        own = mine.get(a.pk)
        me = 1 if own is not None and own.status == SignUpStatus.SIGNED_UP else 0
        out.append(YouthActivity(activity=a, mine=own, free=max(a.seats - a.signed_count, 0),
                                 names=names.get(a.pk, []), others=a.signed_count - me))
    return out


# --- The contact person's card ----------------------------------------------------------------------------------

def stability_last() -> int:
    return int(getattr(settings, "ACTIVITIES_STABILITY_LAST", 10))


@prepared(youth_id=int)
def _recorded_signups(*, youth_id: int, n: int) -> QuerySet[SignUp]:
    return (SignUp.objects.filter(youth_id=youth_id, status=SignUpStatus.SIGNED_UP, attended__isnull=False,
                                  activity__cancelled_at__isnull=True)
            .select_related("activity").order_by("-activity__starts_at", "-pk")[:n])


@prepared(youth_id=int)
def _coming_signups(*, youth_id: int) -> QuerySet[SignUp]:
    # From the database's now (not a value of the caller's): the read's values are known before the page asks,
    # so the overview reads it ahead with its other cards' (activities/cards.py).
    return (SignUp.objects.filter(youth_id=youth_id, status__in=ACTIVE_STATUSES, activity__cancelled_at__isnull=True,
                                  activity__starts_at__gte=Now())
            .select_related("activity").order_by("activity__starts_at", "pk")[:5])


def attendance_stability(youth: Youth, *, last: int | None = None) -> dict[str, Any]:
    """"Mødestabilitet": of her last N sign-ups whose attendance was recorded (activities not cancelled), how
    many she attended; plus her coming activities. Two queries."""
    n = last or stability_last()
    recorded = _recorded_signups(youth_id=youth.pk, n=n)
    attended = sum(1 for s in recorded if s.attended)
    coming = _coming_signups(youth_id=youth.pk)
    for signup in [*recorded, *coming]:
        signup.youth = youth
    return {"recorded": recorded, "attended": attended, "total": len(recorded), "last": n,
            "percent": round(100 * attended / len(recorded)) if recorded else None, "coming": coming}
