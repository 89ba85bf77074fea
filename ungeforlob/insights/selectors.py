"""Aggregates for leaders: counts and shares, never a young person's name or id."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.portal.selectors import feedback_summary
from ungeforlob.youth.models import Course

CASELOAD_BAND = (12, 25)


def overview(*, municipality_id: int, today: datetime.date | None = None) -> dict[str, Any]:
    today = today or timezone.localdate()
    year_start = today.replace(month=1, day=1)
    courses = Course.objects.filter(youth__municipality_id=municipality_id)
    counts = courses.aggregate(
        open=Count("id", filter=Q(end_date__isnull=True)),
        started=Count("id", filter=Q(start_date__gte=year_start)),
        ended=Count("id", filter=Q(end_date__gte=year_start)),
    )
    end_reasons = list(
        courses.filter(end_date__gte=year_start).values("end_reason").annotate(n=Count("id")).order_by("-n")
    )
    reason_labels = dict(Course._meta.get_field("end_reason").choices)
    for row in end_reasons:
        row["label"] = reason_labels.get(row["end_reason"], row["end_reason"])
    # Per contact person (by id, so two colleagues with the same name are two rows), through the professionals
    # of the municipality: their memberships are found by index instead of scanning every membership. A contact
    # person always belongs to the young person's municipality (the policy gives no access across them).
    active = Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gt=today))
    caseloads = list(
        Membership.objects.filter(active, role=ChainRole.CONTACT_PERSON, professional__municipality_id=municipality_id,
                                  youth__municipality_id=municipality_id)
        .values("professional_id", "professional__first_name", "professional__last_name",
                "professional__organisation__name")
        .annotate(n=Count("youth", distinct=True))
        .order_by("-n", "professional__first_name", "professional__last_name", "professional_id")
    )
    low, high = CASELOAD_BAND
    for row in caseloads:
        row["band"] = "lav" if row["n"] < low else ("høj" if row["n"] > high else "ok")
    return {"counts": counts, "end_reasons": end_reasons, "caseloads": caseloads, "band": CASELOAD_BAND,
            "feedback": feedback_summary(municipality_id), "year": today.year}
