"""The contact person's *I dag*: wishes from the young person that wait for an answer."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ungeforlob import policy
from ungeforlob.core.agenda import AgendaItem, probe_query, probed
from ungeforlob.core.prepared import Read, prepared, reads_ahead
from ungeforlob.portal.models import (
    CheckIn,
    ContactProposal,
    ProposalStatus,
    ReachedStatus,
    Wish,
    WishStatus,
)

# A wish unanswered for longer than this is shown as overdue: the young person is waiting.
ANSWER_WITHIN = datetime.timedelta(days=7)


def _new_wishes(user: Any, *, today: datetime.date) -> list[Any]:
    return [Wish.objects.filter(policy.youth_in(user, policy.Action.CONTACT_PERSON), status=WishStatus.NEW)]


def _own_caseload(user: Any) -> list[int] | None:
    return policy.youth_ids(user, policy.Action.CONTACT_PERSON)


def _new_wishes_probe(user: Any, *, today: datetime.date) -> list[Any]:
    ids = _own_caseload(user)
    return _new_wishes(user, today=today) if ids is None else [_wishes_of(ids=ids)]


@probe_query(ids=list)
def _wishes_of(*, ids: list[int]) -> QuerySet[Wish]:
    return Wish.objects.filter(youth_id__any_of=ids, status=WishStatus.NEW)


def _checkins_waiting(user: Any, *, today: datetime.date) -> list[Any]:
    return [_waiting_checkins(CheckIn.objects.filter(policy.youth_in(user, policy.Action.CONTACT_PERSON)))]


def _waiting_checkins(qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.filter(Q(seen_at__isnull=True) | Q(reached=ReachedStatus.PROPOSED))


def _checkins_probe(user: Any, *, today: datetime.date) -> list[Any]:
    ids = _own_caseload(user)
    return _checkins_waiting(user, today=today) if ids is None else [_checkins_of(ids=ids)]


@probe_query(ids=list)
def _checkins_of(*, ids: list[int]) -> QuerySet[Any]:
    return _waiting_checkins(CheckIn.objects.filter(youth_id__any_of=ids))


def _new_proposals(user: Any, *, today: datetime.date) -> list[Any]:
    return [ContactProposal.objects.filter(policy.youth_in(user, policy.Action.CONTACT_PERSON),
                                           status=ProposalStatus.NEW)]


def _proposals_probe(user: Any, *, today: datetime.date) -> list[Any]:
    ids = _own_caseload(user)
    return _new_proposals(user, today=today) if ids is None else [_proposals_of(ids=ids)]


@probe_query(ids=list)
def _proposals_of(*, ids: list[int]) -> QuerySet[Any]:
    return ContactProposal.objects.filter(youth_id__any_of=ids, status=ProposalStatus.NEW)


@prepared(ids=list)
def _wishes_named(*, ids: list[int]) -> QuerySet[Wish]:
    """`wish_items`' rows with her own caseload named by id: compiled once per process."""
    return Wish.objects.filter(youth_id__any_of=ids, status=WishStatus.NEW).select_related("youth").order_by(
        "created_at", "pk")[:500]


def _wish_reads(user: Any, today: datetime.date) -> list[Read]:
    ids = _own_caseload(user)
    return [] if ids is None else [_wishes_named.read(ids=ids)]


@reads_ahead(_wish_reads)
@probed(_new_wishes_probe)
def wish_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """One item per young person of the user's own caseload with unanswered wishes. One query."""
    ids = _own_caseload(user)
    rows = (_new_wishes(user, today=today)[0].select_related("youth").order_by("created_at", "pk")[:500]
            if ids is None else _wishes_named(ids=ids))
    by_youth: dict[int, list[Wish]] = {}
    for wish in rows:
        by_youth.setdefault(wish.youth_id, []).append(wish)
    items = []
    now = timezone.now()
    for youth_id, wishes in by_youth.items():
        oldest = wishes[0]
        items.append(AgendaItem(
            due=timezone.localdate(oldest.created_at), kind="oenske",
            title=ngettext("Nyt ønske fra den unge", "%(n)s nye ønsker fra den unge", len(wishes)) % {"n": len(wishes)},
            youth_id=youth_id, youth_name=oldest.youth.full_name,
            url=reverse("portal:staff_wishes", args=[youth_id]),
            overdue=now - oldest.created_at > ANSWER_WITHIN,
            detail=oldest.text[:120],
        ))
    return items


@probed(_checkins_probe)
def checkin_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """One item per young person of the user's caseload whose check-ins from Min side wait: not yet seen, or a
    sub-goal she proposes reached. One query."""
    rows = (_checkins_waiting(user, today=today)[0]
            .select_related("youth", "subgoal").order_by("created_at", "pk")[:500])
    by_youth: dict[int, list[Any]] = {}
    for checkin in rows:
        by_youth.setdefault(checkin.youth_id, []).append(checkin)
    items = []
    for youth_id, checkins in by_youth.items():
        newest = checkins[-1]
        proposed = any(c.reached == ReachedStatus.PROPOSED for c in checkins)
        title = (_("Den unge foreslår, at et delmål er nået") if proposed
                 else ngettext("Den unge har tjekket ind", "Den unge har tjekket ind %(n)s gange", len(checkins))
                 % {"n": len(checkins)})
        head = _("Jeg har gjort det") if newest.done else _("Det gik ikke")
        items.append(AgendaItem(
            due=timezone.localdate(checkins[0].created_at), kind="tjek_ind", title=title, youth_id=youth_id,
            youth_name=newest.youth.full_name, url=reverse("portal:staff_checkins", args=[youth_id]),
            detail=(f"{head}: {newest.subgoal.text}" + (f" – »{newest.line}«" if newest.line else ""))[:200],
        ))
    return items


@probed(_proposals_probe)
def proposal_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Her proposals of a contact person that wait for an answer, for her contact person. One query."""
    rows = _new_proposals(user, today=today)[0].select_related("youth").order_by("created_at", "pk")[:500]
    now = timezone.now()
    return [AgendaItem(
        due=timezone.localdate(p.created_at), kind="oenske", title=_("Den unge foreslår en ny kontaktperson"),
        youth_id=p.youth_id, youth_name=p.youth.full_name, url=reverse("portal:staff_proposals", args=[p.youth_id]),
        overdue=now - p.created_at > ANSWER_WITHIN, detail=p.professional_name,
    ) for p in rows]
