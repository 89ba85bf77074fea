"""The contact person's *I dag*: SMS that could not be sent, and replies waiting for an answer."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.core.agenda import AgendaItem, probe_query, probed
from ungeforlob.core.prepared import reads_ahead
from ungeforlob.messaging import selectors


def _sms_waiting(user: Any, *, today: datetime.date) -> list[Any]:
    ids = policy.youth_ids(user, policy.Action.CONTACT_PERSON)
    if ids is None:
        return [selectors.failed_messages_qs(user), selectors.unanswered_replies_qs(user)]
    since = timezone.now() - datetime.timedelta(days=selectors.UNANSWERED_DAYS)
    return [_failed_probe(ids=ids), _unanswered_probe(ids=ids, since=since)]


@probe_query(ids=list)
def _failed_probe(*, ids: list[int]) -> QuerySet[Any]:
    return selectors.failures_of(ids)


@probe_query(ids=list, since=datetime.datetime)
def _unanswered_probe(*, ids: list[int], since: datetime.datetime) -> QuerySet[Any]:
    return selectors.unanswered_of(ids, since)


@reads_ahead(lambda user, today: selectors.agenda_reads(user))
@probed(_sms_waiting)
def sms_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    items = []
    for m in selectors.failed_messages(user):
        items.append(AgendaItem(
            due=timezone.localdate(m.failed_at) if m.failed_at else today, kind="sms",
            title=_("SMS kunne ikke sendes"), youth_id=m.youth_id, youth_name=m.youth.full_name,
            url=reverse("messaging:conversation", args=[m.youth_id]), overdue=True,
            detail=m.status_reason,
        ))
    for r in selectors.unanswered_replies(user):
        items.append(AgendaItem(
            due=timezone.localdate(r.received_at), kind="sms", title=_("Ny SMS fra den unge"), youth_id=r.youth_id,
            youth_name=r.youth.full_name, url=reverse("messaging:conversation", args=[r.youth_id]),
        ))
    return items
