"""The wishes card on the youth overview (staff side)."""

from __future__ import annotations

from django.utils import timezone

from ungeforlob.portal.cards import wishes_card
from ungeforlob.portal.services import wish_create
from ungeforlob.testing import Personas


def test_the_wishes_card_counts_every_open_wish_and_shows_the_three_newest_in_one_query(
        p: Personas, count_queries) -> None:
    today = timezone.localdate()
    assert wishes_card(p.youth, today=today) == {"open_count": 0, "latest": []}
    for n in range(5):
        wish_create(youth=p.youth, kind="aktivitet", text=f"Ønske {n}")
    card: dict = {}
    assert count_queries(lambda: card.update(wishes_card(p.youth, today=today))) == 1
    assert card["open_count"] == 5
    assert [w.text for w in card["latest"]] == ["Ønske 4", "Ønske 3", "Ønske 2"]
