"""The portal's card on the youth overview, staff side (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`)."""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.portal.models import Wish, WishStatus
from ungeforlob.youth.models import Youth


def wishes_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """Open wishes (new or to be talked about): the count and the three newest, in two queries."""
    open_wishes = Wish.objects.filter(youth=youth, status__in=[WishStatus.NEW, WishStatus.DISCUSS])
    return {"open_count": open_wishes.count(), "latest": list(open_wishes.only("kind", "text")[:3])}
