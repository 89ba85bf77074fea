"""Reads for the chain. Personal data is read only through `ungeforlob.policy`. Every list costs a fixed number of queries, whatever the data size."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.accounts.models import Role, User
from ungeforlob.chain.deadlines import is_overdue, overdue_q
from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    Consent,
    ContactWish,
    Handover,
    HandoverComment,
    HandoverStatus,
    Membership,
    PlanStop,
    Referral,
    ReferralStatus,
)
from ungeforlob.core.prepared import prepared
from ungeforlob.youth.models import Youth


def _is_active(m: Membership, today: datetime.date) -> bool:
    if m.start_date > today or (m.end_date is not None and m.end_date <= today):
        return False
    return m.consent_id is None or (m.consent.withdrawn_at is None and m.consent.expires_on >= today)


def circle_for(youth: Youth) -> dict[str, Any]:
    """Active members, upcoming and past ones, consents, wish, handovers and KUI deadlines: fixed queries."""
    today = timezone.localdate()
    members = list(
        Membership.objects.filter(youth=youth)
        .select_related("professional__organisation", "team__organisation", "consent__receiving_organisation")
        .order_by("start_date", "pk")
    )
    active = [m for m in members if _is_active(m, today)]
    active.sort(key=lambda m: (not m.is_contact_person, m.start_date, m.pk))
    upcoming = [m for m in members if m.start_date > today and (m.end_date is None or m.end_date > m.start_date)]
    history = [m for m in members if m not in active and m not in upcoming]
    history.sort(key=lambda m: (m.end_date or today, m.pk), reverse=True)
    return {
        "active": active,
        "upcoming": upcoming,
        "history": history,
        "contact": next((m for m in active if m.is_contact_person), None),
        "consents": consents_for(youth),
        "wish": ContactWish.objects.filter(youth=youth).select_related("wished_professional").first(),
        "handovers": list(Handover.objects.filter(youth=youth).select_related("sender", "receiver")
                          .order_by("-created_at", "-pk")[:20]),
        "plan_stops": plan_stops_for(youth),
    }


def consents_for(youth: Youth) -> list[Consent]:
    """Every consent the young person has given, newest first, with its state (portal reuses this)."""
    today = timezone.localdate()
    consents = list(Consent.objects.filter(youth=youth).select_related("receiving_organisation", "recorded_by"))
    for c in consents:
        c.is_valid = c.is_valid_on(today)  # type: ignore[attr-defined]
        c.is_expired = c.is_expired_on(today)  # type: ignore[attr-defined]
    return consents


def valid_consents(youth: Youth) -> QuerySet[Consent]:
    return Consent.objects.filter(youth=youth, withdrawn_at__isnull=True,
                                  expires_on__gte=timezone.localdate()).select_related("receiving_organisation")


@prepared(youth_id=int)
def _plan_stops(*, youth_id: int) -> QuerySet[PlanStop]:
    return PlanStop.objects.filter(youth_id=youth_id).select_related("recorded_by")


def plan_stops_for(youth: Youth) -> list[PlanStop]:
    today = timezone.localdate()
    stops = _plan_stops(youth_id=youth.pk)
    for s in stops:
        s.youth = youth
        s.contact_overdue = s.contacted_on is None and s.contact_due < today  # type: ignore[attr-defined]
        s.offer_overdue = s.offered_on is None and s.offer_due < today  # type: ignore[attr-defined]
    return stops


def other_roles_count(membership: Membership) -> int:
    """How many other roles (not contact person) the same professional holds in this circle, not ended."""
    if not membership.professional_id:
        return 0
    return (Membership.objects.filter(youth_id=membership.youth_id, professional_id=membership.professional_id)
            .not_ended().exclude(role=ChainRole.CONTACT_PERSON).exclude(pk=membership.pk).count())


def selectable_professionals(user: Any) -> QuerySet[User]:
    """Pickers: active staff of the user's municipality who can hold a role (no administrators)."""
    return (policy.visible_professionals(user).filter(is_active=True).exclude(role=Role.ADMINISTRATOR)
            .select_related("organisation").order_by("first_name", "last_name", "pk"))


# --- Concerns ---------------------------------------------------------------------------------------------

def visible_concerns(user: Any) -> QuerySet[Concern]:
    """Concerns about the young people the user may see."""
    return Concern.objects.filter(policy.youth_in(user))


