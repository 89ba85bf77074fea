"""Reads of the catalogue, the matching of offers to a young person, and usage figures.

The catalogue itself is not personal data: `catalogue_for(user)` is every offer of the user's own
municipality. Whatever ties an offer to a young person starts from `policy.visible_youth`.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.core.prepared import Read, prepared
from ungeforlob.offers.models import (
    NeedTag,
    Offer,
    PracticeAssessment,
    PracticeElement,
    PracticeRating,
    ReadinessLevel,
)
from ungeforlob.plans.models import Activity, ActivityStatus, Profile
from ungeforlob.youth.models import Youth

# Activities that occupy a place in an offer right now.
CURRENT_STATUSES = (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS)

SORTS: dict[str, list[str]] = {
    "navn": ["name"],
    "-navn": ["-name"],
    "sektor": ["sector", "name"],
    "-sektor": ["-sector", "name"],
    "alder": ["age_min", "name"],
    "-alder": ["-age_min", "name"],
    "optaget": ["in_use", "name"],
    "-optaget": ["-in_use", "name"],
    "opdateret": ["-updated_at", "name"],
}
STATUS_FILTERS = ("aktive", "alle", "udgaaede")

# Counts under this are shown as "under 3" on leaders' pages: aggregates must not point at a person.
SMALL_NUMBER = 3


def catalogue_for(user: Any) -> QuerySet[Offer]:
    """Every offer in the user's municipality (not personal data: any professional there may read it)."""
    if user is None or not getattr(user, "is_authenticated", False) or user.municipality_id is None:
        return Offer.objects.none()
    return Offer.objects.filter(municipality_id=user.municipality_id)


