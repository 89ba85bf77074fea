"""The tabs of a young person's page. Each capability adds its own tab here (url name, label).

`youth_sections` hands them to every template (settings' context processors): the tab bar in
`youth/youth_base.html` is extended by pages of many apps.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

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
]


def youth_sections(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the tabs (a constant; no query)."""
    return {"youth_sections": YOUTH_SECTIONS}
