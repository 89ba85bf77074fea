"""The portal's card on the youth overview, staff side (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Window

from ungeforlob.portal.models import Wish, WishStatus
from ungeforlob.youth.models import Youth


def wishes_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """Open wishes (new or to be talked about): the count and the three newest, in one query (the count is a
    window over every open wish, computed before the three are cut)."""
    latest = list(
        Wish.objects.filter(youth=youth, status__in=[WishStatus.NEW, WishStatus.DISCUSS])
        .only("kind", "text").annotate(open_count=Window(Count("pk")))[:3]
    )
    return {"open_count": latest[0].open_count if latest else 0, "latest": latest}