CONCERN_SORTS = {
    "frist": ["ack_due", "-raised_at"],
    "-frist": ["-ack_due", "-raised_at"],
    "rejst": ["raised_at"],
    "-rejst": ["-raised_at"],
    "navn": ["youth__first_name", "youth__last_name", "-raised_at"],
}


def access_concern(user: Any, pk: Any) -> Concern:
    """One concern the user may see (Zulip's `access_*_by_id`): Http404 alike for "does not exist" and "not
    yours". The read is logged against the young person (through `policy.get_youth_for`)."""
    try:
        key = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    concern = visible_concerns(user).select_related(
        "youth", "raised_by", "acknowledged_by", "closed_by", "escalated_to").filter(pk=key).first()
    if concern is None:
        raise Http404
    policy.get_youth_for(user, concern.youth_id, what="concern")
    return concern


def notifiable_members(user: Any, youth: Youth) -> QuerySet[User]:
    """Whom a concern may also be sent to: the other active members of the circle (the contact person is
    always told)."""
    members = Membership.objects.active().filter(youth=youth).exclude(role=ChainRole.CONTACT_PERSON)
    return selectable_professionals(user).filter(memberships__in=members).exclude(pk=user.pk).distinct()


def concerns_for(user: Any, *, status: str = "aabne", q: str = "", sort: str = "-rejst",
                 youth: Youth | None = None) -> QuerySet[Concern]:
    """Concerns about the young people in the user's circles; `mine` are those waiting on the user."""
    qs = visible_concerns(user).select_related(
        "youth", "raised_by", "acknowledged_by", "escalated_to")
    if youth is not None:
        qs = qs.filter(youth=youth)
    if status == "aabne":
        qs = qs.filter(closed_at__isnull=True)
    elif status == "mine":
        qs = qs.filter(closed_at__isnull=True, acknowledged_at__isnull=True, notified=user)
    elif status == "afsluttede":
        qs = qs.filter(closed_at__isnull=False)
    q = q.strip()
    if q:
        cond = Q()
        for term in q.split()[:5]:
            cond &= Q(youth__first_name__icontains=term) | Q(youth__last_name__icontains=term)
        qs = qs.filter(cond)
    qs = qs.annotate(
        is_overdue=Exists(Concern.objects.filter(overdue_q(), pk=OuterRef("pk"), closed_at__isnull=True)),
        waits_on_me=Exists(Concern.notified.through.objects.filter(concern_id=OuterRef("pk"), user_id=user.pk)),
    )
    return qs.order_by(*CONCERN_SORTS.get(sort, CONCERN_SORTS["-rejst"]), "pk")


def concern_detail(concern: Concern) -> dict[str, Any]:
    return {
        "actions": list(concern.actions.select_related("created_by")),
        "notified": list(concern.notified.select_related("organisation")),
        "overdue": concern.closed_at is None and is_overdue(concern.ack_due, concern.acknowledged_at is not None),
    }


# --- Referrals --------------------------------------------------------------------------------------------

def referral_queue(user: Any, *, status: str = "afventer", q: str = "") -> QuerySet[Referral]:
    """The intake queue of the user's municipality, oldest first (the weekly meeting's agenda)."""
    if not policy.is_intake(user):
        return Referral.objects.none()
    qs = Referral.objects.filter(municipality_id=user.municipality_id).select_related(
        "submitted_by__organisation", "decided_by", "youth")
    if status in ReferralStatus.values:
        qs = qs.filter(status=status)
    q = q.strip()
    if q:
        cond = Q()
        for term in q.split()[:5]:
            cond &= Q(first_name__icontains=term) | Q(last_name__icontains=term) | Q(organisation_name__icontains=term)
        qs = qs.filter(cond)
    return qs.order_by("submitted_at", "pk")


def referrals_by(user: Any) -> QuerySet[Referral]:
    """The referrer's own referrals: status only (the template shows no more)."""
    return Referral.objects.filter(submitted_by=user).only(
        "pk", "first_name", "submitted_at", "status", "decided_at").order_by("-submitted_at", "-pk")


# --- Handovers --------------------------------------------------------------------------------------------

