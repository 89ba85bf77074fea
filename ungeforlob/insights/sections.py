"""The sections of the leader's home (`/ledelse/`), in the order they are shown. Append a line for yours.

A section is a template included in the dashboard. `context` is the dotted path of
`(filters: LeaderFilters, user) -> dict` (or "" for none); the template gets that dict as `data`, plus
`filters` (LeaderFilters) and `filter_querystring` (keep it on links and on `insights/_table.html`).
Figures must be `suppression.Cell`s, tables `tables.Table`s. A section with only links to pages elsewhere
needs no context (see "elsewhere").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LeaderSection:
    key: str  # the anchor: /ledelse/#flow
    title: str  # shown in the table of contents: a gettext_lazy string
    template: str
    context: str = ""


LEADER_SECTIONS: list[LeaderSection] = [
    LeaderSection("flow", _("Bevægelser mellem niveauer"), "insights/sections/flow.html",
                  "ungeforlob.insights.flow.section"),
    LeaderSection("outcomes", _("Resultater"), "insights/sections/outcomes.html",
                  "ungeforlob.insights.outcomes.section"),
    # Kædens tal, måltal, sagsstammer og de unges stemme: the targets and voice apps add their lines here.
    LeaderSection("maaltal", _("Måltal"), "targets/sections/targets.html", "ungeforlob.targets.sections.targets_section"),
    LeaderSection("kaeden", _("Kædens tal"), "targets/sections/chain.html", "ungeforlob.targets.sections.chain_section"),
    LeaderSection("stemme", _("De unges stemme"), "voice/sections/voice.html", "ungeforlob.voice.sections.voice_section"),
    LeaderSection("elsewhere", _("Flere tal"), "insights/sections/elsewhere.html"),
]