def in_use_subquery() -> Coalesce:
    """How many different young people have a planned or running activity in the offer."""
    counts = (
        Activity.objects.filter(offer=OuterRef("pk"), status__in=CURRENT_STATUSES)
        .order_by()
        .values("offer")
        .annotate(n=Count("subgoal__goal__youth", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def with_load(qs: QuerySet[Offer]) -> QuerySet[Offer]:
    return qs.annotate(in_use=in_use_subquery())


def is_full(offer: Offer) -> bool:
    """Full when it has a fixed number of places and all are taken (needs the `in_use` annotation)."""
    return offer.is_full


@dataclass
class OfferFilter:
    q: str = ""
    sector: str = ""
    age: int | None = None
    level: str = ""
    need: int | None = None
    status: str = "aktive"
    sort: str = "navn"


def search_offers(user: Any, f: OfferFilter) -> QuerySet[Offer]:
    """The catalogue filtered and sorted, with `in_use`, the provider and need tags in a fixed number of queries."""
    qs = catalogue_for(user)
    if f.status == "aktive":
        qs = qs.filter(is_active=True)
    elif f.status == "udgaaede":
        qs = qs.filter(is_active=False)
    for term in f.q.split()[:6]:
        tag_match = Offer.need_tags.through.objects.filter(offer_id=OuterRef("pk"), needtag__name__icontains=term)
        qs = qs.filter(
            Q(name__icontains=term) | Q(focus__icontains=term) | Q(target_group__icontains=term)
            | Q(description__icontains=term) | Q(context__icontains=term) | Q(provider_name__icontains=term)
            | Q(anchoring__icontains=term) | Q(provider__name__icontains=term) | Exists(tag_match)
        )
    if f.sector:
        qs = qs.filter(sector=f.sector)
    if f.age is not None:
        qs = qs.filter(Q(age_min__isnull=True) | Q(age_min__lte=f.age), Q(age_max__isnull=True) | Q(age_max__gte=f.age))
    if f.level:
        qs = qs.filter(readiness__contains=f.level)
    if f.need is not None:
        qs = qs.filter(Exists(Offer.need_tags.through.objects.filter(offer_id=OuterRef("pk"), needtag_id=f.need)))
    qs = with_load(qs).select_related("provider").prefetch_related("need_tags")
    return qs.order_by(*SORTS.get(f.sort, SORTS["navn"]), "pk")


def need_tags_for(user: Any) -> list[NeedTag]:
    if user is None or getattr(user, "municipality_id", None) is None:
        return []
    return list(NeedTag.objects.filter(municipality_id=user.municipality_id))


def get_offer_for(user: Any, pk: Any) -> Offer | None:
    """The offer if it is in the user's municipality (None otherwise, the same as not existing)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        with_load(catalogue_for(user)).select_related("provider", "municipality").prefetch_related("need_tags")
        .filter(pk=pk).first()
    )


@dataclass
class ElementRating:
    element: str
    label: str
    rating: int
    rating_label: str
    evidence: str


def practice_profile(offer: Offer) -> list[ElementRating]:
    """All eleven elements in Socialstyrelsen's order, 'Ikke vurderet' where nothing is recorded."""
    saved = {a.element: a for a in PracticeAssessment.objects.filter(offer=offer)}
    ratings = dict(PracticeRating.choices)
    out = []
    for element in PracticeElement:
        a = saved.get(element.value)
        rating = a.rating if a else PracticeRating.NOT_ASSESSED
        out.append(ElementRating(element.value, str(element.label), rating, str(ratings[rating]),
                                 a.evidence if a else ""))
    return out


def practice_summary(profile: list[ElementRating]) -> dict[str, int]:
    return {
        "met": sum(1 for e in profile if e.rating == PracticeRating.MET),
        "partly": sum(1 for e in profile if e.rating == PracticeRating.PARTLY),
        "not_met": sum(1 for e in profile if e.rating == PracticeRating.NOT_MET),
        "assessed": sum(1 for e in profile if e.rating != PracticeRating.NOT_ASSESSED),
    }


def my_youths_using(user: Any, offer: Offer) -> list[Activity]:
    """The activities in this offer of young people the user may see (their own circles only)."""
    return list(
        Activity.objects.filter(offer=offer, subgoal__goal__youth__in=policy.visible_youth(user))
        .select_related("subgoal__goal__youth")
        .order_by("subgoal__goal__youth__first_name", "subgoal__goal__youth__last_name", "pk")
    )


# ---------------------------------------------------------------------------------------------- matching


def _level_code(value: Any) -> str:
    """Whatever progression returns (a code, a 1–5 order, an assessment object) as a level code."""
    if value is None:
        return ""
    for attr in ("level", "code", "value"):
        inner = getattr(value, attr, None)
        if inner is not None and not callable(inner):
            return _level_code(inner)
    codes = [lv.value for lv in ReadinessLevel]
    if isinstance(value, int) and 1 <= value <= len(codes):
        return codes[value - 1]
    text = str(value).strip().lower()
    return text if text in codes else ""


def _current_level_source() -> Callable[[Youth], Any] | None:
    try:
        module = importlib.import_module("ungeforlob.progression.selectors")
    except ModuleNotFoundError:
        return None
    return getattr(module, "current_level_for", None)


def current_levels(youth: Youth) -> list[str]:
    """The youth's current taxonomy level from the progression app, plus the level it overlaps with (a youth
    can straddle two levels). Empty when not assessed or when progression is not installed."""
    source = _current_level_source()
    if source is None:
        return []
    current = source(youth)
    levels = [_level_code(current), _level_code(getattr(current, "overlap_level", None))]
    return [lv for i, lv in enumerate(levels) if lv and lv not in levels[:i]]


@dataclass
class Suggestion:
    offer: Offer
    reasons: list[str] = field(default_factory=list)
    score: int = 0
    full: bool = False


@prepared(youth_id=int)
def _profile_needs(*, youth_id: int) -> QuerySet[Profile]:
    return Profile.objects.filter(youth_id=youth_id).order_by("pk").values_list("needs", "challenges")[:1]


def _profile_text(youth: Youth) -> str:
    rows = _profile_needs(youth_id=youth.pk)
    return " ".join(rows[0]).lower() if rows else ""


@prepared(municipality_id=int, age=int)
def _fitting_offers(*, municipality_id: int, age: int) -> QuerySet[Offer]:
    """Active offers of the municipality whose stated age range does not exclude her (her readiness levels are
    checked on the rows, `_suits`: so the read's values are known before her level is, and the overview card
    reads it ahead with the others')."""
    qs = with_load(Offer.objects.filter(municipality_id=municipality_id, is_active=True))
    qs = qs.filter(Q(age_min__isnull=True) | Q(age_min__lte=age), Q(age_max__isnull=True) | Q(age_max__gte=age))
    return qs.select_related("provider").prefetch_related("need_tags")


def _suits(offer: Offer, levels: list[str]) -> bool:
    """Whether the offer's stated readiness levels (none: every level) include one of hers (she has none: all do)."""
    return not levels or not offer.readiness or any(lv in offer.readiness for lv in levels)


def fitting_offers_read(youth: Youth, *, today: datetime.date) -> Read:
    """The read `suggestions_for` makes, to be run ahead (`core.prepared.ahead`)."""
    return _fitting_offers.read(municipality_id=youth.municipality_id, age=youth.age_on(today))


def suggestions_for(youth: Youth, *, limit: int = 8, today: datetime.date | None = None) -> dict[str, Any]:
    """Active offers that fit the youth's age, current readiness level and profile needs, each with its reasons.

    An offer with a stated age range or readiness levels that exclude the youth is left out. Offers are
    ranked by matched needs, then a stated fit on level and age. An offer that fits nothing specific (no age
    range, no levels, no matching need) is not suggested.
    """
    today = today or timezone.localdate()
    age = youth.age_on(today)
    levels = current_levels(youth)
    profile_text = _profile_text(youth)
    qs = [offer for offer in _fitting_offers(municipality_id=youth.municipality_id, age=age) if _suits(offer, levels)]
    labels = dict(ReadinessLevel.choices)
    level = levels[0] if levels else ""
    level_label = " / ".join(str(labels[lv]) for lv in levels)
    out: list[Suggestion] = []
    for offer in qs:
        s = Suggestion(offer=offer, full=is_full(offer))
        needs = [t.name for t in offer.need_tags.all() if t.name.lower() in profile_text]
        if needs:
            s.score += 10 * len(needs)
            s.reasons.append(_("Svarer på behov i profilen: %(needs)s") % {"needs": ", ".join(needs)})
        fitting = [lv for lv in levels if lv in offer.readiness.split()]
        if fitting:
            s.score += 5
            s.reasons.append(_("Passer til %(level)s, som er den unges nuværende niveau")
                             % {"level": str(labels[fitting[0]])})
        if offer.age_min is not None or offer.age_max is not None:
            s.score += 2
            s.reasons.append(_("Alderen passer: %(age)d år (målgruppe %(range)s)")
                             % {"age": age, "range": offer.age_range_display})
        if s.score == 0:
            continue
        if s.full:
            s.score -= 1
        out.append(s)
    out.sort(key=lambda s: (-s.score, s.offer.name.lower(), s.offer.pk))
    return {"suggestions": out[:limit], "level": level, "level_label": level_label, "age": age,
            "has_profile_needs": bool(profile_text.strip())}


def access_activity(user: Any, youth: Youth, pk: Any) -> Activity:
    """One of *this* youth's activities, for linking to an offer (the caller reached the youth for editing).

    The id comes from a form or a URL, so it is resolved through the young person it belongs to: an activity
    of another young person is answered exactly like one that does not exist (Http404).
    """
    return policy.access(
        Activity.objects.select_related("subgoal__goal", "offer"), user=user, youth=youth, pk=pk,
        action=policy.Action.EDIT, youth_field="subgoal__goal__youth",
    )


def activities_for_linking(youth: Youth) -> list[Activity]:
    """The youth's activities that are not finished, with their offer (for the link form and the list)."""
    return list(
        Activity.objects.filter(subgoal__goal__youth=youth)
        .select_related("offer", "subgoal")
        .order_by("status", "start_date", "pk")
    )


def linked_activities(youth: Youth) -> list[Activity]:
    return _linked_activities(youth_id=youth.pk)


@prepared(youth_id=int)
def _linked_activities(*, youth_id: int) -> QuerySet[Activity]:
    return with_activity_offer_load(
        Activity.objects.filter(subgoal__goal__youth_id=youth_id, offer__isnull=False)
    ).select_related("offer", "subgoal").order_by("-created_at", "-pk")


def with_activity_offer_load(qs: QuerySet[Activity]) -> QuerySet[Activity]:
    counts = (
        Activity.objects.filter(offer=OuterRef("offer"), status__in=CURRENT_STATUSES)
        .order_by().values("offer").annotate(n=Count("subgoal__goal__youth", distinct=True)).values("n")
    )
    return qs.annotate(offer_in_use=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0)))


# ------------------------------------------------------------------------------------------------ usage


def masked(n: int) -> str:
    """A count for a leader's page: exact from SMALL_NUMBER up, otherwise 'under 3' (never pointing at a person)."""
    if n == 0:
        return "0"
    return str(n) if n >= SMALL_NUMBER else _("under %(n)d") % {"n": SMALL_NUMBER}


@dataclass
class UsageRow:
    offer: Offer
    youths_total: int
    youths_current: int
    activities_done: int
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def total_shown(self) -> str:
        return masked(self.youths_total)

    @property
    def current_shown(self) -> str:
        return masked(self.youths_current)

    @property
    def done_shown(self) -> str:
        return masked(self.activities_done)

    @property
    def outcome_list(self) -> list[tuple[str, str]]:
        return [(label, masked(n)) for label, n in sorted(self.outcomes.items(), key=lambda kv: (-kv[1], kv[0]))]


def usage_for(user: Any) -> dict[str, Any]:
    """Per offer: how many young people used it (ever and now), completed activities, and the station each
    youth started next (from the transitions app, when installed).

    Aggregates only — no names or ids of young people leave this function, and the template shows small
    counts masked. A fixed number of queries whatever the data size.
    """
    youth_count = (
        Activity.objects.filter(offer=OuterRef("pk")).order_by().values("offer")
        .annotate(n=Count("subgoal__goal__youth", distinct=True)).values("n")
    )
    done_count = (
        Activity.objects.filter(offer=OuterRef("pk"), status=ActivityStatus.DONE).order_by().values("offer")
        .annotate(n=Count("pk")).values("n")
    )
    qs = (
        with_load(catalogue_for(user))
        .annotate(
            youths_total=Coalesce(Subquery(youth_count, output_field=IntegerField()), Value(0)),
            activities_done=Coalesce(Subquery(done_count, output_field=IntegerField()), Value(0)),
        )
        .filter(youths_total__gt=0)
        .order_by("-youths_total", "name", "pk")
    )
    station_model = _station_model()
    outcomes = _outcomes(user, station_model) if station_model is not None else {}
    rows = [
        UsageRow(offer=o, youths_total=o.youths_total, youths_current=o.in_use, activities_done=o.activities_done,
                 outcomes=outcomes.get(o.pk, {}))
        for o in qs
    ]
    unused = catalogue_for(user).filter(is_active=True).exclude(
        Exists(Activity.objects.filter(offer=OuterRef("pk")))
    ).count()
    return {"rows": rows, "unused_active": unused, "has_outcomes": station_model is not None,
            "small_number": SMALL_NUMBER}


def _station_model() -> Any:
    from django.apps import apps

    try:
        return apps.get_model("transitions", "Station")
    except LookupError:
        return None


def _outcomes(user: Any, station_model: Any) -> dict[int, dict[str, int]]:
    """For each offer: how many of its young people started which station after they first used the offer."""
    first_use: dict[tuple[int, int], datetime.date] = {}
    uses = Activity.objects.filter(offer__municipality_id=user.municipality_id).values_list(
        "offer_id", "subgoal__goal__youth_id", "start_date", "created_at")
    for offer_id, youth_id, start, created in uses:
        day = start or timezone.localdate(created)
        key = (offer_id, youth_id)
        if key not in first_use or day < first_use[key]:
            first_use[key] = day
    youth_ids = {youth_id for _offer, youth_id in first_use}
    stations: dict[int, list[tuple[datetime.date, str]]] = {}
    kind_field = station_model._meta.get_field("kind")
    labels = dict(kind_field.choices or [])
    # A cancelled transition's station never happened (transitions.selectors.live_stations says the same).
    live = station_model.objects.filter(youth_id__in=youth_ids).exclude(transition__cancelled_at__isnull=False)
    for youth_id, kind, start in live.order_by("start_date", "pk").values_list("youth_id", "kind", "start_date"):
        stations.setdefault(youth_id, []).append((start, str(labels.get(kind, kind))))
    out: dict[int, dict[str, int]] = {}
    for (offer_id, youth_id), day in first_use.items():
        after = next((label for start, label in stations.get(youth_id, []) if start >= day), None)
        if after is not None:
            counts = out.setdefault(offer_id, {})
            counts[after] = counts.get(after, 0) + 1
    return out
