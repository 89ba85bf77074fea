"""Items for the contact person's *I dag*: concerns awaiting acknowledgement, KUI deadlines, handovers.

Each source reads only through the access policy and costs a fixed number of queries.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.chain import selectors
from ungeforlob.chain.deadlines import is_overdue
from ungeforlob.chain.models import Concern, Handover, HandoverStatus, PlanStop
from ungeforlob.core.agenda import AgendaItem, probe_query, probed
from ungeforlob.core.prepared import Read, prepared, reads_ahead


def _concerns_waiting(user: Any, *, today: datetime.date) -> list[Any]:
    return [selectors.visible_concerns(user).filter(acknowledged_at__isnull=True, closed_at__isnull=True,
                                                    notified=user)]


def _concerns_probe(user: Any, *, today: datetime.date) -> list[Any]:
    """The probe: open concerns the user was notified of and has not acknowledged, in any circle — more than
    `_concerns_waiting` shows (the source then reads exactly that), compiled once per process."""
    return [_notified_concerns(user_id=user.pk)] if policy.is_staff_user(user) else []


@probe_query(user_id=int)
def _notified_concerns(*, user_id: int) -> QuerySet[Concern]:
    return Concern.objects.filter(notified=user_id, acknowledged_at__isnull=True, closed_at__isnull=True)


@prepared(ids=list, user_id=int)
def _concerns_named(*, ids: list[int], user_id: int) -> QuerySet[Concern]:
    """`concern_items`' rows with the young people she may see named by id: compiled once per process."""
    return (Concern.objects.filter(youth_id__any_of=ids, notified=user_id, acknowledged_at__isnull=True,
                                   closed_at__isnull=True)
            .select_related("youth").order_by("ack_due", "pk")[:50])


def _concern_reads(user: Any, today: datetime.date) -> list[Read]:
    ids = policy.youth_ids(user)
    return [] if ids is None else [_concerns_named.read(ids=ids, user_id=user.pk)]


@reads_ahead(_concern_reads)
@probed(_concerns_probe)
def concern_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Open concerns that wait on this user's acknowledgement."""
    ids = policy.youth_ids(user)
    qs = (_concerns_waiting(user, today=today)[0].select_related("youth").order_by("ack_due", "pk")[:50]
          if ids is None else _concerns_named(ids=ids, user_id=user.pk))
    return [
        AgendaItem(due=c.ack_due, kind="bekymring", title=_("Kvittér for bekymring: %(cat)s") % {
            "cat": c.get_category_display()}, youth_id=c.youth_id, youth_name=c.youth.full_name,
            url=reverse("chain:concern_detail", args=[c.pk]), overdue=is_overdue(c.ack_due, False),
            detail=c.get_severity_display())
        for c in qs
    ]


def _stops_open(user: Any, *, today: datetime.date) -> list[Any]:
    return [PlanStop.objects.filter(policy.youth_in(user)).filter(offered_on__isnull=True)]


def _stops_probe(user: Any, *, today: datetime.date) -> list[Any]:
    ids = policy.youth_ids(user)
    return _stops_open(user, today=today) if ids is None else [_open_stops(ids=ids)]


@probe_query(ids=list)
def _open_stops(*, ids: list[int]) -> QuerySet[PlanStop]:
    return PlanStop.objects.filter(youth_id__any_of=ids, offered_on__isnull=True)


@probed(_stops_probe)
def legal_deadline_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """KUI: contact within 5 working days and a new offer within 30 days, for youth where user edits."""
    stops = _stops_open(user, today=today)[0].select_related("youth").order_by("contact_due", "pk")[:50]
    items = []
    for s in stops:
        url = reverse("chain:circle", args=[s.youth_id])
        if s.contacted_on is None:
            items.append(AgendaItem(due=s.contact_due, kind="frist", title=_("KUI: kontakt den unge"),
                                    youth_id=s.youth_id, youth_name=s.youth.full_name, url=url,
                                    overdue=s.contact_due < today,
                                    detail=_("Senest 5 arbejdsdage efter stop i uddannelsesplanen.")))
        items.append(AgendaItem(due=s.offer_due, kind="frist", title=_("KUI: tilbyd en ny aktivitet"),
                                youth_id=s.youth_id, youth_name=s.youth.full_name, url=url,
                                overdue=s.offer_due < today,
                                detail=_("Senest 30 dage efter stop i uddannelsesplanen.")))
    return items


def _handovers_waiting(user: Any, *, today: datetime.date) -> list[Any]:
    return [selectors.visible_handovers(user).filter(receiver=user, status=HandoverStatus.SENT)]


def _handovers_probe(user: Any, *, today: datetime.date) -> list[Any]:
    """The probe: handovers sent to the user, in any circle (the source then reads those the user may see)."""
    return [_handovers_to(user_id=user.pk)] if policy.is_staff_user(user) else []


@probe_query(user_id=int)
def _handovers_to(*, user_id: int) -> QuerySet[Handover]:
    return Handover.objects.filter(receiver=user_id, status=HandoverStatus.SENT)


@probed(_handovers_probe)
def handover_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Handovers addressed to this user that wait for acceptance."""
    qs = _handovers_waiting(user, today=today)[0].select_related("youth").order_by("created_at", "pk")[:50]
    return [
        AgendaItem(due=h.created_at.date(), kind="overlevering", title=_("Tag stilling til overlevering"),
                   youth_id=h.youth_id, youth_name=h.youth.full_name,
                   url=reverse("chain:handover_detail", args=[h.pk]))
        for h in qs
    ]
