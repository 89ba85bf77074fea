"""Items for the contact person's *I dag*: concerns awaiting acknowledgement, KUI deadlines, handovers.

Each source reads only through the access policy and costs a fixed number of queries.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.chain import selectors
from ungeforlob.chain.deadlines import is_overdue
from ungeforlob.chain.models import HandoverStatus, PlanStop
from ungeforlob.core.agenda import AgendaItem, probed


def _concerns_waiting(user: Any, *, today: datetime.date) -> list[Any]:
    return [selectors.visible_concerns(user).filter(acknowledged_at__isnull=True, closed_at__isnull=True,
                                                    notified=user)]


@probed(_concerns_waiting)
def concern_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Open concerns that wait on this user's acknowledgement."""
    qs = _concerns_waiting(user, today=today)[0].select_related("youth").order_by("ack_due", "pk")[:50]
    return [
        AgendaItem(due=c.ack_due, kind="bekymring", title=_("Kvittér for bekymring: %(cat)s") % {
            "cat": c.get_category_display()}, youth_id=c.youth_id, youth_name=c.youth.full_name,
            url=reverse("chain:concern_detail", args=[c.pk]), overdue=is_overdue(c.ack_due, False),
            detail=c.get_severity_display())
        for c in qs
    ]


def _stops_open(user: Any, *, today: datetime.date) -> list[Any]:
    return [PlanStop.objects.filter(policy.youth_in(user)).filter(offered_on__isnull=True)]


@probed(_stops_open)
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


@probed(_handovers_waiting)
def handover_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Handovers addressed to this user that wait for acceptance."""
    qs = _handovers_waiting(user, today=today)[0].select_related("youth").order_by("created_at", "pk")[:50]
    return [
        AgendaItem(due=h.created_at.date(), kind="overlevering", title=_("Tag stilling til overlevering"),
                   youth_id=h.youth_id, youth_name=h.youth.full_name,
                   url=reverse("chain:handover_detail", args=[h.pk]))
        for h in qs
    ]