def visible_handovers(user: Any) -> QuerySet[Handover]:
    """Handovers for youth in the user's circles, and those addressed to the user (the named receiver reads
    the handover before joining the circle — that is its purpose, and the sender checked the consent)."""
    if not policy.is_staff_user(user) or user.municipality_id is None:
        return Handover.objects.none()
    return Handover.objects.filter(youth__municipality_id=user.municipality_id).filter(
        policy.youth_in(user) | Q(receiver=user)
    )


def access_handover(user: Any, pk: Any) -> Handover:
    """One handover the user may read (a circle member, or its named receiver): Http404 alike for "does not
    exist" and "not yours"."""
    try:
        key = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    handover = visible_handovers(user).select_related(
        "youth__municipality", "sender__organisation", "receiver__organisation",
        "consent__receiving_organisation").filter(pk=key).first()
    if handover is None:
        raise Http404
    return handover


def access_referral(user: Any, pk: Any) -> Referral:
    """One referral of the intake user's municipality: PermissionDenied for anyone not in intake, Http404
    alike for "does not exist" and "another municipality's"."""
    if not policy.is_intake(user):
        raise PermissionDenied
    try:
        key = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    referral = (Referral.objects.select_related("submitted_by__organisation", "decided_by", "youth")
                .filter(municipality_id=user.municipality_id, pk=key).first())
    if referral is None:
        raise Http404
    return referral


def handovers_for_user(user: Any) -> dict[str, list[Handover]]:
    base = visible_handovers(user).select_related("youth", "sender", "receiver")
    return {
        "incoming": list(base.filter(receiver=user, status=HandoverStatus.SENT).order_by("created_at", "pk")),
        "sent": list(base.filter(sender=user).order_by("-created_at", "-pk")[:50]),
    }


def handovers_for_youth(youth: Youth) -> list[Handover]:
    """The young person's handovers with their comments (for the portal: the youth reads and comments)."""
    return list(
        Handover.objects.filter(youth=youth).exclude(is_reassignment=True)
        .select_related("sender__organisation", "receiver__organisation")
        .prefetch_related(Prefetch("comments", queryset=HandoverComment.objects.select_related("author")
                                   .order_by("created_at", "pk")))
        .order_by("-created_at", "-pk")
    )


# --- Leaders: capacity (aggregates only, never a young person's name) -------------------------------------

def _count(qs: QuerySet[Any]) -> Subquery:
    return Subquery(qs.order_by().annotate(_n=Func(F("pk"), function="COUNT")).values("_n")[:1],
                    output_field=IntegerField())


def caseload_band(municipality_id: int | None) -> Any:
    """The municipality's one caseload band, set by its leaders on the targets pages (`targets.Band`: `low`,
    `high`, `is_set`, `place(n)`); every page that shows caseloads reads it."""
    from ungeforlob.targets.selectors import caseload_band as band_of

    return band_of(municipality_id)


def capacity_for(user: Any, *, sort: str = "navn", q: str = "") -> list[User]:
    """Per professional of the leader's municipality: youth as contact person vs the band, concerns open
    and overdue (on those youth), and the average response time. Four queries, whatever the size.

    Each figure is counted once for the whole municipality, grouped by professional (its open contact-person
    memberships; the open concerns joined to them; the concerns its staff acknowledged), not once per
    professional in a correlated subquery.
    """
    if not policy.is_leader(user) or user.municipality_id is None:
        return []
    band = caseload_band(user.municipality_id)
    staff = (User.objects.filter(municipality_id=user.municipality_id, is_active=True, role=Role.PROFESSIONAL)
             .select_related("organisation", "leader"))
    q = q.strip()
    if q:
        staff = staff.filter(Q(first_name__icontains=q) | Q(last_name__icontains=q) | Q(organisation__name__icontains=q))
    # Names are ordered by the database (its collation); the figures then order the rows stably in Python.
    rows = list(staff.order_by(*(["first_name", "last_name"] if sort == "navn" else ["first_name"]), "pk"))
    municipality_id = user.municipality_id
    caseloads = dict(
        Membership.objects.open().filter(role=ChainRole.CONTACT_PERSON, professional__municipality_id=municipality_id)
        .values_list("professional_id").annotate(n=Count("pk")).order_by()
    )
    # Open concerns on the young people each one is contact person for (a youth has one open contact person).
    # The municipality's young people first: without it PostgreSQL joined every open contact person in Denmark.
    concerns = {
        professional_id: (n_open, n_overdue) for professional_id, n_open, n_overdue in
        Concern.objects.filter(closed_at__isnull=True, youth__municipality_id=municipality_id,
                               youth__memberships__role=ChainRole.CONTACT_PERSON,
                               youth__memberships__end_date__isnull=True,
                               youth__memberships__professional__municipality_id=municipality_id)
        .values_list("youth__memberships__professional_id")
        .annotate(n_open=Count("pk"), n_overdue=Count("pk", filter=overdue_q())).order_by()
    }
    responses = dict(
        Concern.objects.filter(acknowledged_by__municipality_id=user.municipality_id, response_minutes__isnull=False)
        .values_list("acknowledged_by").annotate(a=Avg("response_minutes")).order_by()
    )
    for row in rows:
        row.youth_count = n = caseloads.get(row.pk, 0)  # type: ignore[attr-defined]
        row.open_concerns, row.overdue_concerns = concerns.get(row.pk, (0, 0))  # type: ignore[attr-defined]
        row.avg_response = responses.get(row.pk)  # type: ignore[attr-defined]
        row.band = band.place(n)  # type: ignore[attr-defined]
        row.is_mine = row.leader_id == user.pk  # type: ignore[attr-defined]
    if sort == "unge":
        rows.sort(key=lambda r: -r.youth_count)  # type: ignore[attr-defined]
    elif sort == "overskredet":
        rows.sort(key=lambda r: (-r.overdue_concerns, -r.open_concerns))  # type: ignore[attr-defined]
    return rows


