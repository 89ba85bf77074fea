"""Demo data: Demo Kommune's targets for this year and last year, and its caseload band. Idempotent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from ungeforlob.targets.models import CaseloadBand, Target
from ungeforlob.targets.services import caseload_band_set, target_create

# measure, direction, value, the reason a committee might give
THIS_YEAR = [
    ("ended_in_education_or_job", "gte", 65, "Byrådets ungestrategi"),
    ("retention_3_months", "gte", 90, "Uddannelsesstart følges tæt de første måneder"),
    ("median_days_to_education", "lte", 155, ""),
    ("concerns_answered_on_time", "gte", 95, "Den der først ser problemet, tager initiativ"),
    ("contact_14_days", "gte", 80, "Ingen ung må gå i glemmebogen"),
]
LAST_YEAR = [
    ("ended_in_education_or_job", "gte", 60, ""),
    ("concerns_answered_on_time", "gte", 90, ""),
]


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    leader = staff["leder"]
    year = timezone.localdate().year
    for target_year, targets in ((year, THIS_YEAR), (year - 1, LAST_YEAR)):
        for measure, direction, value, note in targets:
            if not Target.objects.filter(municipality=municipality, year=target_year, measure=measure).exists():
                target_create(actor=leader, year=target_year, measure=measure, direction=direction,
                              value=Decimal(value), note=note)
    if not CaseloadBand.objects.filter(municipality=municipality).exists():
        caseload_band_set(actor=leader, low=15, high=20, version=0)
