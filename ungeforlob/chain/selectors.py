from __future__ import annotations

from django.utils import timezone

from ungeforlob.chain.models import Membership
from ungeforlob.youth.models import Youth


def circle_for(youth: Youth) -> dict[str, list[Membership]]:
    """Active members and history of one youth's circle, in one query."""
    today = timezone.localdate()
    members = list(
        Membership.objects.filter(youth=youth)
        .select_related("professional__organisation", "team__organisation")
        .order_by("start_date", "pk")
    )
    active = [m for m in members if m.start_date <= today and (m.end_date is None or m.end_date > today)]
    return {"active": active, "history": [m for m in members if m not in active]}
