"""The parts of a young person's page that other capabilities add: its tabs and its overview cards.

Tabs: each capability adds its own here (url name, label). `youth_sections` hands them to every template
(settings' context processors): the tab bar in `youth/youth_base.html` is extended by pages of many apps.

Overview cards: each capability adds a line to YOUTH_OVERVIEW_CARDS (template, context function). The
overview view calls `overview_cards(youth, today=...)` after `policy.get_youth_for` and the template only
draws what it was given: no template tag reads a young person's data.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.prepared import Read
from ungeforlob.youth.models import Youth

# In the order of the model: the young person's own plan and progression first, then the chain around them.
YOUTH_SECTIONS: list[tuple[str, object]] = [
    ("youth:detail", _("Overblik")),
    ("plans:plan", _("Profil og plan")),
    ("progression:overview", _("Progression")),
    ("chain:circle", _("Kæden")),
    ("chain:youth_concerns", _("Bekymringer")),
    ("transitions:youth", _("Overgange")),
    ("offers:youth", _("Tilbud")),
    ("messaging:conversation", _("Beskeder")),
    ("youth:timeline", _("Tidslinje")),
    ("meetings:youth", _("Møder")),
    ("relocation:youth", _("Flytning")),
    ("disclosure:youth", _("Undtaget")),
]


def youth_sections(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the tabs (a constant; no query)."""
    return {"youth_sections": YOUTH_SECTIONS}


# The cards after the youth app's own, in this order: (template, `(youth, *, today) -> dict` of the app that
# owns the card, costing a fixed number of queries). The template gets the dict and `youth`.
YOUTH_OVERVIEW_CARDS: list[tuple[str, str]] = [
    ("plans/_overview_card.html", "ungeforlob.plans.cards.overview_card"),
    ("offers/_youth_card.html", "ungeforlob.offers.cards.overview_card"),
    ("transitions/_overview_card.html", "ungeforlob.transitions.selectors.overview_card"),
    ("progression/_overview_card.html", "ungeforlob.progression.cards.overview_card"),
    ("chain/_overview_card.html", "ungeforlob.chain.cards.overview_card"),
    ("portal/staff/_wishes_card.html", "ungeforlob.portal.cards.wishes_card"),
    ("activities/_overview_card.html", "ungeforlob.activities.cards.overview_card"),
    ("education/_overview_card.html", "ungeforlob.education.cards.overview_card"),
]


@functools.cache
def _cards() -> list[tuple[str, Callable[..., dict[str, Any]]]]:
    return [(template_name, import_string(path)) for template_name, path in YOUTH_OVERVIEW_CARDS]


def overview_reads(youth: Youth, *, today: datetime.date) -> list[Read]:
    """The reads the cards declare (`core.prepared.reads_ahead`): the questions whose values are known before any
    card runs. Run together ahead of the cards (`ahead`), they cost one round trip instead of one each."""
    reads = []
    for _template_name, card in _cards():
        declare = getattr(card, "reads_ahead", None)
        if declare is not None:
            reads.extend(declare(youth, today))
    return reads


def overview_cards(youth: Youth, *, today: datetime.date) -> list[tuple[str, dict[str, Any]]]:
    """Every overview card's (template, context), read for a young person the caller may see."""
    return [(template_name, {**card(youth, today=today), "youth": youth}) for template_name, card in _cards()]
