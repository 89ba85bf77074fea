"""The Tilbud card on the youth overview: activities linked to offers and the best-fitting suggestions.

A fixed number of queries (linked activities; profile, level, offers and their need tags for suggestions).
Also usable on the plan page: `{% load offers_ui %}{% offers_card youth %}`.
"""

from __future__ import annotations

from typing import Any

from django import template

from ungeforlob.offers.selectors import linked_activities, suggestions_for

register = template.Library()


@register.inclusion_tag("offers/_youth_card.html")
def offers_card(youth: Any) -> dict[str, Any]:
    linked = linked_activities(youth)
    suggestions = [s for s in suggestions_for(youth, limit=6)["suggestions"]
                   if s.offer.pk not in {a.offer_id for a in linked}][:3]
    return {"youth": youth, "linked": linked[:5], "suggestions": suggestions}
