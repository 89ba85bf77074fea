"""The targets app's sections on the leader's home (`/ledelse/`), registered in insights.sections."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ungeforlob.targets import selectors
from ungeforlob.targets.chain_figures import contact_figures, periods_of
from ungeforlob.targets.periods import Period


def targets_section(filters: Any, user: Any) -> dict[str, Any]:
    """This year's targets, each against its actual figure, with status and trend in words."""
    today = timezone.localdate()
    return {"year": today.year, "rows": selectors.targets_for_year(filters.municipality_id, today.year, today=today)}


def chain_section(filters: Any, user: Any) -> dict[str, Any]:
    """The contact rhythm in the last quarter of the filters, and the caseloads against the band."""
    today = timezone.localdate()
    periods: list[Period] = periods_of(filters, today)[-1:]
    rows = []
    if periods:
        from ungeforlob.insights import suppression as s

        only = filters.youth_ids() if filters.active else None
        rows = contact_figures(filters.municipality_id, periods, today, only)
        if filters.active:
            base, parents = filters.base(), filters.parent_bases()
            for row in rows:
                row.cells = s.suppress_for_filter(row.cells, base=base, parent_bases=parents)
    band = selectors.caseload_band(filters.municipality_id)
    return {"period": periods[0] if periods else None, "rows": rows, "band": band,
            "places": selectors.caseloads(filters.municipality_id, band, today=today)["places"]}
