"""The tabs of a young person's page. Each capability adds its own tab here (url name, label)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

YOUTH_SECTIONS: list[tuple[str, object]] = [
    ("youth:detail", _("Overblik")),
    ("chain:circle", _("Kæden")),
    ("youth:timeline", _("Tidslinje")),
    ("plans:plan", _("Profil og plan")),
    ("chain:youth_concerns", _("Bekymringer")),
    ("offers:youth", _("Tilbud")),
    ("transitions:youth", _("Overgange")),
    ("progression:overview", _("Progression")),
    ("messaging:conversation", _("Beskeder")),
]
