"""The contact person's *I dag*: wishes from the young person that wait for an answer."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ungeforlob import policy
from ungeforlob.core.agenda import AgendaItem
from ungeforlob.portal.models import Wish, WishStatus

# A wish unanswered for longer than this is shown as overdue: the young person is waiting.
ANSWER_WITHIN = datetime.timedelta(days=7)


def wish_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """One item per young person of the user's own caseload with unanswered wishes. One query."""
    rows = (Wish.objects.filter(youth__in=policy.contact_person_youth(user), status=WishStatus.NEW)
            .select_related("youth").order_by("created_at", "pk")[:500])
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
