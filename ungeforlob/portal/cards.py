"""The portal's card on the youth overview, staff side (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, QuerySet, Window

from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.portal.models import Wish, WishStatus
from ungeforlob.youth.models import Youth


@prepared(youth_id=int)
def _open_wishes(*, youth_id: int) -> QuerySet[Wish]:
    return (Wish.objects.filter(youth_id=youth_id, status__in=[WishStatus.NEW, WishStatus.DISCUSS])
            .only("kind", "text").annotate(open_count=Window(Count("pk")))[:3])


@reads_ahead(lambda youth, today: [_open_wishes.read(youth_id=youth.pk)])
def wishes_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """Open wishes (new or to be talked about): the count and the three newest, in one query (the count is a
    window over every open wish, computed before the three are cut)."""
    latest = _open_wishes(youth_id=youth.pk)
    return {"open_count": latest[0].open_count if latest else 0, "latest": latest}
