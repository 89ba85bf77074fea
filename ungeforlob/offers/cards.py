"""The Tilbud card on the youth overview (registered in `youth.sections.YOUTH_OVERVIEW_CARDS`): activities
linked to offers and the best-fitting suggestions.

A fixed number of queries (linked activities; profile, level, offers and their need tags for suggestions).
"""

from __future__ import annotations

import datetime
from typing import Any

from ungeforlob.core.prepared import reads_ahead
from ungeforlob.offers.selectors import (
    _linked_activities,
    _profile_needs,
    fitting_offers_read,
    linked_activities,
    suggestions_for,
)
from ungeforlob.youth.models import Youth


@reads_ahead(lambda youth, today: [_linked_activities.read(youth_id=youth.pk), _profile_needs.read(youth_id=youth.pk),
                                   fitting_offers_read(youth, today=today)])
def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    linked = linked_activities(youth)
    suggestions = [s for s in suggestions_for(youth, limit=6, today=today)["suggestions"]
                   if s.offer.pk not in {a.offer_id for a in linked}][:3]
    return {"linked": linked[:5], "suggestions": suggestions}