def team_capacity_for(user: Any) -> list[Any]:
    """Teams that carry the contact-person role together: their young people per member against the band.
    One query, whatever the size; numbers only."""
    from ungeforlob.accounts.models import Team

    if not policy.is_leader(user) or user.municipality_id is None:
        return []
    band = caseload_band(user.municipality_id)
    teams = list(
        Team.objects.filter(municipality_id=user.municipality_id).select_related("organisation")
        .annotate(
            youth_count=Coalesce(_count(Membership.objects.open().filter(
                team=OuterRef("pk"), role=ChainRole.CONTACT_PERSON)), Value(0)),
            member_count=Coalesce(_count(User.teams.through.objects.filter(
                team_id=OuterRef("pk"), user__is_active=True)), Value(0)),
        )
        .filter(youth_count__gt=0).order_by("name", "pk")
    )
    for team in teams:
        per_member = team.youth_count / team.member_count if team.member_count else None  # type: ignore[attr-defined]
        team.per_member = per_member  # type: ignore[attr-defined]
        team.band = "ingen" if per_member is None else band.place(per_member)  # type: ignore[attr-defined]
    return teams


def capacity_totals(rows: list[User], teams: list[Any] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    with_youth = [r for r in rows if r.youth_count]  # type: ignore[attr-defined]
    minutes = [r.avg_response for r in rows if r.avg_response is not None]  # type: ignore[attr-defined]
    return {
        "youth": sum(r.youth_count for r in [*rows, *teams]),  # type: ignore[attr-defined]
        "open": sum(r.open_concerns for r in rows),  # type: ignore[attr-defined]
        "overdue": sum(r.overdue_concerns for r in rows),  # type: ignore[attr-defined]
        "over_band": sum(1 for r in rows if r.band == "over"),  # type: ignore[attr-defined]
        "staff_with_youth": len(with_youth),
        "avg_response_hours": round(sum(minutes) / len(minutes) / 60, 1) if minutes else None,
    }


def reassign_preview(user: Any, departing: User) -> dict[str, Any]:
    """How many youth would move, and how many other roles would end (numbers, never names)."""
    open_ = Membership.objects.filter(professional=departing).not_ended()
    return {"count": open_.filter(role=ChainRole.CONTACT_PERSON).count(),
            "other_roles": open_.exclude(role=ChainRole.CONTACT_PERSON).count()}


def contact_people(youth: Youth) -> list[User]:
    """The users who are the young person's contact person now: the professional, or the team's members (whom
    a check-in, a reply or a wish of hers is told to)."""
    rows = Membership.objects.active().filter(youth=youth, role=ChainRole.CONTACT_PERSON).values_list(
        "professional_id", "team_id")
    people = {p for p, _t in rows if p}
    teams = {t for _p, t in rows if t}
    return list(User.objects.filter(Q(pk__in=people) | Q(teams__in=teams), is_active=True).distinct())
